from django.contrib import admin

from events.models import Event, Registration


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "starts_at", "status", "visibility", "capacity"]
    list_filter = ["status", "kind", "visibility"]
    search_fields = ["title", "slug"]
    date_hierarchy = "starts_at"
    raw_id_fields = ["organiser_organisation", "organiser_network", "created_by"]
    filter_horizontal = ["languages", "interpretation_languages"]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    """Read-mostly: seats must only change through the services (they hold the event lock)."""

    list_display = ["name", "event", "status", "seats", "created_at"]
    list_filter = ["status"]
    search_fields = ["name", "email", "event__title"]
    raw_id_fields = ["event", "organisation", "registered_by"]
    readonly_fields = ["status", "seats", "token", "created_at", "updated_at"]
