"""Who may see and post funding calls. Every view asks here, never decides itself.

A call is managed (created, edited, published, unpublished) by
- district staff of its district, for a district call,
- city-wide staff, for a city-wide call and, standing in as they do for entries, for a district
  call,
- the curators of its network (coordinators and the network's staff, ``networks.access``),
  for a network call,
- site administrators.
Published calls are public; drafts and unpublished calls only their managers see.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404

from events.access import LoginRequired
from funding.models import FundingCall, FundingCallQuerySet
from networks.access import curated_networks
from networks.models import Network
from organisations.access import AnyUser, is_city_staff, staffed_districts
from organisations.models import City, District


@dataclass(frozen=True)
class Places:
    """Where a user may post calls: each choice of the form's "for" field."""

    cities: list[City]
    districts: list[District]
    networks: list[Network]

    def __bool__(self) -> bool:
        return bool(self.cities or self.districts or self.networks)

    def all(self) -> list[City | District | Network]:
        return [*self.cities, *self.districts, *self.networks]

    def with_place(self, place: City | District | Network) -> Places:
        """These places and ``place`` (where a call is now)."""
        if place in self.all():
            return self
        return Places(
            [*self.cities, *([place] if isinstance(place, City) else [])],
            [*self.districts, *([place] if isinstance(place, District) else [])],
            [*self.networks, *([place] if isinstance(place, Network) else [])],
        )


def managed_calls(user: AnyUser) -> FundingCallQuerySet:
    """Every call this user may change (in any status)."""
    if not user.is_authenticated:
        return FundingCall.objects.none()
    if user.is_superuser:
        return FundingCall.objects.all()
    networks = curated_networks(user).values("pk")
    if is_city_staff(user):
        staff_places = Q(scope__in=[FundingCall.Scope.CITY, FundingCall.Scope.DISTRICT])
    else:
        staff_places = Q(district__in=staffed_districts(user).values("pk"))
    return FundingCall.objects.filter(staff_places | Q(network__in=networks))


def visible_calls(user: AnyUser) -> FundingCallQuerySet:
    """Published calls for everyone, and the drafts and unpublished calls a user manages."""
    if not user.is_authenticated:
        return FundingCall.objects.published()
    if user.is_superuser:
        return FundingCall.objects.all()
    return FundingCall.objects.filter(
        Q(status=FundingCall.Status.PUBLISHED) | Q(pk__in=managed_calls(user).values("pk"))
    )


def can_manage(user: AnyUser, call: FundingCall) -> bool:
    return managed_calls(user).filter(pk=call.pk).exists()


def places(user: AnyUser) -> Places:
    """Where the user may post calls (nowhere: they may not post any)."""
    if not user.is_authenticated:
        return Places([], [], [])
    networks = list(curated_networks(user).public().order_by("name"))
    if user.is_superuser or is_city_staff(user):
        cities = list(City.objects.order_by("name"))
        districts = list(District.objects.select_related("city").order_by("name"))
    else:
        cities = []
        districts = list(staffed_districts(user).select_related("city").order_by("name"))
    return Places(cities, districts, networks)


def can_post(user: AnyUser) -> bool:
    return bool(places(user))


# --- Lookups for the views: 404 for what the user may not see, 403 for what they may not do ---


def get_call(user: AnyUser, slug: str) -> FundingCall:
    """The call by slug, or 404 (logged in) / LoginRequired (anonymous) if it is not visible."""
    call = visible_calls(user).for_listing().filter(slug=slug).first()
    if call is None:
        if not user.is_authenticated and FundingCall.objects.filter(slug=slug).exists():
            raise LoginRequired
        raise Http404
    return call


def get_managed_call(user: AnyUser, slug: str) -> FundingCall:
    """The call for a manager's page: login redirect, 404 if invisible, 403 if not a manager."""
    if not user.is_authenticated:
        raise LoginRequired
    call = get_call(user, slug)
    if not can_manage(user, call):
        raise PermissionDenied
    return call


def require_poster(user: AnyUser) -> Places:
    if not user.is_authenticated:
        raise LoginRequired
    where = places(user)
    if not where:
        raise PermissionDenied
    return where
