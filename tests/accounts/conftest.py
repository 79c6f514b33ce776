"""A person with data in every app, for the privacy tests (download and deletion)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
from allauth.account.models import EmailAddress
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from accounts.models import User
from events.models import Registration
from networks.models import MembershipChange, Network, NetworkMembership
from organisations.models import Invitation, Organisation, OrganisationMembership
from organisations.services import claim_decline, organisation_publish
from tests.conftest import Cast
from tests.factories import (
    DistrictStaffFactory,
    EventFactory,
    MembershipFactory,
    NetworkFactory,
    NetworkMembershipFactory,
    NetworkNoteFactory,
    OrganisationFactory,
    OwnershipClaimFactory,
    ProblemReportFactory,
    RegistrationFactory,
    UserFactory,
    draft_organisation,
)

EMAIL = "zora.quenby@example.org"
OTHER_EMAIL = "z.quenby@verein.example.org"
NAME = "Zora Quenby-Ashdown"


@dataclass
class Life:
    """A person with data in every app, and what other people hold next to it."""

    person: User
    upcoming: Registration
    waiting: Registration
    for_colleague: Registration


def _invitation(organisation: Organisation, email: str, **extra: object) -> Invitation:
    now = timezone.now()
    return Invitation.objects.create(
        organisation=organisation,
        email=email,
        token_hash=f"hash-{email}-{organisation.pk}",
        created_at=now,
        expires_at=now + Invitation.VALID_FOR,
        **extra,
    )


@pytest.fixture
def life(cast: Cast) -> Life:
    person = UserFactory(email=EMAIL, name=NAME)
    EmailAddress.objects.create(user=person, email=OTHER_EMAIL, verified=True, primary=False)

    # Organisations: owner (alone and with others), staff, claims, invitations, reports.
    own = OrganisationFactory(name="Quenby Hilfe", email=EMAIL, districts=[cast.district])
    MembershipFactory(organisation=own, user=person)
    shared = MembershipFactory(user=person, organisation=cast.organisation).organisation
    draft = draft_organisation(districts=[cast.district], email=OTHER_EMAIL)
    MembershipFactory(organisation=draft, user=person)
    DistrictStaffFactory(user=person, district=cast.other_district)
    pending = draft_organisation(districts=[cast.other_district])
    Organisation.objects.filter(pk=pending.pk).update(status=Organisation.Status.PENDING)
    pending.refresh_from_db()
    organisation_publish(organisation=pending, staff=person, message="Looks good")
    declined = OwnershipClaimFactory(organisation=cast.other_organisation, user=person)
    claim_decline(claim=declined, staff=cast.other_staff, reason="Not shown")
    OwnershipClaimFactory(organisation=cast.organisation, user=person)
    _invitation(cast.organisation, EMAIL, accepted_at=timezone.now(), accepted_by=person)
    _invitation(cast.other_organisation, OTHER_EMAIL)
    _invitation(shared, "colleague@example.org", invited_by=person)
    ProblemReportFactory(organisation=cast.other_organisation, reporter_email=EMAIL.upper())
    ProblemReportFactory(organisation=cast.organisation, resolved_by=person)

    # Networks: a city-wide network the person curates, a request, a note, the contact.
    city_network = NetworkFactory(
        scope=Network.Scope.CITY, district=None, city=cast.district.city, contact_email=EMAIL
    )
    city_network.curators.add(person)
    membership = NetworkMembershipFactory(
        network=city_network, organisation=own, status=NetworkMembership.Status.REQUESTED
    )
    MembershipChange.objects.create(
        membership=membership,
        action=MembershipChange.Action.REQUESTED,
        status_after=membership.status,
        actor=person,
        actor_name=str(person),
        message="We would like to join.",
    )
    NetworkNoteFactory(network=city_network, author=person, author_name=str(person))

    # Events: an upcoming sign-up with somebody waiting, a past one, one for a colleague, an
    # event the person created.
    full = EventFactory(capacity=1, created_by=person, contact_email=OTHER_EMAIL)
    upcoming = RegistrationFactory(event=full, name=NAME, email=EMAIL, registered_by=person)
    waiting = RegistrationFactory(event=full, status=Registration.Status.WAITLISTED)
    started = timezone.now() - datetime.timedelta(days=3)
    past = EventFactory(starts_at=started, ends_at=started + datetime.timedelta(hours=2))
    RegistrationFactory(
        event=past, name=NAME, email=OTHER_EMAIL, status=Registration.Status.ATTENDED
    )
    for_colleague = RegistrationFactory(event=past, registered_by=person, organisation=shared)

    # The admin's log about the person and about their membership.
    member = OrganisationMembership.objects.get(user=person, organisation=shared)
    for entry in (person, member):
        LogEntry.objects.create(
            user=cast.staff,
            content_type=ContentType.objects.get_for_model(entry),
            object_id=str(entry.pk),
            object_repr=str(entry),
            action_flag=CHANGE,
        )
    return Life(person=person, upcoming=upcoming, waiting=waiting, for_colleague=for_colleague)
