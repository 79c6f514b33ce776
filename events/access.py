"""Who may see, organise and sign up for which events. Every view asks here."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from accounts.models import User
from events.models import Event, EventCoOrganiser, EventQuerySet
from networks.models import Network, NetworkMembership
from organisations.models import (
    District,
    Organisation,
    OrganisationMembership,
    OrganisationQuerySet,
)

AnyUser = User | AnonymousUser


class LoginRequired(Exception):
    """Raised for anonymous users where a login could give access; views redirect to login."""


def _editable_organisations(user: User) -> OrganisationQuerySet:
    return Organisation.objects.filter(memberships__user=user)


def coordinated_networks(user: AnyUser) -> QuerySet[Network]:
    """Networks in which one of the user's organisations is an active coordinator."""
    if not user.is_authenticated:
        return Network.objects.none()
    coordinating = NetworkMembership.objects.active().filter(
        role=NetworkMembership.Role.COORDINATOR,
        organisation__memberships__user=user,
    )
    return Network.objects.filter(pk__in=coordinating.values("network"))


def organised_networks(user: AnyUser) -> QuerySet[Network]:
    """Networks whose events the user may run: coordinators, curators, staff of its district."""
    if not user.is_authenticated:
        return Network.objects.none()
    coordinating = NetworkMembership.objects.active().filter(
        role=NetworkMembership.Role.COORDINATOR,
        organisation__memberships__user=user,
    )
    return Network.objects.filter(
        Q(pk__in=coordinating.values("network"))
        | Q(district__in=District.objects.filter(staff__user=user))
        | Q(pk__in=Network.curators.through.objects.filter(user=user).values("network"))
    )


def organiser_choices(
    user: AnyUser,
) -> tuple[QuerySet[District], QuerySet[Network], QuerySet[Organisation]]:
    """Everything the user may organise events for: districts, networks, organisations."""
    if not user.is_authenticated:
        return District.objects.none(), Network.objects.none(), Organisation.objects.none()
    return (
        District.objects.filter(staff__user=user),
        organised_networks(user).exclude(phase=Network.Phase.CLOSED),
        _editable_organisations(user).published(),
    )


def organised_events(user: AnyUser) -> EventQuerySet:
    """Every event (any status) this user may manage."""
    if not user.is_authenticated:
        return Event.objects.none()
    districts = District.objects.filter(staff__user=user)
    networks = organised_networks(user)
    organisations = _editable_organisations(user)
    # A co-organiser's people run the event exactly as the lead organiser's people do.
    co_organised = EventCoOrganiser.objects.filter(
        Q(district__in=districts) | Q(network__in=networks) | Q(organisation__in=organisations)
    )
    return Event.objects.filter(
        Q(organiser_district__in=districts)
        | Q(organiser_network__in=networks)
        | Q(organiser_organisation__in=organisations)
        | Q(pk__in=co_organised.values("event"))
    )


def visible_events(user: AnyUser, base: EventQuerySet | None = None) -> EventQuerySet:
    """Events whose page the user may open: public ones, members-only ones of their networks,
    and everything they organise (drafts included)."""
    base = Event.objects.all() if base is None else base
    if not user.is_authenticated:
        return base.filter(pk__in=Event.objects.public().values("pk"))
    visible = Event.objects.visible_to(user).values("pk")
    organised = organised_events(user).values("pk")
    return base.filter(Q(pk__in=visible) | Q(pk__in=organised))


def can_organise(user: AnyUser, event: Event) -> bool:
    return organised_events(user).filter(pk=event.pk).exists()


def can_create_events(user: AnyUser) -> bool:
    return any(choices.exists() for choices in organiser_choices(user))


def delegating_organisations(user: AnyUser) -> QuerySet[Organisation]:
    """Organisations for which the user may register delegates (owners and editors)."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        memberships__user=user,
        memberships__role__in=[
            OrganisationMembership.Role.OWNER,
            OrganisationMembership.Role.EDITOR,
        ],
    ).distinct()


def get_visible_event(user: AnyUser, slug: str, base: EventQuerySet | None = None) -> Event:
    """The event by slug, or 404 (logged in) / LoginRequired (anonymous) if it is not visible."""
    event = visible_events(user, base).filter(slug=slug).first()
    if event is None:
        if not user.is_authenticated and Event.objects.filter(slug=slug).exists():
            raise LoginRequired
        raise Http404
    return event


def get_organised_event(user: AnyUser, slug: str, base: EventQuerySet | None = None) -> Event:
    """The event for an organiser view: login redirect, 404 if invisible, 403 if not organiser."""
    if not user.is_authenticated:
        raise LoginRequired
    event = get_visible_event(user, slug, base)
    if not can_organise(user, event):
        raise PermissionDenied
    return event
