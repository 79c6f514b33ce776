"""What people follow and which digests went out: for answering questions, view only. People
change it themselves on "What I follow" or with the digest's unsubscribe link."""

from django.contrib import admin

from following.models import DigestLog, DigestSetting, Follow
from migra_hub.admin_helpers import RecordAdmin


@admin.register(Follow)
class FollowAdmin(RecordAdmin):
    list_display = ["user", "kind", "organisation", "network", "district", "created_at"]
    list_filter = ["kind"]
    search_fields = ["user__email", "organisation__name", "network__name", "district__name"]
    list_select_related = ["user", "organisation", "network", "district"]


@admin.register(DigestSetting)
class DigestSettingAdmin(RecordAdmin):
    list_display = ["user", "frequency", "covered_until", "last_run_on"]
    list_filter = ["frequency"]
    search_fields = ["user__email"]
    list_select_related = ["user"]


@admin.register(DigestLog)
class DigestLogAdmin(RecordAdmin):
    list_display = ["sent_at", "user", "frequency", "covered_from", "covered_until", "item_count"]
    list_filter = ["frequency"]
    search_fields = ["user__email"]
    list_select_related = ["user"]
    date_hierarchy = "sent_at"
