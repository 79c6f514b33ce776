"""The public pages: the list of events, the archive, an event's page and the iCalendar files
and feeds anyone may subscribe to."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from events import access
from events.filters import EventFilter
from events.ical import calendar_bytes, event_ics
from events.models import Event, EventQuerySet
from events.views.common import access_checked, ics_response
from networks.models import Network
from organisations.models import District, Organisation

PAGE_SIZE = 20
FEED_PAST_DAYS = 90


def _event_list(request: HttpRequest, *, past: bool) -> HttpResponse:
    events = access.visible_events(request.user, Event.objects.published())
    events = events.past() if past else events.upcoming()
    filters = EventFilter(request.GET or None, queryset=events)
    results = filters.qs.for_listing()  # type: ignore[attr-defined]
    results = results.order_by("-starts_at", "-pk") if past else results.order_by("starts_at", "pk")
    page = Paginator(results, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "events/event_list.html",
        {
            "filter": filters,
            "page": page,
            "past": past,
            "query": query.urlencode(),
            "can_create": access.can_create_events(request.user),
        },
    )


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    return _event_list(request, past=False)


@require_safe
def archive(request: HttpRequest) -> HttpResponse:
    return _event_list(request, past=True)


@require_safe
@access_checked
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    event = access.get_visible_event(request.user, slug, Event.objects.for_listing())
    delegating = access.delegating_organisations(request.user)
    return render(
        request,
        "events/event_detail.html",
        {
            "event": event,
            "signup_state": event.signup_state(),
            "can_organise": access.can_organise(request.user, event),
            "can_delegate": delegating.exists(),
        },
    )


@require_safe
@access_checked
def event_calendar(request: HttpRequest, slug: str) -> HttpResponse:
    event = access.get_visible_event(request.user, slug)
    return ics_response(event_ics(event), event.ics_filename())


# --- Subscribable feeds -----------------------------------------------------------------------


def _feed_events() -> EventQuerySet:
    since = timezone.now() - datetime.timedelta(days=FEED_PAST_DAYS)
    return Event.objects.public().filter(ends_at__gte=since).with_organisers()


@require_safe
def feed_all(request: HttpRequest) -> HttpResponse:
    name = gettext("%(site)s: all events") % {"site": settings.SITE_NAME}
    return ics_response(calendar_bytes(_feed_events(), name=name), "events.ics")


@require_safe
def feed_district(request: HttpRequest, city: str, district: str) -> HttpResponse:
    place = get_object_or_404(District, city__slug=city, slug=district)
    events = _feed_events().in_district(place)
    return ics_response(
        calendar_bytes(events, name=f"{settings.SITE_NAME}: {place}"), f"{place.slug}.ics"
    )


@require_safe
def feed_network(request: HttpRequest, slug: str) -> HttpResponse:
    network = get_object_or_404(Network.objects.public(), slug=slug)
    events = _feed_events().organised_by(network)
    return ics_response(
        calendar_bytes(events, name=f"{settings.SITE_NAME}: {network}"), f"{network.slug}.ics"
    )


@require_safe
def feed_organisation(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation.objects.published(), slug=slug)
    events = _feed_events().organised_by(organisation)
    return ics_response(
        calendar_bytes(events, name=f"{settings.SITE_NAME}: {organisation}"),
        f"{organisation.slug}.ics",
    )
