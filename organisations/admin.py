from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest
from parler.admin import TranslatableAdmin

from organisations.language_names import language_name, sort_key
from organisations.models import (
    City,
    District,
    DistrictStaff,
    Invitation,
    Language,
    Offer,
    OfferKind,
    Organisation,
    OrganisationKind,
    OrganisationMembership,
    OwnershipClaim,
    ReviewDecision,
    TargetGroup,
    Topic,
)
from organisations.search import (
    directory_changed,
    organisation_search_refresh,
    organisations_using,
    vocabulary_search_refresh,
)

# The admin is a write path like any other: after a change it refreshes the search data.


class RefreshesVocabularySearch(admin.ModelAdmin):
    """For vocabularies, districts and cities: the organisations that name an entry are
    refreshed after it changed or went; a new entry only makes cached filter choices stale."""

    def save_model(self, request: HttpRequest, obj: Any, form: ModelForm, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if change and form.changed_data:
            vocabulary_search_refresh(entry=obj)
        else:
            directory_changed()

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        affected = organisations_using(obj)
        super().delete_model(request, obj)
        organisation_search_refresh(organisation_ids=affected)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        affected = {pk for entry in queryset for pk in organisations_using(entry)}
        super().delete_queryset(request, queryset)
        organisation_search_refresh(organisation_ids=affected)


class DistrictInline(admin.TabularInline):
    model = District
    extra = 0
    prepopulated_fields = {"slug": ["name"]}


@admin.register(City)
class CityAdmin(RefreshesVocabularySearch):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [DistrictInline]

    def save_related(
        self, request: HttpRequest, form: ModelForm, formsets: Any, change: bool
    ) -> None:
        super().save_related(request, form, formsets, change)
        if any(formset.has_changed() for formset in formsets):
            vocabulary_search_refresh(entry=form.instance)  # a district renamed or added


@admin.register(District)
class DistrictAdmin(RefreshesVocabularySearch):
    list_display = ["name", "city"]
    list_filter = ["city"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Topic, TargetGroup, OrganisationKind, OfferKind)
class VocabularyAdmin(TranslatableAdmin, RefreshesVocabularySearch):
    """Names in every interface language: one tab per language (django-parler)."""

    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["translations__name", "slug"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).prefetch_related("translations")


@admin.register(Language)
class LanguageAdmin(RefreshesVocabularySearch):
    """Codes only: the names come from CLDR (organisations.language_names)."""

    list_display = ["code", "name", "name_native"]
    search_fields = ["code"]

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet, search_term: str
    ) -> tuple[QuerySet, bool]:
        """By code, or by name in the current language, German or English (also for the
        autocomplete of the organisation and offer forms)."""
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        term = sort_key(search_term.strip())
        if not term:
            return results, may_have_duplicates
        named = [
            language.pk
            for language in queryset.only("pk", "code")
            if any(
                term in sort_key(name)
                for name in (
                    language.name,
                    language_name(language.code, "de"),
                    language_name(language.code, "en"),
                    language.name_native,
                )
            )
        ]
        return results | queryset.filter(pk__in=named), may_have_duplicates


class OfferInline(admin.StackedInline):
    model = Offer
    extra = 0
    autocomplete_fields = ["topics", "target_groups", "languages"]
    show_change_link = True


class MembershipInline(admin.TabularInline):
    model = OrganisationMembership
    extra = 0
    raw_id_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "status", "migrant_led", "updated_at"]
    list_filter = ["status", "kind", "migrant_led", "districts"]
    search_fields = ["name", "short_name", "description", "email"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["languages", "counselling_languages", "topics", "target_groups"]
    filter_horizontal = ["districts"]
    date_hierarchy = "updated_at"
    inlines = [MembershipInline, OfferInline]

    def save_related(
        self, request: HttpRequest, form: ModelForm, formsets: Any, change: bool
    ) -> None:
        super().save_related(request, form, formsets, change)
        organisation_search_refresh(organisation_ids=[form.instance.pk])


@admin.register(Offer)
class OfferAdmin(admin.ModelAdmin):
    list_display = ["title", "organisation", "kind", "cost", "ends_on"]
    list_filter = ["kind", "cost", "organisation__status"]
    search_fields = ["title", "description", "organisation__name"]
    autocomplete_fields = ["organisation", "topics", "target_groups", "languages"]
    list_select_related = ["organisation", "kind"]

    def save_related(
        self, request: HttpRequest, form: ModelForm, formsets: Any, change: bool
    ) -> None:
        super().save_related(request, form, formsets, change)
        organisation_search_refresh(organisation_ids=[form.instance.organisation_id])

    def delete_model(self, request: HttpRequest, obj: Offer) -> None:
        super().delete_model(request, obj)
        organisation_search_refresh(organisation_ids=[obj.organisation_id])

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Offer]) -> None:
        organisation_ids = list(queryset.values_list("organisation_id", flat=True))
        super().delete_queryset(request, queryset)
        organisation_search_refresh(organisation_ids=organisation_ids)


@admin.register(DistrictStaff)
class DistrictStaffAdmin(admin.ModelAdmin):
    list_display = ["user", "district", "created_at"]
    list_filter = ["district"]
    raw_id_fields = ["user"]


# --- Registration and review (issue 4) -------------------------------------------------------


@admin.register(ReviewDecision)
class ReviewDecisionAdmin(admin.ModelAdmin):
    """The record of staff decisions is read-only: it is what was decided, not a to-do list."""

    list_display = ["organisation", "action", "decided_by", "decided_at"]
    list_filter = ["action"]
    search_fields = ["organisation__name", "message"]
    list_select_related = ["organisation", "decided_by"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(OwnershipClaim)
class OwnershipClaimAdmin(admin.ModelAdmin):
    list_display = ["organisation", "user", "status", "created_at", "decided_by"]
    list_filter = ["status"]
    search_fields = ["organisation__name", "user__email"]
    raw_id_fields = ["organisation", "user", "decided_by"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "organisation", "role", "created_at", "expires_at", "accepted_at"]
    search_fields = ["email", "organisation__name"]
    raw_id_fields = ["organisation", "invited_by", "accepted_by"]
    exclude = ["token_hash"]
    readonly_fields = ["accepted_at", "accepted_by"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        # Owners invite from the site, which mails the one-time link; the admin cannot.
        return False
