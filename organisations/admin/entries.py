"""The admin of entries and offers: content edits and state changes through the services."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from django.contrib import admin
from django.db import models
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

from migra_hub.admin_helpers import (
    DeletesThroughService,
    ReadOnlyInline,
    ServiceAction,
    ServiceActionsAdmin,
    ServiceCall,
    acting_user,
)
from organisations import services
from organisations.models import (
    DistrictStaff,
    Offer,
    OfferQuerySet,
    Organisation,
    OrganisationMembership,
    OrganisationQuerySet,
)
from organisations.review_decisions import DECISIONS

# --- Entries and offers ----------------------------------------------------------------------

# Web addresses typed without a scheme are taken as https (Django 6's default).
URL_FIELDS: dict[type[models.Field], dict[str, Any]] = {models.URLField: {"assume_scheme": "https"}}


class MembershipInline(ReadOnlyInline):
    model = OrganisationMembership
    fields = readonly_fields = ("user", "role", "created_at")

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("user")


class OfferInline(ReadOnlyInline):
    model = Offer
    fields = readonly_fields = ("title", "kind", "ends_on")

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return (
            super()
            .get_queryset(request)
            .select_related("kind")
            .prefetch_related("kind__translations")
        )


REVIEW = (services.TransitionNotAllowed,)
NOT_POSSIBLE = _("This decision is not possible in the entry's current state.")
ONLY_PUBLISHED = _("Only published entries can be marked as verified.")


def _review(
    label: StrOrPromise, call: ServiceCall, refused: StrOrPromise = NOT_POSSIBLE, **kwargs: Any
) -> ServiceAction:
    return ServiceAction(label, call, refusals=REVIEW, refused=refused, **kwargs)


# The decisions of the review pages, with the same services: history, e-mails to the members,
# search refresh and the publication date happen as they do on the site.
ORGANISATION_ACTIONS = {
    **{
        name: _review(
            decision.label,
            decision.take,
            reason=decision.reason,
            reason_required=decision.reason_required,
        )
        for name, decision in DECISIONS.items()
    },
    "mark_verified": _review(
        _("Mark as verified"),
        lambda o, user, _reason: services.organisation_set_verified(
            organisation=o, staff=user, verified=True
        ),
        refused=ONLY_PUBLISHED,
    ),
    "remove_verified_mark": _review(
        _("Remove the verified mark"),
        lambda o, user, _reason: services.organisation_set_verified(
            organisation=o, staff=user, verified=False
        ),
        refused=ONLY_PUBLISHED,
    ),
    "clear_owner_flag": _review(
        _("Clear the missing-owner flag"),
        lambda o, user, _reason: services.organisation_clear_owner_flag(organisation=o, staff=user),
    ),
}


class EntryAdmin(DeletesThroughService):
    """Entries and offers are saved and deleted by their services: as one version in the
    history by the admin, with the search data refreshed."""

    def save_related(
        self, request: HttpRequest, form: ModelForm, formsets: Any, change: bool
    ) -> None:
        # save_model's service saved the many-to-many fields with the object already.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)


@admin.register(Organisation)
class OrganisationAdmin(ServiceActionsAdmin, EntryAdmin):
    """Content is edited here; the state of an entry changes only through the actions. Entries
    are registered on the site or imported: without an owner, one added here could never be
    submitted for review."""

    list_display = ["name", "kind", "status", "migrant_led", "updated_at"]
    list_filter = ["status", "kind", "migrant_led", "districts"]
    search_fields = ["name", "short_name", "description", "email"]
    autocomplete_fields = ["languages", "counselling_languages", "topics", "target_groups"]
    filter_horizontal = ["districts"]
    date_hierarchy = "updated_at"
    list_select_related = ["kind"]
    formfield_overrides = URL_FIELDS
    # The slug is the address of a public page and is chosen by the services (reserved words).
    readonly_fields = [
        "slug",
        "status",
        "submitted_at",
        "published_at",
        "verified_at",
        "last_confirmed_at",
        "confirmation_reminded_at",
        "owner_left_at",
        "created_at",
        "updated_at",
    ]
    inlines = [MembershipInline, OfferInline]
    actions = [decision.as_action(name) for name, decision in ORGANISATION_ACTIONS.items()]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Organisation]:
        return (
            cast(OrganisationQuerySet, super().get_queryset(request))
            .defer_search_data()
            .prefetch_related("kind__translations")
        )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def save_model(
        self, request: HttpRequest, obj: Organisation, form: ModelForm, change: bool
    ) -> None:
        # Only what was changed on this page: a value someone else saved meanwhile stays.
        changed = {name: form.cleaned_data[name] for name in form.changed_data}
        services.organisation_update(
            organisation=obj,
            data=services.OrganisationData.from_values(changed),
            user=acting_user(request),
        )

    def delete_through_service(self, request: HttpRequest, obj: Organisation) -> None:
        services.organisation_delete_for_good(organisation=obj, staff=acting_user(request))


@admin.register(Offer)
class OfferAdmin(EntryAdmin):
    list_display = ["title", "organisation", "kind", "cost", "ends_on"]
    list_filter = ["kind", "cost", "organisation__status"]
    search_fields = ["title", "description", "organisation__name"]
    autocomplete_fields = ["organisation", "topics", "target_groups", "languages"]
    list_select_related = ["organisation", "kind"]
    readonly_fields = ["created_at", "updated_at"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Offer]:
        return (
            cast(OfferQuerySet, super().get_queryset(request))
            .defer_search_data()
            .prefetch_related("kind__translations")
        )

    def save_model(self, request: HttpRequest, obj: Offer, form: ModelForm, change: bool) -> None:
        if not change:
            data = services.OfferData.from_values(form.cleaned_data)
            saved = services.offer_create(
                organisation=obj.organisation, data=data, user=acting_user(request)
            )
            obj.pk = saved.pk  # the admin's redirect and message name the saved offer
            return
        changed = {name: form.cleaned_data[name] for name in form.changed_data}
        services.offer_update(
            offer=obj, data=services.OfferData.from_values(changed), user=acting_user(request)
        )

    def get_readonly_fields(self, request: HttpRequest, obj: Offer | None = None) -> Any:
        # An offer stays with its organisation: its history and change log belong to it.
        fields = list(super().get_readonly_fields(request, obj))
        return [*fields, "organisation"] if obj is not None else fields

    def delete_through_service(self, request: HttpRequest, obj: Offer) -> None:
        services.offer_delete(offer=obj, user=acting_user(request))


@admin.register(DistrictStaff)
class DistrictStaffAdmin(admin.ModelAdmin):
    list_display = ["user", "district", "created_at"]
    list_filter = ["district"]
    raw_id_fields = ["user"]
