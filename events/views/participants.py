"""The organisers' pages about the people signed up: the list with totals, the CSV export and
the check-in at the door. They show personal data: never cached."""

from __future__ import annotations

import csv
from urllib.parse import urlencode

from django.contrib import messages
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from events import access, services
from events.forms import CheckInSearchForm
from events.models import Event, Registration
from events.views.common import access_checked


def _registrations(event: Event) -> list[Registration]:
    registrations = list(
        event.registrations.select_related(
            "organisation", "interpretation_language", "workshop"
        ).order_by("created_at", "pk")
    )
    position = 0
    for registration in registrations:
        if registration.is_waitlisted:
            position += 1
            registration.position = position  # type: ignore[attr-defined]
        else:
            registration.position = None  # type: ignore[attr-defined]
    return registrations


@never_cache
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
            "show_workshop": any(r.workshop_id for r in rows),
        },
    )


def _csv_cell(value: object) -> str:
    """Spreadsheets run cells starting with = + - @ as formulas: defuse them."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _csv_header() -> list[str]:
    return [
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
        gettext("Workshop"),
    ]


def _csv_row(row: Registration) -> list[str]:
    return [
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
            row.workshop.title if row.workshop else "",
        )
    ]


@never_cache
@require_safe
@access_checked
def registrations_csv(request: HttpRequest, slug: str) -> HttpResponse:
    event = access.get_organised_event(request.user, slug)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}-registrations.csv"'
    response.write("\ufeff")  # so that spreadsheet programs read UTF-8
    writer = csv.writer(response)
    writer.writerow(_csv_header())
    writer.writerows(_csv_row(row) for row in _registrations(event))
    return response


@never_cache
@require_safe
@access_checked
def check_in(request: HttpRequest, slug: str) -> HttpResponse:
    event = access.get_organised_event(request.user, slug)
    search = CheckInSearchForm(request.GET)
    query = search.cleaned_data["q"].strip() if search.is_valid() else ""
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
        {
            "event": event,
            "rows": rows,
            "q": query,
            "search": search,
            "arrived": arrived,
            "expected": expected,
        },
    )


@never_cache
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
    search = CheckInSearchForm(request.POST)
    if search.is_valid() and search.cleaned_data["q"].strip():
        url += "?" + urlencode({"q": search.cleaned_data["q"].strip()})
    return redirect(url + f"#registration-{registration.pk}")
