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
from events.models import Event
from following.models import Follow
from networks import access as network_access
from networks.models import MembershipChange, NetworkMembership, NetworkNote
from organisations.models import Offer, Organisation

# A digest is a summary, not an archive: each section lists at most this many.
SECTION_LIMIT = 20


@dataclass(frozen=True)
class Digest:
    events: list[Event]
    new_members: list[MembershipChange]
    notes: list[NetworkNote]
    organisations: list[Organisation]
    offers: list[Offer]

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

    @classmethod
    def of(cls, user: User) -> Followed:
        follows = Follow.objects.filter(user=user)
        return cls(
            organisations=follows.filter(kind=Follow.Kind.ORGANISATION).values("organisation"),
            networks=follows.filter(kind=Follow.Kind.NETWORK).values("network"),
            districts=follows.filter(kind=Follow.Kind.DISTRICT).values("district"),
        )


def new_events(
    user: User, followed: Followed, since: datetime.datetime, until: datetime.datetime
) -> list[Event]:
    """Events published in the window, still to come, organised by what the person follows."""
    serves_district = Organisation.districts.through.objects.filter(
        organisation=OuterRef("organiser_organisation"), district__in=followed.districts
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
        )
        .select_related("organiser_district", "organiser_network", "organiser_organisation")
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


def digest_for(user: User, *, since: datetime.datetime, until: datetime.datetime) -> Digest:
    followed = Followed.of(user)
    return Digest(
        events=new_events(user, followed, since, until),
        new_members=new_members(user, followed, since, until),
        notes=new_notes(user, followed, since, until),
        organisations=new_organisations(followed, since, until),
        offers=new_offers(followed, since, until),
    )
