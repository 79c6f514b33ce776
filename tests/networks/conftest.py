"""The networks' cast: a network of the cast's district with an MSO coordinator, another
district's network with its own coordinator, a site administrator, and an open request of the
cast's organisation."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from accounts.models import User
from networks.models import (
    MembershipChange,
    Network,
    NetworkDocument,
    NetworkMembership,
    NetworkNote,
    NetworkPartner,
)
from organisations.models import Organisation, OrganisationMembership
from tests.conftest import Cast
from tests.factories import (
    MembershipFactory,
    NetworkFactory,
    NetworkMembershipFactory,
    OrganisationFactory,
    UserFactory,
)


@dataclass
class World:
    cast: Cast
    network: Network
    other_network: Network
    coordinating_organisation: Organisation
    coordination: NetworkMembership
    coordinator: User
    other_coordinator: User
    admin: User
    request: NetworkMembership

    def user(self, role: str) -> User | None:
        """The person playing ``role`` in the permission matrix (None: anonymous)."""
        return {
            "anonymous": None,
            "owner": self.cast.owner,
            "editor": self.cast.editor,
            "other_member": self.cast.other_member,
            "coordinator": self.coordinator,
            "other_coordinator": self.other_coordinator,
            "staff": self.cast.staff,
            "other_staff": self.cast.other_staff,
            "admin": self.admin,
        }[role]


@pytest.fixture(autouse=True)
def english() -> object:
    """Assert on English texts: URLs are reversed to /en/, service messages are English.
    (E-mails still go out in German, the recipients' language, see test_services.)"""
    with translation.override("en"):
        yield


@pytest.fixture
def world(cast: Cast) -> World:
    network = NetworkFactory(name="Mehrsprachigkeit Pankow", district=cast.district)
    coordinating_organisation = OrganisationFactory(
        name="Sprachbrücke e.V.", districts=[cast.district]
    )
    coordinator = MembershipFactory(
        organisation=coordinating_organisation, role=OrganisationMembership.Role.OWNER
    ).user
    coordination = NetworkMembershipFactory(
        network=network,
        organisation=coordinating_organisation,
        role=NetworkMembership.Role.COORDINATOR,
    )
    other_network = NetworkFactory(name="Vielfalt Spandau", district=cast.other_district)
    other_coordinator = MembershipFactory(role=OrganisationMembership.Role.OWNER).user
    NetworkMembershipFactory(
        network=other_network,
        organisation=other_coordinator.organisation_memberships.get().organisation,
        role=NetworkMembership.Role.COORDINATOR,
    )
    request = NetworkMembershipFactory(
        network=network,
        organisation=cast.organisation,
        status=NetworkMembership.Status.REQUESTED,
        note="We run a language café.",
    )
    MembershipChange.objects.create(
        membership=request,
        action=MembershipChange.Action.REQUESTED,
        status_after=request.status,
        actor=cast.owner,
        actor_name=str(cast.owner),
    )
    admin = UserFactory(is_superuser=True, is_staff=True)
    return World(
        cast=cast,
        network=network,
        other_network=other_network,
        coordinating_organisation=coordinating_organisation,
        coordination=coordination,
        coordinator=coordinator,
        other_coordinator=other_coordinator,
        admin=admin,
        request=request,
    )


# --- What the network keeps: documents, notes, partners ---

PDF = b"%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def pdf_upload(name: str = "Protokoll.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@dataclass
class Kept:
    """The world with the owner's organisation an active member, a document it uploaded (two
    versions), a note of the coordinator and a partner."""

    world: World
    document: NetworkDocument
    note: NetworkNote
    partner: NetworkPartner


@pytest.fixture
def kept(world: World) -> Kept:
    from migra_hub.files import check_upload
    from networks import services

    services.membership_approve(membership=world.request, user=world.coordinator)
    document = services.document_create(
        network=world.network,
        user=world.cast.editor,
        title="Protokoll März",
        kind=NetworkDocument.Kind.MINUTES,
        upload=check_upload(pdf_upload("Protokoll März.pdf")),
    )
    services.document_add_version(
        document=document,
        user=world.coordinator,
        upload=check_upload(pdf_upload("Protokoll März korrigiert.pdf", PDF + b"%v2\n")),
        comment="Names corrected",
    )
    note = services.note_create(
        network=world.network,
        user=world.coordinator,
        title="Treffen im März",
        text="Wir treffen uns in der Bibliothek.",
        date=datetime.date(2026, 3, 5),
    )
    partner = services.partner_add(
        network=world.network,
        user=world.coordinator,
        name="Grundschule am Park",
        kind=NetworkPartner.Kind.SCHOOL,
        contact_role="Schulsozialarbeit",
    )
    return Kept(world=world, document=document, note=note, partner=partner)
