"""The admin of city-wide staff and of reviewers' e-mail settings (district staff are beside the
entries)."""

from __future__ import annotations

from django.contrib import admin

from organisations.models import CityStaff, ReviewerMailSetting


@admin.register(CityStaff)
class CityStaffAdmin(admin.ModelAdmin):
    list_display = ["user", "created_at"]
    search_fields = ["user__email", "user__name"]
    raw_id_fields = ["user"]


@admin.register(ReviewerMailSetting)
class ReviewerMailSettingAdmin(admin.ModelAdmin):
    list_display = ["user", "frequency", "digest_sent_on"]
    list_filter = ["frequency"]
    search_fields = ["user__email", "user__name"]
    raw_id_fields = ["user"]
    readonly_fields = ["digest_sent_on"]
