from typing import Any

from django.contrib import admin
from django.db import models

from networks.models import MembershipChange, Network, NetworkMembership, NetworkNote


class MembershipInline(admin.TabularInline):
    model = NetworkMembership
    extra = 0
    raw_id_fields = ["organisation", "decided_by"]
    fields = ["organisation", "status", "role", "note", "decided_by", "decided_at"]
    readonly_fields = ["decided_at"]
    show_change_link = True


URL_FIELDS: dict[type[models.Field], dict[str, Any]] = {models.URLField: {"assume_scheme": "https"}}


class NoteInline(admin.StackedInline):
    model = NetworkNote
    extra = 0
    raw_id_fields = ["author"]
    formfield_overrides = URL_FIELDS


@admin.register(Network)
class NetworkAdmin(admin.ModelAdmin):
    list_display = ["name", "scope", "district", "status", "join_policy", "updated_at"]
    list_filter = ["scope", "status", "join_policy", "district"]
    search_fields = ["name", "goal", "description"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["topics"]
    autocomplete_fields = ["curators"]
    list_select_related = ["district"]
    inlines = [MembershipInline, NoteInline]


class ChangeInline(admin.TabularInline):
    """The history is written by the services only; the admin shows it."""

    model = MembershipChange
    extra = 0
    can_delete = False
    fields = ["created_at", "action", "status_before", "status_after", "actor_name", "message"]
    readonly_fields = [
        "created_at",
        "action",
        "status_before",
        "status_after",
        "actor_name",
        "message",
    ]

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(NetworkMembership)
class NetworkMembershipAdmin(admin.ModelAdmin):
    list_display = ["organisation", "network", "status", "role", "decided_at"]
    list_filter = ["status", "role", "network"]
    search_fields = ["organisation__name", "network__name"]
    raw_id_fields = ["organisation", "network", "decided_by"]
    list_select_related = ["organisation", "network"]
    inlines = [ChangeInline]


@admin.register(MembershipChange)
class MembershipChangeAdmin(admin.ModelAdmin):
    list_display = ["created_at", "membership", "action", "actor_name"]
    list_filter = ["action"]
    search_fields = ["membership__organisation__name", "membership__network__name", "actor_name"]
    list_select_related = ["membership__organisation", "membership__network"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(NetworkNote)
class NetworkNoteAdmin(admin.ModelAdmin):
    list_display = ["title", "network", "date", "author_name"]
    list_filter = ["network"]
    search_fields = ["title", "text"]
    raw_id_fields = ["author"]
    formfield_overrides = URL_FIELDS
