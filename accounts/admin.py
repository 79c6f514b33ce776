from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from accounts import services
from accounts.models import User
from migra_hub.admin_helpers import DeletesThroughService


@admin.register(User)
class UserAdmin(DeletesThroughService, DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "name", "is_staff", "is_active", "date_joined"]
    search_fields = ["email", "name"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Personal info"), {"fields": ("name", "privacy_consent_at")}),
        (
            _("Permissions"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)
    # When the person accepted the privacy policy, and when they came: records, not settings.
    readonly_fields = ["privacy_consent_at", "last_login", "date_joined"]

    def delete_through_service(self, request: HttpRequest, obj: User) -> None:
        # As on the site: entries that lose their last owner are flagged to district staff,
        # and every app removes what it keeps about the person.
        services.account_delete(user=obj)
