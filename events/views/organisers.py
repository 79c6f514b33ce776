"""The organisers' pages for their events: the overview, create, edit, publish, cancel, copy,
and writing to everyone signed up."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from events import access, services
from events.forms import EventCancelForm, EventForm, MessageForm, add_service_errors
from events.views.common import access_checked
from migra_hub.http import AuthenticatedHttpRequest


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
def create(request: AuthenticatedHttpRequest) -> HttpResponse:
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
        assert form.chosen_organiser is not None  # a required field of a new event's form
        try:
            event = services.event_create(
                data=form.event_data(), organiser=form.chosen_organiser, user=request.user
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
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
    conflict: services.EventChanged | None = None
    if request.method == "POST" and form.is_valid():
        try:
            promoted = services.event_update(
                event=event, data=form.event_data(), revision=form.revision()
            )
        except services.EventChanged as changed:
            conflict = changed
            add_service_errors(form, changed)
            form.take_revision(changed.current.revision)
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
    return render(
        request,
        "events/event_form.html",
        {
            "form": form,
            "event": event,
            "current": conflict.current if conflict else None,
            "differences": form.conflict_rows(conflict) if conflict else [],
        },
        # 409 Conflict, as for entries: nothing was saved, the page shows both versions.
        status=409 if conflict else 200,
    )


@require_POST
@access_checked
def publish(request: HttpRequest, slug: str) -> HttpResponse:
    event = access.get_organised_event(request.user, slug)
    try:
        services.event_publish(event=event)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
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
def duplicate(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    event = access.get_organised_event(request.user, slug)
    copy = services.event_duplicate(event=event, user=request.user)
    messages.success(request, gettext("This is a copy (a draft). Please check the dates."))
    return redirect("events:edit", slug=copy.slug)


@require_http_methods(["GET", "HEAD", "POST"])
@access_checked
def message(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    event = access.get_organised_event(request.user, slug)
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        sent = services.event_message_participants(
            event=event,
            subject=form.cleaned_data["subject"],
            body=form.cleaned_data["body"],
            include_waitlist=form.cleaned_data["include_waitlist"],
            sender=request.user,
        )
        messages.success(
            request, gettext("The message was sent to %(count)s people.") % {"count": sent}
        )
        return redirect("events:registrations", slug=event.slug)
    return render(request, "events/message_form.html", {"event": event, "form": form})
