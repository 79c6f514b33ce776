"""What a network keeps, in the Django admin: documents and their versions, earlier versions of
notes (records: read here, written on the site) and partners (plain records without a workflow).

Loaded by ``networks.admin``.
"""

from __future__ import annotations

from django.contrib import admin
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest

from migra_hub.admin_helpers import ReadOnlyInline, RecordAdmin
from networks.models import DocumentVersion, NetworkDocument, NetworkPartner, NoteVersion


class VersionInline(ReadOnlyInline):
    model = DocumentVersion
    # The file itself is not linked: files go out only through the site's access checks.
    fields = readonly_fields = (
        "number",
        "filename",
        "content_type",
        "size",
        "uploaded_by_name",
        "created_at",
    )
    show_change_link = False


@admin.register(NetworkDocument)
class NetworkDocumentAdmin(RecordAdmin):
    list_display = ["title", "network", "kind", "created_at", "archived_at"]
    list_filter = ["kind"]
    search_fields = ["title", "network__name"]
    list_select_related = ["network"]
    fields = readonly_fields = (
        "network",
        "title",
        "kind",
        "organisation",
        "created_at",
        "archived_at",
    )
    inlines = [VersionInline]


class NoteVersionInline(ReadOnlyInline):
    model = NoteVersion
    fields = readonly_fields = ("title", "date", "written_by_name", "written_at", "replaced_at")
    show_change_link = False


@admin.register(NetworkPartner)
class NetworkPartnerAdmin(admin.ModelAdmin):
    list_display = ["name", "network", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "network__name"]
    list_select_related = ["network"]
    autocomplete_fields = ["network"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request: HttpRequest) -> QuerySet[NetworkPartner]:
        return super().get_queryset(request).select_related("network")
