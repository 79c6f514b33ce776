"""The events admin: one more client of the services.

The details of an event are edited here and saved by ``event_update`` (a larger capacity moves
people up from the waiting list and tells them; a capacity below the seats taken is refused).
Its state changes only through the actions: publishing, and cancelling with the e-mails to
everyone signed up. Sign-ups are only read here; cancelling or deleting one frees its seats for
the waiting list, as on the site.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext_lazy as _

from events import services
from events.forms.common import replace_posted, validate_single_line
from events.forms.organisers import SINGLE_LINE_FIELDS
from events.models import Event, EventCoOrganiser, EventQuerySet, Registration
from migra_hub.admin_helpers import (
    DeletesThroughService,
    ReadOnlyInline,
    ServiceAction,
    ServiceActionsAdmin,
    acting_user,
)

ORGANISER_FIELDS = ["organiser_district", "organiser_network", "organiser_organisation"]
STATE_FIELDS = ["slug", "status", "published_at", "cancelled_at", "created_by", "revision"]
REFUSED = (ValidationError,)


def _https_by_default(field: models.Field, **kwargs: Any) -> forms.Field | None:
    """Web addresses typed without a scheme are taken as https (Django 6's default)."""
    if isinstance(field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return field.formfield(**kwargs)


class EventAdminForm(forms.ModelForm):
    # The revision the page was opened on: a save after someone else's is refused.
    revision_opened = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Event
        fields = [
            *ORGANISER_FIELDS,
            *services.EventData.column_names(),
            *services.events.MANY_TO_MANY,
        ]
        formfield_callback = _https_by_default

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in SINGLE_LINE_FIELDS:
            self.fields[name].validators.append(validate_single_line)
        if self.instance.pk:
            self.initial.setdefault("revision_opened", self.instance.revision)

    def event_data(self) -> services.EventData:
        return services.EventData.from_values(self.cleaned_data)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.instance.pk and not self.errors:
            # The same checks as the save, so that a refusal shows on the form; the save
            # checks again under the event's lock.
            try:
                services.event_check_update(
                    event=Event.objects.get(pk=self.instance.pk),
                    data=self.event_data(),
                    revision=cleaned.get("revision_opened"),
                )
            except services.EventChanged as changed:
                replace_posted(self, "revision_opened", str(changed.current.revision))
                raise
        return cleaned


EVENT_ACTIONS = {
    "publish": ServiceAction(
        _("Publish"),
        lambda event, _user, _reason: services.event_publish(event=event),
        refusals=REFUSED,
        refused=_("A cancelled event cannot be published again."),
    ),
    "cancel": ServiceAction(
        _("Cancel and tell everyone signed up by e-mail"),
        lambda event, _user, message: services.event_cancel(event=event, message=message),
        reason=_("Message to everyone signed up"),
    ),
}


class CoOrganiserInline(ReadOnlyInline):
    # Added and removed by the organisers on the event's pages (the service tells the people).
    model = EventCoOrganiser
    fields = readonly_fields = ("district", "network", "organisation", "added_at")

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("district", "network", "organisation")


@admin.register(Event)
class EventAdmin(ServiceActionsAdmin, DeletesThroughService):
    form = EventAdminForm
    list_display = ["title", "kind", "starts_at", "status", "visibility", "capacity", "taken"]
    list_filter = ["status", "kind", "visibility"]
    search_fields = ["title", "slug"]
    date_hierarchy = "starts_at"
    raw_id_fields = ["organiser_organisation", "organiser_network"]
    filter_horizontal = ["languages", "interpretation_languages"]
    list_select_related = ["organiser_district", "organiser_network", "organiser_organisation"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    actions = [action.as_action(name) for name, action in EVENT_ACTIONS.items()]

    def get_queryset(self, request: HttpRequest) -> EventQuerySet:
        queryset = super().get_queryset(request)
        assert isinstance(queryset, EventQuerySet)
        return queryset.with_seat_counts()

    @admin.display(description=_("seats taken"), ordering="seats_taken")
    def taken(self, event: Event) -> int:
        return event.taken_seats()

    def get_inlines(self, request: HttpRequest, obj: Any = None) -> list[Any]:
        # A new event has no co-organisers yet (and its add form posts no inline forms).
        return [CoOrganiserInline] if obj is not None else []

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        # Who organises an event is chosen once: its organisers' pages and access hang on it.
        state = [*STATE_FIELDS, "taken", "created_at", "updated_at"]
        return [*state, *ORGANISER_FIELDS] if obj is not None else state

    def get_actions(self, request: HttpRequest) -> dict[str, Any]:
        # One at a time, so that an event with sign-ups is cancelled instead (see below).
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is not None and obj.registrations.current().exists():
            return False  # the people signed up must be told: cancel it
        return super().has_delete_permission(request, obj)

    def save_model(self, request: HttpRequest, obj: Event, form: ModelForm, change: bool) -> None:
        assert isinstance(form, EventAdminForm)
        data = form.event_data()
        if change:
            revision = form.cleaned_data.get("revision_opened")
            promoted = services.event_update(event=obj, data=data, revision=revision)
            if promoted:
                self.message_user(
                    request,
                    _("%(count)s people moved up from the waiting list and were told.")
                    % {"count": len(promoted)},
                )
            return
        organiser = obj.organiser  # the form's choice, checked by the model's constraint
        created = services.event_create(data=data, organiser=organiser, user=acting_user(request))
        obj.pk, obj.slug = created.pk, created.slug
        obj.refresh_from_db()

    def save_related(
        self, request: HttpRequest, form: ModelForm, formsets: Any, change: bool
    ) -> None:
        # The service saved the languages with the event already.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def changeform_view(
        self,
        request: HttpRequest,
        object_id: str | None = None,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        # The form checked the change; when someone else's write came in between, the service
        # refuses under the lock: nothing is saved and the page opens again with the reason.
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def delete_through_service(self, request: HttpRequest, obj: Event) -> None:
        services.event_delete(event=obj)


@admin.register(Registration)
class RegistrationAdmin(ServiceActionsAdmin, DeletesThroughService):
    """Sign-ups are made by the people themselves (or their organisation): read here, and
    cancelled or deleted through the services, which give the seats to the waiting list."""

    list_display = ["name", "event", "status", "seats", "created_at"]
    list_filter = ["status"]
    search_fields = ["name", "email", "event__title"]
    list_select_related = ["event"]
    # The key of the person's private page: nobody else needs to see it.
    exclude = ["token"]
    actions = [
        ServiceAction(
            _("Cancel the sign-up (the waiting list moves up)"),
            lambda registration, _user, _reason: services.registration_cancel(
                registration=registration
            ),
        ).as_action("cancel")
    ]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def delete_through_service(self, request: HttpRequest, obj: Registration) -> None:
        services.registration_delete(registration=obj)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Registration]:
        return super().get_queryset(request).select_related("event")
