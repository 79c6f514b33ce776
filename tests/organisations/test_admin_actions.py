"""Admin actions call the same services as the review and member pages, so no admin path
breaks a rule: publication dates, history, e-mails, the last owner, decided claims."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.test import Client

from accounts.models import User
from organisations import services
from organisations.models import (
    Organisation,
    OrganisationMembership,
    OwnershipClaim,
    ProblemReport,
    ReviewDecision,
)
from tests.admin_pages import admin_url, change_form_data, logged_in
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    OwnershipClaimFactory,
    ProblemReportFactory,
    UserFactory,
    draft_organisation,
)

pytestmark = pytest.mark.django_db

Status = Organisation.Status
Action = ReviewDecision.Action
Role = OrganisationMembership.Role


def run_action(client: Client, model: type, action: str, objects: list[Any], **data: str) -> Any:
    """Choose the action for the objects on the list; ``apply`` answers its reason page."""
    return client.post(
        admin_url(model, "changelist"),
        {"action": action, "_selected_action": [obj.pk for obj in objects], **data},
        follow=True,
    )


def shown_messages(response: Any) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def pending_entry(**kwargs: Any) -> tuple[Organisation, User]:
    kwargs.setdefault("status", Status.PENDING)
    entry = draft_organisation(**kwargs)
    return entry, MembershipFactory(organisation=entry, role=Role.OWNER).user


# --- Review decisions ------------------------------------------------------------------------


def test_publishing_in_the_admin_sets_the_publication_date_and_tells_the_members(
    superuser: User, django_capture_on_commit_callbacks: Any
) -> None:
    entry, owner = pending_entry(name="Neuer Verein")
    client = logged_in(superuser)
    page = run_action(client, Organisation, "publish", [entry])
    assert page.status_code == 200
    assert page.context["form"].fields["reason"].required is False
    assert "Neuer Verein" in page.content.decode()
    entry.refresh_from_db()
    assert entry.status == Status.PENDING  # nothing happens before the confirmation

    with django_capture_on_commit_callbacks(execute=True):
        response = run_action(
            client, Organisation, "publish", [entry], apply="yes", reason="Willkommen!"
        )
    assert response.status_code == 200
    assert shown_messages(response) == ["Veröffentlichen: erledigt für 1 Organisation."]
    entry.refresh_from_db()
    assert entry.status == Status.PUBLISHED
    assert entry.published_at is not None
    decision = entry.review_decisions.get()
    assert (decision.action, decision.message, decision.decided_by) == (
        Action.PUBLISHED,
        "Willkommen!",
        superuser,
    )
    assert [message.to for message in mail.outbox] == [[owner.email]]
    assert client.get(entry.get_absolute_url()).status_code == 200
    # Once public, the owner's deletion keeps the entry (archived) for the record.
    assert services.organisation_delete(organisation=entry, user=owner) is True
    entry.refresh_from_db()
    assert entry.status == Status.ARCHIVED


def test_a_decision_that_needs_a_reason_is_not_taken_without_one(superuser: User) -> None:
    entry, _owner = pending_entry()
    response = run_action(
        logged_in(superuser), Organisation, "request_changes", [entry], apply="yes", reason=" "
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {"reason": ["Dieses Feld ist zwingend erforderlich."]}
    entry.refresh_from_db()
    assert entry.status == Status.PENDING
    assert not entry.review_decisions.exists()


@pytest.mark.parametrize(
    ("action", "before", "after", "decision"),
    [
        ("request_changes", Status.PENDING, Status.CHANGES_REQUESTED, Action.CHANGES_REQUESTED),
        ("reject", Status.PENDING, Status.REJECTED, Action.REJECTED),
        ("unpublish", Status.PUBLISHED, Status.CHANGES_REQUESTED, Action.UNPUBLISHED),
        ("archive", Status.PUBLISHED, Status.ARCHIVED, Action.ARCHIVED),
    ],
)
def test_decisions_with_a_reason_go_through_the_services(
    superuser: User,
    django_capture_on_commit_callbacks: Any,
    action: str,
    before: str,
    after: str,
    decision: str,
) -> None:
    entry, owner = pending_entry(status=before)
    with django_capture_on_commit_callbacks(execute=True):
        response = run_action(
            logged_in(superuser), Organisation, action, [entry], apply="yes", reason="Weil."
        )
    assert response.status_code == 200
    entry.refresh_from_db()
    assert entry.status == after
    assert entry.review_decisions.get().action == decision
    assert entry.history.latest().history_user == superuser
    assert [message.to for message in mail.outbox] == [[owner.email]]


def test_a_decision_not_possible_in_the_entrys_state_leaves_it_alone(superuser: User) -> None:
    draft = draft_organisation(name="Entwurf")
    pending, _owner = pending_entry(name="Wartet")
    response = run_action(
        logged_in(superuser), Organisation, "publish", [draft, pending], apply="yes"
    )
    assert shown_messages(response) == [
        "Entwurf: Diese Entscheidung ist im jetzigen Zustand des Eintrags nicht möglich.",
        "Veröffentlichen: erledigt für 1 Organisation.",
    ]
    draft.refresh_from_db()
    assert (draft.status, draft.published_at) == (Status.DRAFT, None)
    assert not draft.review_decisions.exists()
    pending.refresh_from_db()
    assert pending.status == Status.PUBLISHED


def test_marking_verified_and_removing_the_mark_in_the_admin(superuser: User) -> None:
    entry = OrganisationFactory()
    draft = draft_organisation()
    client = logged_in(superuser)
    run_action(client, Organisation, "mark_verified", [entry, draft])
    entry.refresh_from_db()
    draft.refresh_from_db()
    assert entry.verified_at is not None
    assert draft.verified_at is None
    run_action(client, Organisation, "remove_verified_mark", [entry])
    entry.refresh_from_db()
    assert entry.verified_at is None
    assert list(entry.review_decisions.values_list("action", flat=True)) == [
        Action.UNVERIFIED,
        Action.VERIFIED,
    ]


# --- Members ---------------------------------------------------------------------------------


def test_the_members_inline_does_not_remove_the_last_owner(superuser: User) -> None:
    membership = MembershipFactory(role=Role.OWNER)
    client = logged_in(superuser)
    url = admin_url(Organisation, "change", membership.organisation_id)
    data = change_form_data(client.get(url))
    data.update({"memberships-0-DELETE": "on", "memberships-0-role": Role.EDITOR})
    response = client.post(url, data)
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.role == Role.OWNER


def test_the_last_owner_cannot_be_removed_or_made_an_editor_in_the_admin(superuser: User) -> None:
    owner = MembershipFactory(role=Role.OWNER)
    client = logged_in(superuser)
    for action in ("remove", "make_editor"):
        response = run_action(client, OrganisationMembership, action, [owner])
        assert shown_messages(response) == [
            f"{owner}: Die Organisation braucht mindestens eine Inhaberin oder einen Inhaber."
        ]
    owner.refresh_from_db()
    assert owner.role == Role.OWNER


def test_members_change_roles_and_leave_through_the_admin(superuser: User) -> None:
    owner = MembershipFactory(role=Role.OWNER)
    editor = MembershipFactory(organisation=owner.organisation, role=Role.EDITOR)
    client = logged_in(superuser)
    run_action(client, OrganisationMembership, "make_owner", [editor])
    run_action(client, OrganisationMembership, "remove", [owner])
    assert list(owner.organisation.memberships.values_list("pk", "role")) == [
        (editor.pk, Role.OWNER)
    ]


# --- Claims and problem reports --------------------------------------------------------------


def test_approving_a_claim_in_the_admin_makes_the_claimant_an_owner(
    superuser: User, django_capture_on_commit_callbacks: Any
) -> None:
    claim = OwnershipClaimFactory()
    with django_capture_on_commit_callbacks(execute=True):
        run_action(logged_in(superuser), OwnershipClaim, "approve", [claim])
    claim.refresh_from_db()
    assert (claim.status, claim.decided_by) == (OwnershipClaim.Status.APPROVED, superuser)
    assert claim.organisation.memberships.get(user=claim.user).role == Role.OWNER
    assert [message.to for message in mail.outbox] == [[claim.user.email]]
    # Decided once: declining it now changes nothing.
    response = run_action(logged_in(superuser), OwnershipClaim, "decline", [claim], apply="yes")
    assert shown_messages(response) == [f"{claim}: Über diese Anfrage wurde schon entschieden."]
    claim.refresh_from_db()
    assert claim.status == OwnershipClaim.Status.APPROVED


def test_declining_a_claim_in_the_admin_records_the_reason(superuser: User) -> None:
    claim = OwnershipClaimFactory()
    run_action(
        logged_in(superuser), OwnershipClaim, "decline", [claim], apply="yes", reason="Unbekannt."
    )
    claim.refresh_from_db()
    assert (claim.status, claim.reason) == (OwnershipClaim.Status.DECLINED, "Unbekannt.")
    assert not claim.organisation.memberships.filter(user=claim.user).exists()
    assert claim.organisation.review_decisions.get().action == Action.CLAIM_DECLINED


def test_resolving_a_problem_report_in_the_admin(superuser: User) -> None:
    report = ProblemReportFactory()
    run_action(
        logged_in(superuser), ProblemReport, "resolve", [report], apply="yes", reason="Korrigiert."
    )
    report.refresh_from_db()
    assert (report.resolved_by, report.resolved_at is not None) == (superuser, True)
    decision = report.organisation.review_decisions.get()
    assert (decision.action, decision.message) == (Action.REPORT_RESOLVED, "Korrigiert.")


# --- Staff without superuser rights ----------------------------------------------------------


def staff_with(*codenames: str) -> User:
    user = UserFactory(is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    return user


@pytest.mark.parametrize(
    "model", [Organisation, ReviewDecision, OrganisationMembership, OwnershipClaim, ProblemReport]
)
def test_staff_without_permissions_reach_no_page_of_the_app(model: type) -> None:
    client = logged_in(staff_with())
    assert client.get(admin_url(model, "changelist")).status_code == 403
    assert client.get("/de/admin/organisations/").status_code == 404


def test_staff_who_may_only_view_entries_cannot_decide_or_edit(
    django_capture_on_commit_callbacks: Any,
) -> None:
    entry, _owner = pending_entry(name="Wartet")
    client = logged_in(staff_with("view_organisation"))
    response = client.get(admin_url(Organisation, "changelist"))
    assert response.status_code == 200
    assert response.context["action_form"] is None
    with django_capture_on_commit_callbacks(execute=True):
        run_action(client, Organisation, "publish", [entry], apply="yes")
    response = client.post(admin_url(Organisation, "change", entry.pk), {"name": "Anders"})
    assert response.status_code == 403
    assert (
        client.post(admin_url(Organisation, "delete", entry.pk), {"post": "yes"}).status_code == 403
    )
    entry.refresh_from_db()
    assert (entry.status, entry.name) == (Status.PENDING, "Wartet")
    assert not mail.outbox


def test_staff_who_may_change_entries_decide_through_the_services() -> None:
    entry, _owner = pending_entry()
    client = logged_in(staff_with("view_organisation", "change_organisation"))
    run_action(client, Organisation, "publish", [entry], apply="yes")
    entry.refresh_from_db()
    assert entry.status == Status.PUBLISHED
    assert entry.published_at is not None


def test_no_permission_lets_staff_delete_or_change_decisions() -> None:
    decision = ReviewDecision.objects.create(
        organisation=OrganisationFactory(), action=Action.PUBLISHED, message="Gut."
    )
    client = logged_in(
        staff_with("view_reviewdecision", "change_reviewdecision", "delete_reviewdecision")
    )
    assert client.get(admin_url(ReviewDecision, "change", decision.pk)).status_code == 200
    assert (
        client.post(admin_url(ReviewDecision, "delete", decision.pk), {"post": "yes"}).status_code
        == 403
    )
    response = client.post(admin_url(ReviewDecision, "change", decision.pk), {"message": "Nein."})
    assert response.status_code == 403
    decision.refresh_from_db()
    assert decision.message == "Gut."
