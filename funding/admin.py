"""Funding calls in the Django admin: one more client of the services. Calls are written on
the site (with the revision check and the history); here they are read, and published or
unpublished through actions that call the services."""

from __future__ import annotations

from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from funding import services
from funding.models import FundingCall, FundingCallChange
from migra_hub.admin_helpers import ReadOnlyInline, RecordAdmin, ServiceAction, ServiceActionsAdmin


class ChangeInline(ReadOnlyInline):
    model = FundingCallChange
    show_change_link = False
    fields = readonly_fields = ("created_at", "action", "fields", "actor_name")


ACTIONS = {
    "publish": ServiceAction(
        _("Publish"),
        lambda call, user, _reason: services.funding_call_publish(call=call, user=user),
    ),
    "unpublish": ServiceAction(
        _("Unpublish"),
        lambda call, user, _reason: services.funding_call_unpublish(call=call, user=user),
    ),
}


@admin.register(FundingCall)
class FundingCallAdmin(ServiceActionsAdmin, RecordAdmin):
    list_display = ["title", "funder", "scope", "deadline_date", "status"]
    list_filter = ["status", "scope", "district"]
    search_fields = ["title", "funder", "description"]
    list_select_related = ["district", "city", "network"]
    inlines = [ChangeInline]
    # The read-only page builds a form too; its link field must not warn.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    actions = [action.as_action(name) for name, action in ACTIONS.items()]
