"""Signing up and the self-service of a sign-up through its private link (the token is the only
key: these pages are never cached)."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from events import access, services
from events.forms import (
    DelegateFormSet,
    DelegatesForm,
    NeedsForm,
    RegistrationForm,
    add_service_errors,
)
from events.ical import event_ics
from events.models import Event, Registration
from events.views.common import access_checked, ics_response, page_language
from migra_hub.http import AuthenticatedHttpRequest
from migra_hub.ratelimit import client_ip, is_rate_limited
from organisations.models import Organisation

# Each delegate gets an e-mail: a member may sign up this many per hour.
DELEGATES_PER_HOUR = 60


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
                services.registration_create(
                    event=event,
                    data=form.signup_data(),
                    user=request.user if request.user.is_authenticated else None,
                    language=page_language(),
                    when_short=when_short,
                    offered=offered,
                )
            except services.SeatsShort as short:
                seats_short = short  # a choice, not an error: the form offers both ways
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                # The same answer whether the address was signed up before or not: the
                # details and the private link are in the e-mail either way.
                return redirect("events:registration_sent", slug=event.slug)
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


@require_safe
@access_checked
def registration_sent(request: HttpRequest, slug: str) -> HttpResponse:
    event = access.get_visible_event(request.user, slug)
    return render(request, "events/registration_sent.html", {"event": event})


def _delegates_rate_limited(request: AuthenticatedHttpRequest, count: int) -> bool:
    """One hit per delegate, so that the limit counts e-mails, not forms."""
    limited = False
    for _number in range(count):
        limited |= is_rate_limited(
            "event-delegates-user", str(request.user.pk), limit=DELEGATES_PER_HOUR, period=3600
        )
    return limited


@login_required
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@access_checked
def delegates(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
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
        if _delegates_rate_limited(request, len(filled)):
            form.add_error(
                None, _("You have signed up many delegates in the last hour. Please try later.")
            )
        else:
            try:
                created = services.delegates_register(
                    event=event,
                    organisation=form.cleaned_data["organisation"],
                    delegates=[f.signup_data() for f in filled],
                    user=request.user,
                    language=page_language(),
                )
            except services.DelegateRejected as error:
                add_service_errors(filled[error.index], error)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                _delegates_done(request, created)
                return redirect(event)
    return render(
        request,
        "events/delegates_form.html",
        {"event": event, "form": form, "formset": formset, "signup_state": event.signup_state()},
    )


def _delegates_done(request: HttpRequest, created: list[Registration]) -> None:
    waiting = sum(1 for registration in created if registration.is_waitlisted)
    messages.success(
        request,
        gettext(
            "%(count)s delegates are signed up: %(confirmed)s confirmed, "
            "%(waiting)s on the waiting list. Each of them gets an e-mail."
        )
        % {"count": len(created), "confirmed": len(created) - waiting, "waiting": waiting},
    )


# --- The private link -------------------------------------------------------------------------


def _registration(token: str) -> Registration:
    return get_object_or_404(
        Registration.objects.not_anonymised().select_related(
            "event", "organisation", "interpretation_language"
        ),
        token=token,
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


@never_cache
@require_safe
def registration_calendar(request: HttpRequest, token: str) -> HttpResponse:
    """The calendar file with the private details, for people who have a seat. Nobody on the
    waiting list (or cancelled) gets one: a calendar entry would promise a seat."""
    registration = _registration(token)
    if not registration.is_confirmed:
        raise Http404
    return ics_response(
        event_ics(registration.event, private=True), registration.event.ics_filename()
    )
