"""The decisions district staff take on an entry, declared once for the review pages and the
admin: what the decision is called, what its message to the organisation is asked as (and
whether one is required), the service that takes it and what the staff are told after."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from accounts.models import User
from organisations import services
from organisations.models import Organisation

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


@dataclass(frozen=True)
class Decision:
    label: StrOrPromise
    reason: StrOrPromise
    reason_required: bool
    # (entry, staff member, message to the organisation)
    take: Callable[[Organisation, User, str], object]
    done: StrOrPromise


# In the order the review page offers them; the name is the step of the entry's transitions.
DECISIONS: dict[str, Decision] = {
    "publish": Decision(
        label=_("Publish"),
        reason=_("Note to the organisation (optional)"),
        reason_required=False,
        take=lambda o, s, m: services.organisation_publish(organisation=o, staff=s, message=m),
        done=_("The entry is published."),
    ),
    "request_changes": Decision(
        label=_("Ask for changes"),
        reason=_("What should be changed?"),
        reason_required=True,
        take=lambda o, s, m: services.organisation_request_changes(
            organisation=o, staff=s, message=m
        ),
        done=_("The organisation is asked for changes."),
    ),
    "reject": Decision(
        label=_("Reject"),
        reason=_("Reason for rejecting"),
        reason_required=True,
        take=lambda o, s, m: services.organisation_reject(organisation=o, staff=s, reason=m),
        done=_("The entry is rejected."),
    ),
    "unpublish": Decision(
        label=_("Unpublish"),
        reason=_("Reason for unpublishing"),
        reason_required=True,
        take=lambda o, s, m: services.organisation_unpublish(organisation=o, staff=s, reason=m),
        done=_("The entry is no longer public."),
    ),
    "archive": Decision(
        label=_("Archive"),
        reason=_("Reason for archiving"),
        reason_required=True,
        take=lambda o, s, m: services.organisation_archive(organisation=o, staff=s, reason=m),
        done=_("The entry is archived."),
    ),
}
