"""District staff enter an organisation themselves, e.g. from their district's actor analysis.

Staff are the reviewers, so such an entry is published at once (there is nobody else to
review it) when it has what a submission needs. It has no owner until the organisation claims
it; its page says "entered by the district office" until then.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from organisations.access import reviewable_organisations
from organisations.models import Organisation
from organisations.services.common import (
    Action,
    IncompleteEntry,
    Status,
    record_decision,
)
from organisations.services.data import OrganisationData
from organisations.services.registration import missing_essentials, organisation_create


class OutsideDistricts(Exception):
    """The entry would serve none of the districts the staff member works for."""


@transaction.atomic
def organisation_enter(*, data: OrganisationData, staff: User) -> Organisation:
    """A published entry without owner, recorded as entered by ``staff``. Raises
    ``IncompleteEntry`` or ``OutsideDistricts`` (and saves nothing) when it cannot be."""
    organisation = organisation_create(
        data=data, user=staff, status=Status.PUBLISHED, by_district_office=True
    )
    missing = missing_essentials(organisation)
    if missing:
        raise IncompleteEntry(missing)
    if not reviewable_organisations(staff).filter(pk=organisation.pk).exists():
        raise OutsideDistricts(organisation.name)
    # Entering counts as a confirmation, as a publication after review does (the date is
    # not part of the version history, so no second version for it).
    organisation.last_confirmed_at = timezone.now()
    Organisation.objects.filter(pk=organisation.pk).update(
        last_confirmed_at=organisation.last_confirmed_at
    )
    record_decision(organisation, action=Action.CREATED, staff=staff, notify=False)
    return organisation


def entered_by_district_office(organisation: Organisation) -> bool:
    """True until somebody owns the entry (after a claim was approved, say)."""
    if not organisation.entered_by_district_office:
        return False
    return not organisation.memberships.exists()
