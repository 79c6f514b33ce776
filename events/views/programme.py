"""The organisers' pages for an event's programme: its parts, the speakers, and the results they
publish after the event."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from events import access, services
from events.forms import add_service_errors
from events.forms.programme import (
    ProgrammePartForm,
    ResultFileForm,
    ResultsForm,
    SpeakerForm,
)
from events.models import Event, EventResult, EventResultFile
from events.views.common import access_checked
from migra_hub import files


def _form_page(
    request: HttpRequest,
    event: Event,
    form: BaseForm,
    *,
    save: Callable[[], object],
    title: str,
    saved: str,
) -> HttpResponse:
    """The one script and page of the part and speaker forms: save through the service when
    the form is valid (its errors next to the fields), else show the form with a way back."""
    if request.method == "POST" and form.is_valid():
        try:
            save()
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, saved)
            return redirect("events:programme", slug=event.slug)
    back_url = reverse("events:programme", args=[event.slug])
    return render(
        request,
        "events/programme_form.html",
        {"event": event, "form": form, "title": title, "back_url": back_url},
    )


@require_safe
@access_checked
def programme(request: HttpRequest, slug: str) -> HttpResponse:
    event = access.get_organised_event(request.user, slug)
    return render(
        request,
        "events/programme_manage.html",
        {
            "event": event,
            "parts": event.programme_parts.for_schedule(),
            "speakers": event.speakers.select_related("organisation").prefetch_related("parts"),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@access_checked
def part_form(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    """Add a part (without ``pk``) or change one."""
    event = access.get_organised_event(request.user, slug)
    part = get_object_or_404(event.programme_parts, pk=pk) if pk is not None else None
    form = ProgrammePartForm(request.POST or None, instance=part, event=event)

    def save() -> object:
        if part is None:
            return services.programme_part_create(event=event, data=form.part_data())
        return services.programme_part_update(part=part, data=form.part_data())

    return _form_page(
        request,
        event,
        form,
        save=save,
        title=gettext("Change a part") if part else gettext("Add a part to the programme"),
        saved=gettext("The programme is saved."),
    )


@require_POST
@access_checked
def part_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    event = access.get_organised_event(request.user, slug)
    part = get_object_or_404(event.programme_parts, pk=pk)
    try:
        services.programme_part_delete(part=part)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, gettext("The part is removed from the programme."))
    return redirect("events:programme", slug=event.slug)


@require_http_methods(["GET", "HEAD", "POST"])
@access_checked
def speaker_form(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    """Add a speaker (without ``pk``) or change one."""
    event = access.get_organised_event(request.user, slug)
    speaker = get_object_or_404(event.speakers, pk=pk) if pk is not None else None
    form = SpeakerForm(request.POST or None, instance=speaker, event=event)

    def save() -> object:
        if speaker is None:
            return services.speaker_create(event=event, data=form.speaker_data())
        return services.speaker_update(speaker=speaker, data=form.speaker_data())

    return _form_page(
        request,
        event,
        form,
        save=save,
        title=gettext("Change a speaker") if speaker else gettext("Add a speaker"),
        saved=gettext("The speaker is saved."),
    )


@require_POST
@access_checked
def speaker_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    event = access.get_organised_event(request.user, slug)
    services.speaker_delete(speaker=get_object_or_404(event.speakers, pk=pk))
    messages.success(request, gettext("The speaker is removed."))
    return redirect("events:programme", slug=event.slug)


def _results_page(
    request: HttpRequest,
    event: Event,
    form: ResultsForm,
    file_form: ResultFileForm,
    result: EventResult | None,
) -> HttpResponse:
    return render(
        request,
        "events/results_form.html",
        {
            "event": event,
            "form": form,
            "file_form": file_form,
            "result": result,
            "result_files": result.files.all() if result else [],
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@access_checked
def results(request: HttpRequest, slug: str) -> HttpResponse:
    event = access.get_organised_event(request.user, slug)
    current = EventResult.objects.filter(event=event).first()
    form = ResultsForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        try:
            services.event_results_publish(event=event, summary=form.cleaned_data["summary"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, gettext("The results are published on the event's page."))
            return redirect("events:results", slug=event.slug)
    return _results_page(request, event, form, ResultFileForm(), current)


@require_POST
@files.accepts_upload
@access_checked
def result_file_add(request: HttpRequest, slug: str) -> HttpResponse:
    event = access.get_organised_event(request.user, slug)
    file_form = ResultFileForm(request.POST, request.FILES)
    if file_form.is_valid():
        data = file_form.cleaned_data
        try:
            services.event_result_file_add(
                event=event,
                title=data["title"],
                kind=data["kind"],
                upload=data["file"],
                consent_confirmed=data["consent_confirmed"],
            )
        except ValidationError as error:
            add_service_errors(file_form, error)
        else:
            messages.success(request, gettext("The file is published with the results."))
            return redirect("events:results", slug=event.slug)
    current = EventResult.objects.filter(event=event).first()
    return _results_page(request, event, ResultsForm(instance=current), file_form, current)


@require_POST
@access_checked
def result_file_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    event = access.get_organised_event(request.user, slug)
    result_file = get_object_or_404(EventResultFile, result__event=event, pk=pk)
    services.event_result_file_remove(result_file=result_file)
    messages.success(request, gettext("The file is removed from the results."))
    return redirect("events:results", slug=event.slug)


@require_safe
@access_checked
def result_file(request: HttpRequest, slug: str, pk: int) -> HttpResponseBase:
    """A file of the published results, for everyone who may see the event."""
    event = access.get_visible_event(request.user, slug)
    result_file = get_object_or_404(
        EventResultFile, result__event=event, result__published_at__isnull=False, pk=pk
    )
    return files.download_response(
        stored_name=result_file.file.name,
        filename=result_file.filename,
        content_type=result_file.content_type,
    )
