"""The admin of places and vocabularies: a rename refreshes the search data of every entry that
uses it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import admin
from django.db import transaction
from django.db.models import Count, QuerySet
from django.forms import ModelForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from parler.admin import TranslatableAdmin

if TYPE_CHECKING:
    pass

from organisations.language_names import language_name, sort_key
from organisations.models import (
    City,
    District,
    DistrictPostcode,
    Language,
    OfferKind,
    OrganisationKind,
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

    @transaction.atomic  # the directory version changes with the deletion, or neither happens
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


class HasStaffFilter(admin.SimpleListFilter):
    """Districts without staff accounts: city-wide staff review their entries."""

    title = _("staff accounts")
    parameter_name = "has_staff"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [("yes", _("with district staff")), ("no", _("without staff (city-wide review)"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() == "yes":
            return queryset.filter(staff_count__gt=0)
        if self.value() == "no":
            return queryset.filter(staff_count=0)
        return queryset


@admin.register(District)
class DistrictAdmin(RefreshesVocabularySearch):
    list_display = ["name", "city", "staff_accounts"]
    list_filter = ["city", HasStaffFilter]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).annotate(staff_count=Count("staff"))

    @admin.display(description=_("staff accounts"), ordering="staff_count")
    def staff_accounts(self, district: District) -> Any:
        count = district.staff_count  # type: ignore[attr-defined]
        return count or _("none: city-wide staff review")


@admin.register(DistrictPostcode)
class DistrictPostcodeAdmin(admin.ModelAdmin):
    """The city's postcodes per district: imports place an address that names no district."""

    list_display = ["postcode", "district"]
    list_filter = ["district__city", "district"]
    search_fields = ["postcode", "district__name"]
    autocomplete_fields = ["district"]


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
