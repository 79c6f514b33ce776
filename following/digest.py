"""What is new for a person since their last digest: a fixed number of queries per person,
however many things they follow (each kind of news is one query over all their follows).

Only what the person could see on the site goes in: public events and members-only events of
their networks, new members of networks everyone sees, and notes only for those who may read
a network's notes.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, fields
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from accounts.models import User
from events.models import Event, EventCoOrganiser
from exchange.models import Post
from following.models import Follow
from funding.models import FundingCall
from networks import access as network_access
from networks.models import MembershipChange, NetworkMembership, NetworkNote
from organisations.models import District, Offer, Organisation

# A digest is a summary, not an archive: each section lists at most this many.
SECTION_LIMIT = 20


@dataclass(frozen=True)
class Digest:
    events: list[Event]
    new_members: list[MembershipChange]
    notes: list[NetworkNote]
    organisations: list[Organisation]
    offers: list[Offer]
    posts: list[Post]
    calls: list[FundingCall]

    @property
    def item_count(self) -> int:
        return sum(len(getattr(self, field.name)) for field in fields(self))

    def __bool__(self) -> bool:
        return self.item_count > 0


@dataclass(frozen=True)
class Followed:
    """What a person follows, as subqueries (no query of their own)."""

    organisations: QuerySet[Follow, Any]
    networks: QuerySet[Follow, Any]
    districts: QuerySet[Follow, Any]
    exchange: Exists

    @classmethod
    def of(cls, user: User) -> Followed:
        follows = Follow.objects.filter(user=user)
        return cls(
            organisations=follows.filter(kind=Follow.Kind.ORGANISATION).values("organisation"),
            networks=follows.filter(kind=Follow.Kind.NETWORK).values("network"),
            districts=follows.filter(kind=Follow.Kind.DISTRICT).values("district"),
            exchange=Exists(follows.filter(kind=Follow.Kind.EXCHANGE)),
        )


def new_events(
    user: User, followed: Followed, since: datetime.datetime, until: datetime.datetime
) -> list[Event]:
    """Events published in the window, still to come, organised or co-organised by what the
    person follows."""
    serves_district = Organisation.districts.through.objects.filter(
        organisation=OuterRef("organiser_organisation"), district__in=followed.districts
    )
    co_organised = EventCoOrganiser.objects.filter(event=OuterRef("pk")).filter(
        Q(organisation__in=followed.organisations)
        | Q(network__in=followed.networks)
        | Q(district__in=followed.districts)
        | Q(network__district__in=followed.districts)
        | Q(organisation__districts__in=followed.districts)
    )
    events = (
        Event.objects.visible_to(user)
        .filter(status=Event.Status.PUBLISHED, published_at__gt=since, published_at__lte=until)
        .upcoming(until)
        .filter(
            Q(organiser_organisation__in=followed.organisations)
            | Q(organiser_network__in=followed.networks)
            | Q(organiser_district__in=followed.districts)
            | Q(organiser_network__district__in=followed.districts)
            | Q(Exists(serves_district))
            | Q(Exists(co_organised))
        )
        # The digest names every organiser: the co-organisers in one query, not one per event.
        .with_organisers()
        .order_by("starts_at", "pk")
    )
    return list(events[:SECTION_LIMIT])


def new_members(
    user: User, followed: Followed, since: datetime.datetime, until: datetime.datetime
) -> list[MembershipChange]:
    """Organisations that joined a followed network in the window and are still members (the
    network page shows them to everyone)."""
    changes = (
        MembershipChange.objects.filter(
            action__in=[
                MembershipChange.Action.APPROVED,
                MembershipChange.Action.INVITATION_ACCEPTED,
            ],
            created_at__gt=since,
            created_at__lte=until,
            membership__network__in=followed.networks,
            membership__status=NetworkMembership.Status.ACTIVE,
            membership__organisation__status=Organisation.Status.PUBLISHED,
        )
        .filter(membership__network__in=network_access.visible_networks(user))
        .select_related("membership__network", "membership__organisation")
        .order_by("membership__network__name", "created_at", "pk")
    )
    return list(changes[:SECTION_LIMIT])


def new_notes(
    user: User, followed: Followed, since: datetime.datetime, until: datetime.datetime
) -> list[NetworkNote]:
    """Notes of followed networks, only for those who may read the network's notes."""
    notes = (
        NetworkNote.objects.filter(
            network__in=followed.networks, created_at__gt=since, created_at__lte=until
        )
        .filter(network__in=network_access.note_reading_networks(user))
        .select_related("network")
        .order_by("network__name", "-date", "pk")
    )
    return list(notes[:SECTION_LIMIT])


def new_organisations(
    followed: Followed, since: datetime.datetime, until: datetime.datetime
) -> list[Organisation]:
    """Organisations of a followed district that appeared in the directory in the window."""
    serves = Organisation.districts.through.objects.filter(
        organisation=OuterRef("pk"), district__in=followed.districts
    )
    organisations = (
        Organisation.objects.published()
        .filter(Exists(serves), published_at__gt=since, published_at__lte=until)
        .order_by("name", "pk")
    )
    return list(organisations[:SECTION_LIMIT])


def new_offers(
    followed: Followed, since: datetime.datetime, until: datetime.datetime
) -> list[Offer]:
    """Current offers that followed organisations added in the window."""
    offers = (
        Offer.objects.public()
        .current(until.date())
        .defer_search_data()
        .filter(organisation__in=followed.organisations, created_at__gt=since)
        .filter(created_at__lte=until)
        .select_related("organisation")
        .order_by("organisation__name", "pk")
    )
    return list(offers[:SECTION_LIMIT])


def new_posts(
    user: User, followed: Followed, since: datetime.datetime, until: datetime.datetime
) -> list[Post]:
    """Open exchange posts of the window the person may see: all of them for followers of the
    exchange, else those of followed organisations, districts and networks."""
    in_district = Post.districts.through.objects.filter(
        post=OuterRef("pk"), district__in=followed.districts
    )
    shared_with = Post.networks.through.objects.filter(
        post=OuterRef("pk"), network__in=followed.networks
    )
    posts = (
        Post.objects.visible_to(user)
        .current()
        .filter(created_at__gt=since, created_at__lte=until)
        .filter(
            Q(followed.exchange)
            | Q(organisation__in=followed.organisations)
            | Q(Exists(in_district))
            | Q(Exists(shared_with))
        )
        .select_related("organisation")
        .order_by("kind", "created_at", "pk")
    )
    return list(posts[:SECTION_LIMIT])


def new_calls(
    followed: Followed, since: datetime.datetime, until: datetime.datetime
) -> list[FundingCall]:
    """Funding calls published in the window whose deadline is still ahead: those of followed
    networks and those for followed districts (or their whole city)."""
    districts = District.objects.filter(pk__in=followed.districts)
    calls = (
        FundingCall.objects.open()
        .filter(published_at__gt=since, published_at__lte=until)
        .filter(
            Q(network__in=followed.networks)
            | Q(pk__in=FundingCall.objects.in_districts(districts).values("pk"))
        )
        .by_deadline()
    )
    return list(calls[:SECTION_LIMIT])


def digest_for(user: User, *, since: datetime.datetime, until: datetime.datetime) -> Digest:
    followed = Followed.of(user)
    return Digest(
        events=new_events(user, followed, since, until),
        new_members=new_members(user, followed, since, until),
        notes=new_notes(user, followed, since, until),
        organisations=new_organisations(followed, since, until),
        offers=new_offers(followed, since, until),
        posts=new_posts(user, followed, since, until),
        calls=new_calls(followed, since, until),
    )
