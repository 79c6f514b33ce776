"""Running an event together: its organisers' page, adding a co-organiser, removing one (or
leaving as one)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_POST

from events import access, services
from events.forms import CoOrganiserForm, add_service_errors
from events.models import Event
from events.models.organiser import organiser_name
from events.views.common import access_checked
from migra_hub.http import AuthenticatedHttpRequest


@require_http_methods(["GET", "HEAD", "POST"])
@access_checked
def organisers(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    event = access.get_organised_event(request.user, slug, Event.objects.with_organisers())
    form = CoOrganiserForm(request.POST or None, event=event)
    if request.method == "POST" and form.is_valid():
        organiser = form.cleaned_data["organiser"]
        try:
            services.event_add_organiser(event=event, organiser=organiser, user=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                gettext("%(name)s now organises the event with you.")
                % {"name": organiser_name(organiser)},
            )
            return redirect("events:organisers", slug=event.slug)
    return render(
        request,
        "events/event_organisers.html",
        {"event": event, "form": form, "co_organisers": list(event.co_organisers.all())},
    )


@require_POST
@access_checked
def organiser_remove(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    event = access.get_organised_event(request.user, slug)
    co_organiser = get_object_or_404(event.co_organisers, pk=pk)
    name = str(co_organiser)
    services.event_remove_organiser(event=event, co_organiser=co_organiser, user=request.user)
    messages.success(request, gettext("%(name)s no longer organises the event.") % {"name": name})
    # Who removed their own organisation may have lost the organisers' pages with it.
    if access.can_organise(request.user, event):
        return redirect("events:organisers", slug=event.slug)
    return redirect(event)
