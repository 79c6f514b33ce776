"""The networks in the Django admin: one more client of the services.

What a network says about itself is edited here and saved by ``network_update`` (under its row
lock, as a new revision); its status and every membership change only through actions that
call the services, so the history, the e-mails and the last-coordinator rule hold here as on
the site. The history and the memberships are records: read here, written by the services.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from migra_hub.admin_helpers import (
    ReadOnlyInline,
    RecordAdmin,
    ServiceAction,
    ServiceActionsAdmin,
    acting_user,
)
from migra_hub.revisions import RevisionFormMixin
from networks import services
from networks.admin_documents import NoteVersionInline
from networks.forms import NetworkForm
from networks.models import (
    MembershipChange,
    Network,
    NetworkMembership,
    NetworkNote,
    NetworkPhaseChange,
    NetworkProposal,
    NetworkTask,
)

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

Action = MembershipChange.Action

# A step the service refuses tells why (the last coordinator, a decision taken meanwhile). An
# admin who does not curate the network gets the service's PermissionDenied: 403.
REFUSALS = (services.NetworkError,)


class MembershipInline(ReadOnlyInline):
    model = NetworkMembership
    fields = readonly_fields = ("organisation", "status", "role", "decided_at")

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("organisation")


class NoteInline(ReadOnlyInline):
    model = NetworkNote
    fields = readonly_fields = ("title", "date", "author_name")


class PhaseChangeInline(ReadOnlyInline):
    model = NetworkPhaseChange
    show_change_link = False
    fields = readonly_fields = ("date", "phase_before", "phase_after", "note", "actor_name")


class TaskInline(ReadOnlyInline):
    model = NetworkTask
    show_change_link = False
    fields = readonly_fields = ("title", "responsible_name", "due_date", "done_at")


class NetworkAdminForm(RevisionFormMixin, ModelForm):
    # The admin shows the network's revision itself (read-only) under that name.
    revision_field = "opened_revision"

    class Meta:
        model = Network
        # The site's form without the phase (an action here), with what only the admin sets.
        fields = [name for name in NetworkForm.Meta.fields if name != "phase"] + [
            "curators",
            "original_language",
            "translations",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_revision_field(self.instance.revision)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        revision = cleaned.get(self.revision_field)
        if revision is not None and revision != self.instance.revision:
            raise ValidationError(
                _(
                    "This network was changed by someone else since you opened it. Please "
                    "open it again and make your changes once more."
                ),
                code="changed",
            )
        return cleaned


def _move_to(phase: Network.Phase) -> ServiceAction:
    return ServiceAction(
        format_lazy("{}: {}", _("Move to the phase"), phase.label),
        lambda network, user, note: services.network_change_phase(
            network=network, user=user, phase=phase, note=note
        ),
        reason=_("Note for the network's timeline"),
        reason_required=True,
        refusals=REFUSALS,
    )


PHASE_ACTIONS = {f"move_to_{phase.value}": _move_to(phase) for phase in Network.Phase}


@admin.register(Network)
class NetworkAdmin(ServiceActionsAdmin):
    """Networks are created on the site by staff, and closed rather than deleted, so that
    their history stays."""

    form = NetworkAdminForm
    list_display = ["name", "scope", "district", "phase", "join_policy", "updated_at"]
    list_filter = ["scope", "phase", "join_policy", "district"]
    search_fields = ["name", "goal", "description"]
    filter_horizontal = ["topics"]
    autocomplete_fields = ["curators"]
    list_select_related = ["district"]
    # The slug is the address of a public page; the city follows from the district.
    readonly_fields = ["slug", "phase", "city", "revision", "created_at", "updated_at"]
    inlines = [MembershipInline, NoteInline, PhaseChangeInline, TaskInline]
    actions = [action.as_action(name) for name, action in PHASE_ACTIONS.items()]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: Network, form: ModelForm, change: bool) -> None:
        # ``obj`` carries the form's values; the topics are the form's too.
        assert isinstance(form, NetworkAdminForm)
        data = dataclasses.replace(
            services.NetworkData.of(obj), topics=tuple(form.cleaned_data["topics"])
        )
        services.network_update(
            network=obj,
            user=acting_user(request),
            data=data,
            revision=form.revision(),
        )


class ChangeInline(ReadOnlyInline):
    """The history is written by the services only; the admin shows it."""

    model = MembershipChange
    show_change_link = False
    fields = readonly_fields = (
        "created_at",
        "action",
        "status_before",
        "status_after",
        "actor_name",
        "message",
    )


def _step(label: StrOrPromise, *actions: str, reason: StrOrPromise | None = None) -> ServiceAction:
    """An admin action for curators' steps of ``services.TRANSITIONS``."""
    return ServiceAction(
        label,
        lambda membership, user, text: services.membership_transition(
            membership, *actions, user=user, message=text
        ),
        reason=reason,
        reason_required=services.TRANSITIONS[actions[0]].needs_reason,
        refusals=REFUSALS,
    )


MESSAGE = _("Message to the organisation's owners (optional)")
MEMBERSHIP_ACTIONS = {
    "approve": _step(_("Approve the request"), Action.APPROVED, reason=MESSAGE),
    "decline": _step(_("Decline the request"), Action.DECLINED, reason=MESSAGE),
    "remove": _step(
        _("Remove from the network, or withdraw the invitation"),
        Action.REMOVED,
        Action.INVITATION_WITHDRAWN,
        reason=_("Reason (kept in the history and sent to the owners)"),
    ),
    "name_coordinator": _step(_("Name coordinator"), Action.COORDINATOR_NAMED),
    "remove_coordinator": _step(_("End coordinator role"), Action.COORDINATOR_REMOVED),
}


@admin.register(NetworkMembership)
class NetworkMembershipAdmin(ServiceActionsAdmin, RecordAdmin):
    """Organisations ask to join and are invited on the site; here curators' decisions are
    taken through the same services as there."""

    list_display = ["organisation", "network", "status", "role", "decided_at"]
    list_filter = ["status", "role", "network"]
    search_fields = ["organisation__name", "network__name"]
    list_select_related = ["organisation", "network"]
    inlines = [ChangeInline]
    actions = [action.as_action(name) for name, action in MEMBERSHIP_ACTIONS.items()]


@admin.register(MembershipChange)
class MembershipChangeAdmin(RecordAdmin):
    list_display = ["created_at", "membership", "action", "actor_name"]
    list_filter = ["action"]
    search_fields = ["membership__organisation__name", "membership__network__name", "actor_name"]
    list_select_related = ["membership__organisation", "membership__network"]
    date_hierarchy = "created_at"


@admin.register(NetworkNote)
class NetworkNoteAdmin(admin.ModelAdmin):
    """Notes are written by the network's curators on its notes page; here they are read,
    and deleted when one must go."""

    inlines = [NoteVersionInline]

    list_display = ["title", "network", "date", "author_name"]
    list_filter = ["network"]
    search_fields = ["title", "text"]
    list_select_related = ["network"]
    # Django 6's default for links typed without a scheme.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(NetworkPhaseChange)
class NetworkPhaseChangeAdmin(RecordAdmin):
    list_display = ["date", "network", "phase_before", "phase_after", "actor_name"]
    list_filter = ["phase_after"]
    search_fields = ["network__name", "note"]
    list_select_related = ["network"]


@admin.register(NetworkTask)
class NetworkTaskAdmin(RecordAdmin):
    """Tasks are agreed and ticked on the network's task page by its curators."""

    list_display = ["title", "network", "responsible_name", "due_date", "done_at"]
    list_filter = ["network"]
    search_fields = ["title", "responsible_name"]
    list_select_related = ["network"]


PROPOSAL_ACTIONS = {
    "approve_proposal": ServiceAction(
        _("Approve: create the network"),
        lambda proposal, user, text: services.proposal_approve(
            proposal=proposal, user=user, message=text
        ),
        reason=_("Message to the person who proposed it (optional)"),
        refusals=REFUSALS,
    ),
    "decline_proposal": ServiceAction(
        _("Decline the proposal"),
        lambda proposal, user, text: services.proposal_decline(
            proposal=proposal, user=user, reason=text
        ),
        reason=_("Reason (sent to the person who proposed it)"),
        reason_required=True,
        refusals=REFUSALS,
    ),
}


@admin.register(NetworkProposal)
class NetworkProposalAdmin(ServiceActionsAdmin, RecordAdmin):
    """Organisations propose networks on the site; staff decide there or here, through the
    same services."""

    list_display = ["name", "organisation", "scope", "district", "status", "created_at"]
    list_filter = ["status", "scope", "district"]
    search_fields = ["name", "organisation__name"]
    list_select_related = ["organisation", "district"]
    actions = [action.as_action(name) for name, action in PROPOSAL_ACTIONS.items()]
