"""The exchange's cast: the standing cast's organisation posts publicly and to a network of
Pankow; a third organisation is a member of that network; an organisation that is not
published has a member too; and a site administrator."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
from django.utils import timezone, translation

from accounts.models import User
from exchange import services
from exchange.models import Post
from networks.models import Network
from organisations.models import District, Organisation
from tests.conftest import Cast
from tests.factories import (
    MembershipFactory,
    NetworkFactory,
    NetworkMembershipFactory,
    OrganisationFactory,
    UserFactory,
)


def post_data(
    *,
    districts: tuple[District, ...],
    title: str = "Raum für 20 Personen am Samstag frei",
    kind: str = Post.Kind.OFFER,
    category: str = Post.Category.ROOMS,
    audience: str = Post.Audience.PUBLIC,
    networks: tuple[Network, ...] = (),
    ends_on: datetime.date | None = None,
) -> services.PostData:
    return services.PostData(
        kind=kind,
        category=category,
        title=title,
        text="Unser Gruppenraum mit Beamer ist am Samstag von 10 bis 18 Uhr frei.",
        districts=districts,
        audience=audience,
        networks=networks,
        ends_on=ends_on or timezone.localdate() + datetime.timedelta(days=14),
    )


@dataclass
class World:
    cast: Cast
    network: Network
    network_organisation: Organisation
    network_member: User
    unpublished: Organisation
    unpublished_member: User
    admin: User
    public_post: Post
    network_post: Post

    def user(self, role: str) -> User | None:
        """The person playing ``role`` in the permission matrix (None: anonymous)."""
        return {
            "anonymous": None,
            "author": self.cast.owner,
            "editor": self.cast.editor,
            "other_member": self.cast.other_member,
            "unpublished_member": self.unpublished_member,
            "network_member": self.network_member,
            "staff": self.cast.staff,
            "other_staff": self.cast.other_staff,
            "admin": self.admin,
        }[role]


@pytest.fixture(autouse=True)
def english() -> object:
    """Assert on English texts: URLs are reversed to /en/."""
    with translation.override("en"):
        yield


@pytest.fixture
def world(cast: Cast) -> World:
    network = NetworkFactory(name="Mehrsprachigkeit Pankow", district=cast.district)
    NetworkMembershipFactory(network=network, organisation=cast.organisation)
    network_organisation = OrganisationFactory(name="Sprachcafé", districts=[cast.district])
    NetworkMembershipFactory(network=network, organisation=network_organisation)
    network_member = MembershipFactory(organisation=network_organisation).user
    unpublished = OrganisationFactory(
        name="Noch nicht veröffentlicht",
        districts=[cast.district],
        status=Organisation.Status.PENDING,
        published_at=None,
    )
    unpublished_member = MembershipFactory(organisation=unpublished).user
    public_post = services.post_create(
        organisation=cast.organisation,
        user=cast.owner,
        data=post_data(districts=(cast.district,)),
    )
    network_post = services.post_create(
        organisation=cast.organisation,
        user=cast.owner,
        data=post_data(
            districts=(cast.district,),
            title="Wir suchen Dolmetscherinnen für Farsi",
            kind=Post.Kind.NEED,
            category=Post.Category.INTERPRETATION,
            audience=Post.Audience.NETWORKS,
            networks=(network,),
        ),
    )
    return World(
        cast=cast,
        network=network,
        network_organisation=network_organisation,
        network_member=network_member,
        unpublished=unpublished,
        unpublished_member=unpublished_member,
        admin=UserFactory(is_superuser=True, is_staff=True),
        public_post=public_post,
        network_post=network_post,
    )
