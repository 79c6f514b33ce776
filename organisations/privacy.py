"""What this app keeps about a person: their part of the data download, what happens to it when
they delete their account, and which of its roles see other people's personal data.

Registered with the privacy registry (``accounts.privacy``) in ``OrganisationsConfig.ready``.
"""

from __future__ import annotations

import re
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, ngettext_lazy

from accounts.models import User
from accounts.privacy import Kept, Person, when
from organisations.models import (
    CityStaff,
    DistrictStaff,
    Invitation,
    Offer,
    Organisation,
    OrganisationMembership,
    ProblemReport,
    ReviewDecision,
    ReviewerMailSetting,
)
from organisations.search import organisation_search_refresh

CLAIM_ACTIONS = (ReviewDecision.Action.CLAIM_APPROVED, ReviewDecision.Action.CLAIM_DECLINED)


def _entry_row(record: Any, *fields: str) -> dict[str, Any]:
    """A record about an entry, for the download: the entry by its name, then ``fields`` in
    this order (moments, whose names end in ``_at``, as ISO 8601)."""
    row: dict[str, Any] = {"organisation": record.organisation.name}
    for field in fields:
        value = getattr(record, field)
        row[field] = when(value) if field.endswith("_at") else value
    return row


def _invitation_rows(invitations: QuerySet[Invitation]) -> list[dict[str, Any]]:
    return [
        _entry_row(invitation, "email", "role", "created_at", "accepted_at")
        for invitation in invitations.select_related("organisation")
    ]


def personal_data(person: Person) -> dict[str, Any]:
    """The person's data held by this app, for the data download."""
    user = person.user
    return {
        "organisation_memberships": [
            {"organisation": m.organisation.name, "role": m.role, "since": when(m.created_at)}
            for m in user.organisation_memberships.select_related("organisation")
        ],
        "district_staff_roles": [
            {"district": role.district.name, "since": when(role.created_at)}
            for role in user.district_staff_roles.select_related("district")
        ],
        "city_staff_since": when(
            CityStaff.objects.filter(user=user).values_list("created_at", flat=True).first()
        ),
        "reviewer_mail": ReviewerMailSetting.objects.filter(user=user)
        .values_list("frequency", flat=True)
        .first(),
        "claims": [
            _entry_row(claim, "message", "status", "created_at", "decided_at", "reason")
            for claim in user.organisation_claims.select_related("organisation")
        ],
        "invitations_received": _invitation_rows(
            Invitation.objects.filter(person.address_q("email"))
        ),
        "invitations_sent": _invitation_rows(Invitation.objects.filter(invited_by=user)),
        "review_decisions": [
            _entry_row(decision, "action", "message", "decided_at")
            for decision in user.review_decisions.select_related("organisation")
        ],
        "problem_reports": [
            _entry_row(report, "message", "created_at", "resolved_at")
            for report in ProblemReport.objects.filter(
                person.address_q("reporter_email")
            ).select_related("organisation")
        ],
        "entry_changes": _entry_changes_of(user),
    }


def _entry_changes_of(user: User) -> list[dict[str, Any]]:
    return [
        {
            "entry": str(record),
            "kind": kind,
            "changed_at": when(record.history_date),
            "change": record.history_type,
        }
        for kind, model in (("organisation", Organisation), ("offer", Offer))
        for record in model.history.filter(history_user=user).order_by("history_date")  # type: ignore[attr-defined]
    ]


def before_account_deletion(person: Person) -> list[Kept]:
    """Remove or pseudonymise every copy of the person's address and name in this app."""
    kept: list[Kept] = []
    kept += _leave_entries(person)
    # Invitations to the person are used up or pointless once the account is gone.
    Invitation.objects.filter(person.address_q("email") | Q(accepted_by=person.user)).delete()
    kept += _anonymise_problem_reports(person)
    kept += _scrub_claim_decisions(person)
    kept += _staff_decisions(person)
    kept += _entry_changes(person)
    _remove_contact_address(person)
    return kept


def _leave_entries(person: Person) -> list[Kept]:
    """Entries that lose their last owner stay published but are flagged to district staff.

    An entry that was never public and has nobody else is the person's own unfinished work:
    it goes with the account.
    """
    user = person.user
    now = timezone.now()
    left: list[str] = []
    owned = Organisation.objects.filter(
        memberships__user=user, memberships__role=OrganisationMembership.Role.OWNER
    ).distinct()
    for organisation in owned:
        others = organisation.memberships.exclude(user=user)
        if others.filter(role=OrganisationMembership.Role.OWNER).exists():
            continue
        if organisation.published_at is None and not others.exists():
            organisation._history_user = None  # type: ignore[attr-defined]
            organisation.delete()
            continue
        Organisation.objects.filter(pk=organisation.pk).update(owner_left_at=now)
        left.append(organisation.name)
    if not left:
        return []
    return [
        Kept(
            what=ngettext(
                "The entry %(names)s, of which you were the last owner.",
                "The entries %(names)s, of which you were the last owner.",
                len(left),
            )
            % {"names": ", ".join(left)},
            why=_(
                "Entries belong to their organisation, not to an account. District staff are "
                "told that an owner is missing."
            ),
        )
    ]


def _anonymise_problem_reports(person: Person) -> list[Kept]:
    count = ProblemReport.objects.filter(person.address_q("reporter_email")).update(
        reporter_email=""
    )
    return Kept.counted(
        count,
        ngettext_lazy(
            "%(count)d problem report you sent, without your address.",
            "%(count)d problem reports you sent, without your address.",
            "count",
        ),
        _("District staff still need them to correct the entries."),
    )


def _scrub_claim_decisions(person: Person) -> list[Kept]:
    """A decision about a claim names the claimant by address; the decision stays, the
    address goes."""
    pattern = re.compile(
        "|".join(re.escape(address) for address in person.addresses), re.IGNORECASE
    )
    decisions = ReviewDecision.objects.filter(action__in=CLAIM_ACTIONS).filter(
        person.mention_q("message")
    )
    count = 0
    for decision in decisions:
        message = pattern.sub("", decision.message).strip().removeprefix(":").strip()
        ReviewDecision.objects.filter(pk=decision.pk).update(message=message)
        count += 1
    return Kept.counted(
        count,
        ngettext_lazy(
            "%(count)d decision of district staff about your claim of an entry, without "
            "your address.",
            "%(count)d decisions of district staff about your claims of entries, without "
            "your address.",
            "count",
        ),
        _("The review history of an entry shows who decided what about it."),
    )


def _staff_decisions(person: Person) -> list[Kept]:
    # The decisions' ``decided_by`` is emptied when the account goes (SET_NULL).
    return Kept.counted(
        person.user.review_decisions.count(),
        ngettext_lazy(
            "%(count)d decision you took as district staff, shown as “deleted account”.",
            "%(count)d decisions you took as district staff, shown as “deleted account”.",
            "count",
        ),
        _("The review history of an entry must show what was decided and when."),
    )


def _entry_changes(person: Person) -> list[Kept]:
    count = sum(
        model.history.filter(history_user=person.user).count()  # type: ignore[attr-defined]
        for model in (Organisation, Offer)
    )
    # ``history_user`` is emptied when the account goes (SET_NULL).
    return Kept.counted(
        count,
        ngettext_lazy(
            "%(count)d version of an entry or offer you saved, shown as “deleted account”.",
            "%(count)d versions of entries and offers you saved, shown as “deleted account”.",
            "count",
        ),
        _("The change log lets district staff see and undo what changed in an entry."),
    )


def _remove_contact_address(person: Person) -> None:
    """An entry whose public address is the person's own loses it, in every version too."""
    entries = list(
        Organisation.objects.filter(person.address_q("email")).values_list("pk", flat=True)
    )
    Organisation.objects.filter(pk__in=entries).update(email="")
    Organisation.history.filter(person.address_q("email")).update(email="")  # type: ignore[attr-defined]
    if entries:
        organisation_search_refresh(organisation_ids=entries)


def staff_role() -> Exists:
    """District staff see the people behind entries, claims and reports of their district."""
    return Exists(DistrictStaff.objects.filter(user=OuterRef("pk")))


def city_staff_role() -> Exists:
    """City-wide staff see the people behind every entry, claim and report."""
    return Exists(CityStaff.objects.filter(user=OuterRef("pk")))
