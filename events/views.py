"""Pages of the events app: public list and detail, sign-up, the private registration link,
organiser pages and iCalendar feeds. Each view: look up through access, bind, call a service,
redirect."""

from __future__ import annotations

import csv
import datetime
import functools
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from events import access, services
from events.filters import EventFilter
from events.forms import (
    DelegateFormSet,
    DelegatesForm,
    EventCancelForm,
    EventForm,
    MessageForm,
    NeedsForm,
    RegistrationForm,
    add_service_errors,
)
from events.ical import calendar_bytes, event_ics
from events.models import Event, Registration
from migra_hub.ratelimit import client_ip, is_rate_limited
from networks.models import Network
from organisations.models import District, Organisation

PAGE_SIZE = 20
FEED_PAST_DAYS = 90


def access_checked(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Turn ``access.LoginRequired`` into a redirect to the login page."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except access.LoginRequired:
            return redirect_to_login(request.get_full_path())

    return wrapper


def _language() -> str:
    return (get_language() or settings.LANGUAGE_CODE)[:2]


# --- Public pages -----------------------------------------------------------------------------


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
    return _ics_response(event_ics(event), event.ics_filename())


def _ics_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


# --- Sign-up ----------------------------------------------------------------------------------


def _rate_limited(request: HttpRequest, email: str) -> bool:
    by_email = is_rate_limited(
        "event-signup-email",
        email.lower(),
        limit=settings.EVENTS_SIGNUP_LIMIT_PER_EMAIL,
        period=3600,
    )
    by_ip = is_rate_limited(
        "event-signup-ip",
        client_ip(request),
        limit=settings.EVENTS_SIGNUP_LIMIT_PER_IP,
        period=3600,
    )
    return by_email or by_ip


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@access_checked
def register(request: HttpRequest, slug: str) -> HttpResponse:
    event = access.get_visible_event(request.user, slug, Event.objects.for_listing())
    form = RegistrationForm(request.POST or None, event=event, user=request.user)
    seats_short: services.SeatsShort | None = None
    if request.method == "POST" and form.is_valid():
        if _rate_limited(request, form.cleaned_data["email"]):
            form.add_error(
                "email",
                _("Too many sign-ups from this address. Please try again in an hour."),
            )
        else:
            when_short, offered = form.seat_choice()
            try:
                registration = services.registration_create(
                    event=event,
                    data=form.signup_data(),
                    user=request.user if request.user.is_authenticated else None,
                    language=_language(),
                    when_short=when_short,
                    offered=offered,
                )
            except services.SeatsShort as short:
                seats_short = short  # a choice, not an error: the form offers both ways
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                return redirect("events:registration_done", token=registration.token)
    return render(
        request,
        "events/registration_form.html",
        {
            "event": event,
            "form": form,
            "signup_state": event.signup_state(),
            "seats_short": seats_short,
        },
    )


@login_required
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@access_checked
def delegates(request: HttpRequest, slug: str) -> HttpResponse:
    event = access.get_visible_event(request.user, slug, Event.objects.for_listing())
    organisations = list(access.delegating_organisations(request.user))
    if not organisations:
        raise PermissionDenied
    data = request.POST or None
    form = DelegatesForm(
        data, organisations=Organisation.objects.filter(pk__in=[o.pk for o in organisations])
    )
    formset = DelegateFormSet(data, prefix="delegate", form_kwargs={"event": event})
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        filled = [f for f in formset.forms if f.has_changed()]
        try:
            created = services.delegates_register(
                event=event,
                organisation=form.cleaned_data["organisation"],
                delegates=[f.signup_data() for f in filled],
                user=request.user,  # type: ignore[arg-type]
                language=_language(),
            )
        except services.DelegateRejected as error:
            add_service_errors(filled[error.index], error)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            waiting = sum(1 for registration in created if registration.is_waitlisted)
            messages.success(
                request,
                gettext(
                    "%(count)s delegates are signed up: %(confirmed)s confirmed, "
                    "%(waiting)s on the waiting list. Each of them gets an e-mail."
                )
                % {"count": len(created), "confirmed": len(created) - waiting, "waiting": waiting},
            )
            return redirect(event)
    return render(
        request,
        "events/delegates_form.html",
        {"event": event, "form": form, "formset": formset, "signup_state": event.signup_state()},
    )


def _registration(token: str) -> Registration:
    return get_object_or_404(
        Registration.objects.not_anonymised().select_related(
            "event", "organisation", "interpretation_language"
        ),
        token=token,
    )


@never_cache
@require_safe
def registration_done(request: HttpRequest, token: str) -> HttpResponse:
    registration = _registration(token)
    return render(
        request,
        "events/registration_done.html",
        {"registration": registration, "event": registration.event},
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def registration_detail(request: HttpRequest, token: str) -> HttpResponse:
    registration = _registration(token)
    event = registration.event
    changeable = not (registration.is_cancelled or event.is_cancelled or event.has_started)
    form = NeedsForm(request.POST or None, registration=registration) if changeable else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.registration_update(registration=registration, data=form.needs_data())
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, gettext("Your changes are saved."))
                return redirect("events:registration", token=token)
    return render(
        request,
        "events/registration_detail.html",
        {
            "registration": registration,
            "event": event,
            "form": form,
            "position": registration.waitlist_position(),
        },
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def registration_cancel(request: HttpRequest, token: str) -> HttpResponse:
    registration = _registration(token)
    if request.method == "POST":
        services.registration_cancel(registration=registration)
        messages.success(request, gettext("Your sign-up is cancelled. Thank you for telling us."))
        return redirect("events:registration", token=token)
    return render(
        request,
        "events/registration_cancel.html",
        {"registration": registration, "event": registration.event},
    )


@require_safe
def registration_calendar(request: HttpRequest, token: str) -> HttpResponse:
    """The calendar file with the private details, for people who have a seat. Nobody on the
    waiting list (or cancelled) gets one: a calendar entry would promise a seat."""
    registration = _registration(token)
    if not registration.is_confirmed:
        raise Http404
    return _ics_response(
        event_ics(registration.event, private=True), registration.event.ics_filename()
    )


# --- Organisers -------------------------------------------------------------------------------


@login_required
@require_safe
def manage(request: HttpRequest) -> HttpResponse:
    events = list(access.organised_events(request.user).for_listing().order_by("-starts_at", "-pk"))
    now = timezone.now()
    return render(
        request,
        "events/event_manage.html",
        {
            "upcoming": [event for event in events if event.ends_at >= now][::-1],
            "past": [event for event in events if event.ends_at < now],
            "can_create": access.can_create_events(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def create(request: HttpRequest) -> HttpResponse:
    districts, networks, organisations = access.organiser_choices(request.user)
    if not (districts.exists() or networks.exists() or organisations.exists()):
        raise PermissionDenied
    form = EventForm(
        request.POST or None,
        districts=districts,
        networks=networks,
        organisations=organisations,
    )
    if request.method == "POST" and form.is_valid():
        event = services.event_create(
            event=form.save(commit=False),
            languages=list(form.cleaned_data["languages"]),
            interpretation=list(form.cleaned_data["interpretation_languages"]),
            user=request.user,  # type: ignore[arg-type]
        )
        messages.success(
            request, gettext("The event is saved as a draft. Publish it when it is ready.")
        )
        return redirect(event)
    return render(request, "events/event_form.html", {"form": form, "event": None})


@require_http_methods(["GET", "HEAD", "POST"])
@access_checked
def edit(request: HttpRequest, slug: str) -> HttpResponse:
    event = access.get_organised_event(request.user, slug)
    form = EventForm(request.POST or None, instance=event)
    if request.method == "POST" and form.is_valid():
        try:
            promoted = services.event_update(
                event=form.save(commit=False),
                languages=list(form.cleaned_data["languages"]),
                interpretation=list(form.cleaned_data["interpretation_languages"]),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, gettext("The event is saved."))
            if promoted:
                messages.info(
                    request,
                    gettext("%(count)s people moved up from the waiting list and were told.")
                    % {"count": len(promoted)},
                )
            return redirect(event)
    return render(request, "events/event_form.html", {"form": form, "event": event})


@require_POST
@access_checked
def publish(request: HttpRequest, slug: str) -> HttpResponse:
    event = access.get_organised_event(request.user, slug)
    services.event_publish(event=event)
    messages.success(request, gettext("The event is published."))
    return redirect(event)


@require_http_methods(["GET", "HEAD", "POST"])
@access_checked
def cancel(request: HttpRequest, slug: str) -> HttpResponse:
    event = access.get_organised_event(request.user, slug)
    form = EventCancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        told = services.event_cancel(event=event, message=form.cleaned_data["message"])
        messages.success(
            request,
            gettext("The event is cancelled. %(count)s people were told by e-mail.")
            % {"count": told},
        )
        return redirect(event)
    return render(request, "events/event_cancel.html", {"event": event, "form": form})


@require_POST
@access_checked
def duplicate(request: HttpRequest, slug: str) -> HttpResponse:
    event = access.get_organised_event(request.user, slug)
    copy = services.event_duplicate(event=event, user=request.user)  # type: ignore[arg-type]
    messages.success(request, gettext("This is a copy (a draft). Please check the dates."))
    return redirect("events:edit", slug=copy.slug)


def _registrations(event: Event) -> list[Registration]:
    registrations = list(
        event.registrations.select_related("organisation", "interpretation_language").order_by(
            "created_at", "pk"
        )
    )
    position = 0
    for registration in registrations:
        if registration.is_waitlisted:
            position += 1
            registration.position = position  # type: ignore[attr-defined]
        else:
            registration.position = None  # type: ignore[attr-defined]
    return registrations


@require_safe
@access_checked
def registrations(request: HttpRequest, slug: str) -> HttpResponse:
    event = access.get_organised_event(request.user, slug, Event.objects.for_listing())
    rows = _registrations(event)
    return render(
        request,
        "events/registration_list.html",
        {
            "event": event,
            "confirmed": [r for r in rows if r.is_confirmed],
            "waitlisted": [r for r in rows if r.is_waitlisted],
            "cancelled": [r for r in rows if r.is_cancelled],
            "totals": services.registration_totals(rows),
        },
    )


def _csv_cell(value: object) -> str:
    """Spreadsheets run cells starting with = + - @ as formulas: defuse them."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@require_safe
@access_checked
def registrations_csv(request: HttpRequest, slug: str) -> HttpResponse:
    event = access.get_organised_event(request.user, slug)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}-registrations.csv"'
    response.write("\ufeff")  # so that spreadsheet programs read UTF-8
    writer = csv.writer(response)
    writer.writerow(
        [
            gettext("Name"),
            gettext("E-mail"),
            gettext("Organisation"),
            gettext("Seats"),
            gettext("Status"),
            gettext("Waiting list position"),
            gettext("Interpretation into"),
            gettext("Children for childcare"),
            gettext("Ages of the children"),
            gettext("Step-free access"),
            gettext("Other needs"),
            gettext("Signed up on"),
            gettext("Checked in at"),
        ]
    )
    for row in _registrations(event):
        writer.writerow(
            [
                _csv_cell(cell)
                for cell in (
                    row.name,
                    row.email,
                    row.organisation_label,
                    row.seats,
                    row.get_status_display(),
                    row.position or "",  # type: ignore[attr-defined]
                    row.interpretation_language.name if row.interpretation_language else "",
                    row.childcare_children or "",
                    row.childcare_ages,
                    gettext("yes") if row.needs_step_free else "",
                    row.accessibility_needs,
                    timezone.localtime(row.created_at).strftime("%Y-%m-%d %H:%M"),
                    timezone.localtime(row.checked_in_at).strftime("%Y-%m-%d %H:%M")
                    if row.checked_in_at
                    else "",
                )
            ]
        )
    return response


@require_safe
@access_checked
def check_in(request: HttpRequest, slug: str) -> HttpResponse:
    event = access.get_organised_event(request.user, slug)
    query = request.GET.get("q", "").strip()
    people = event.registrations.active().select_related("organisation").order_by("name", "pk")
    if query:
        people = people.filter(
            Q(name__icontains=query)
            | Q(email__icontains=query)
            | Q(organisation_name__icontains=query)
            | Q(organisation__name__icontains=query)
        )
    rows = list(people)
    arrived = event.registrations.filter(status=Registration.Status.ATTENDED).seat_total()
    expected = event.registrations.active().seat_total()
    return render(
        request,
        "events/check_in.html",
        {"event": event, "rows": rows, "q": query, "arrived": arrived, "expected": expected},
    )


@require_POST
@access_checked
def check_in_toggle(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    event = access.get_organised_event(request.user, slug)
    registration = get_object_or_404(event.registrations.active(), pk=pk)
    attended = request.POST.get("attended") == "1"
    services.registration_check_in(registration=registration, attended=attended)
    if attended:
        messages.success(request, gettext("%(name)s is checked in.") % {"name": registration.name})
    else:
        messages.info(
            request, gettext("Check-in of %(name)s undone.") % {"name": registration.name}
        )
    url = redirect("events:check_in", slug=event.slug).url
    query = request.POST.get("q", "").strip()
    if query:
        url += "?" + urlencode({"q": query})
    return redirect(url + f"#registration-{registration.pk}")


@require_http_methods(["GET", "HEAD", "POST"])
@access_checked
def message(request: HttpRequest, slug: str) -> HttpResponse:
    event = access.get_organised_event(request.user, slug)
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        sent = services.event_message_participants(
            event=event,
            subject=form.cleaned_data["subject"],
            body=form.cleaned_data["body"],
            include_waitlist=form.cleaned_data["include_waitlist"],
            sender=request.user,  # type: ignore[arg-type]
        )
        messages.success(
            request, gettext("The message was sent to %(count)s people.") % {"count": sent}
        )
        return redirect("events:registrations", slug=event.slug)
    return render(request, "events/message_form.html", {"event": event, "form": form})


# --- iCalendar feeds --------------------------------------------------------------------------


def _feed_events() -> Any:
    since = timezone.now() - datetime.timedelta(days=FEED_PAST_DAYS)
    return (
        Event.objects.public()
        .filter(ends_at__gte=since)
        .select_related("organiser_district", "organiser_network", "organiser_organisation")
    )


@require_safe
def feed_all(request: HttpRequest) -> HttpResponse:
    name = gettext("%(site)s: all events") % {"site": settings.SITE_NAME}
    return _ics_response(calendar_bytes(_feed_events(), name=name), "events.ics")


@require_safe
def feed_district(request: HttpRequest, city: str, district: str) -> HttpResponse:
    place = get_object_or_404(District, city__slug=city, slug=district)
    events = _feed_events().in_district(place)
    return _ics_response(
        calendar_bytes(events, name=f"{settings.SITE_NAME}: {place}"), f"{place.slug}.ics"
    )


@require_safe
def feed_network(request: HttpRequest, slug: str) -> HttpResponse:
    network = get_object_or_404(Network.objects.public(), slug=slug)
    events = _feed_events().filter(organiser_network=network)
    return _ics_response(
        calendar_bytes(events, name=f"{settings.SITE_NAME}: {network}"), f"{network.slug}.ics"
    )


@require_safe
def feed_organisation(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation.objects.published(), slug=slug)
    events = _feed_events().filter(organiser_organisation=organisation)
    return _ics_response(
        calendar_bytes(events, name=f"{settings.SITE_NAME}: {organisation}"),
        f"{organisation.slug}.ics",
    )
