"""The directory's filters (django-filter) and the number of results per filter value.

Every filter takes one value; filters combine with AND. Beside the values of a filter that is
not set, the count says how many of the current results have that value (choosing it gives
exactly that many); a filter that is set shows the count beside its value only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import django_filters
from django import forms
from django.db.models import Expression, QuerySet
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from organisations.directory_version import directory_version
from organisations.facet_counts import Counts
from organisations.facets import Facet
from organisations.language_names import sort_key
from organisations.models import (
    Offer,
    OfferKind,
    OfferQuerySet,
    Organisation,
    OrganisationKind,
    OrganisationQuerySet,
    TargetGroup,
    Topic,
)
from organisations.search_query import Search
from organisations.vocabularies import DirectoryVocabulary, directory_vocabulary
from organisations.widgets import FastSelect

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

Choices = list[tuple[str, str]]
# The sort orders: labels translated lazily, when the form is shown.
SortChoices = list[tuple[str, "StrOrPromise"]]
Loader = Callable[[DirectoryVocabulary], tuple[Choices, dict[str, int]]]


# The filters that are facets (organisations.facets): their values are keys of the rows. The
# kind of an offer is "offer_kind" in the list of organisations and "kind" in the list of offers.
SHARED_FACETS = {
    "district": Facet.DISTRICT,
    "topic": Facet.TOPIC,
    "target_group": Facet.TARGET_GROUP,
    "language": Facet.LANGUAGE,
}
ORGANISATION_FACETS = {
    **SHARED_FACETS,
    "counselling_language": Facet.COUNSELLING_LANGUAGE,
    "kind": Facet.KIND,
    "offer_kind": Facet.OFFER_KIND,
    "migrant_led": Facet.MIGRANT_LED,
    "free": Facet.FREE_OFFER,
}
OFFER_FACETS = {
    **SHARED_FACETS,
    "kind": Facet.OFFER_KIND,
    "free": Facet.FREE_OFFER,
    "migrant_led": Facet.MIGRANT_LED,
}


class CheckboxFilter(django_filters.BooleanFilter):
    """A checkbox: ticked narrows the result, unticked does not filter at all."""

    field_class = forms.BooleanField


def facet_filter(label: StrOrPromise, empty_label: StrOrPromise) -> django_filters.ChoiceFilter:
    """A select of the values of one facet; its choices are loaded per request."""
    return django_filters.ChoiceFilter(
        widget=FastSelect, label=label, empty_label=empty_label, method="filter_facet"
    )


def checkbox_filter(label: StrOrPromise) -> CheckboxFilter:
    """A checkbox facet (migrant-led, free)."""
    return CheckboxFilter(label=label, method="filter_yes")


def sort_filter(choices: SortChoices) -> django_filters.ChoiceFilter:
    return django_filters.ChoiceFilter(
        widget=FastSelect, label=_("Sort by"), choices=choices, empty_label=None, method="keep"
    )


def district_choices(vocabulary: DirectoryVocabulary) -> tuple[Choices, dict[str, int]]:
    districts = list(vocabulary.districts.values())
    several_cities = len({district.city_id for district in districts}) > 1
    choices = [
        (str(d.pk), f"{d.name} ({d.city.name})" if several_cities else d.name) for d in districts
    ]
    return choices, {str(district.pk): district.pk for district in districts}


def vocabulary_choices(attribute: str) -> Loader:
    """The choices of one vocabulary of :class:`DirectoryVocabulary`, by slug."""

    def load(vocabulary: DirectoryVocabulary) -> tuple[Choices, dict[str, int]]:
        entries: dict[int, Topic | TargetGroup | OrganisationKind | OfferKind]
        entries = getattr(vocabulary, attribute)
        return (
            [(entry.slug, entry.name) for entry in entries.values()],
            {entry.slug: entry.pk for entry in entries.values()},
        )

    return load


def language_choices(vocabulary: DirectoryVocabulary) -> tuple[Choices, dict[str, int]]:
    languages = sorted(vocabulary.languages.values(), key=lambda language: sort_key(language.name))
    return (
        [(language.code, str(language)) for language in languages],
        {language.code: language.pk for language in languages},
    )


class DirectoryFilterSet(django_filters.FilterSet):
    """The filters both lists of the directory (organisations and offers) have, declared once,
    and their mechanics. Filters whose values come from the database are loaded once per
    request (one query each). The shared filters come first in both forms; each list adds
    its own after them, the sort order last."""

    loaders: dict[str, Loader] = {
        "district": district_choices,
        "topic": vocabulary_choices("topics"),
        "target_group": vocabulary_choices("target_groups"),
        "language": language_choices,
    }
    facets: dict[str, Facet] = SHARED_FACETS
    sort_choices: SortChoices = []
    # Whether the entries have a ``name_vector``: their name matches are counted and ranked
    # first (organisations.search_query.Search.best_page).
    ranks_names = False
    # What the shared filters say differently in each list.
    search_help_text: StrOrPromise = ""
    language_label: StrOrPromise = _("Language")

    q = django_filters.CharFilter(
        label=_("Search"), method="filter_search", widget=forms.TextInput(attrs={"type": "search"})
    )
    district = facet_filter(_("District"), _("All districts"))
    topic = facet_filter(_("Topic"), _("All topics"))
    target_group = facet_filter(_("Target group"), _("All target groups"))
    language = facet_filter(_("Language"), _("All languages"))

    def __init__(self, data: QueryDict | None = None, *args: Any, **kwargs: Any) -> None:
        data = data.copy() if data is not None else QueryDict(mutable=True)
        default = self.default_sort(data)
        sort_choices = self.sort_field_choices(data)
        if data.get("sort") == default or data.get("sort") not in dict(sort_choices):
            data.pop("sort", None)
        super().__init__(data, *args, **kwargs)
        self.filters["q"].extra["help_text"] = self.search_help_text
        self.filters["language"].label = self.language_label
        self.filters["sort"].extra["choices"] = sort_choices
        # Part of the keys of cached directory data; read once per request.
        self.version = directory_version()
        self.vocabulary = directory_vocabulary(self.version)
        self.ids: dict[str, dict[str, int]] = {}
        self.labels: dict[str, Choices] = {}
        loaded: dict[Loader, tuple[Choices, dict[str, int]]] = {}
        for name, loader in self.loaders.items():
            if loader not in loaded:
                loaded[loader] = loader(self.vocabulary)
            choices, ids = loaded[loader]
            self.filters[name].extra["choices"] = choices
            self.labels[name] = choices
            self.ids[name] = ids
        self._search: Search | bool | None = False

    @classmethod
    def default_sort(cls, data: QueryDict) -> str:
        """Best matches first when searching, else the list's natural order (by name)."""
        return "relevance" if data.get("q", "").strip() else cls.sort_choices[1][0]

    @classmethod
    def sort_field_choices(cls, data: QueryDict) -> SortChoices:
        """The sort select: the default order first, with an empty value, so that a search
        typed into a page sorted by default gets the default of a search (best match) rather
        than the order the select showed before; best match only when searching."""
        default = cls.default_sort(data)
        searching = default == "relevance"
        return [("", dict(cls.sort_choices)[default])] + [
            (value, label)
            for value, label in cls.sort_choices
            if value != default and (searching or value != "relevance")
        ]

    def sort(self) -> str:
        """The order of the results: the chosen one or the default."""
        return self.cleaned_value("sort") or self.default_sort(self.data)

    @property
    def search(self) -> Search | None:
        """The search box input, parsed once (PostgreSQL corrects typos with one query)."""
        if self._search is False:
            self._search = Search.parse(self.cleaned_value("q"), version=self.version)
        return self._search  # type: ignore[return-value]

    def cleaned_value(self, name: str) -> Any:
        """A filter's valid value (None when it is not set or not valid)."""
        self.form.is_valid()
        return self.form.cleaned_data.get(name)

    def value_id(self, name: str, value: str) -> int:
        return self.ids[name][value]

    def filter_search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return self.search.filter(queryset) if self.search else queryset

    def filter_facet(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        key = self.facets[name].key(self.value_id(name, value))
        return queryset.filter(facet_keys__has_all=[key])

    def filter_yes(self, queryset: QuerySet, name: str, value: bool) -> QuerySet:
        """A checkbox facet (migrant-led, free)."""
        return queryset.filter(facet_keys__has_all=[self.facets[name].key()]) if value else queryset

    def has_facet_filter(self) -> bool:
        """Whether a filter other than the search is set."""
        return any(self.cleaned_value(name) not in (None, "", False) for name in self.facets)

    def keep(self, queryset: QuerySet, name: str, value: Any) -> QuerySet:
        """For values applied elsewhere (the sort order)."""
        return queryset

    def queryset_without(self, excluded: str) -> QuerySet:
        """The result as if the filter ``excluded`` were not set (for its value counts)."""
        queryset = self.queryset.all()
        self.form.is_valid()
        for name, value in self.form.cleaned_data.items():
            if name != excluded:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def active_filters(self, counts: Counts | None = None) -> list[tuple[str, str, int | None]]:
        """(description, URL query without it, number of results without it or None) for
        every filter that is set."""
        self.form.is_valid()
        active = []
        for name, value in self.form.cleaned_data.items():
            if name == "sort" or value in (None, "", False):
                continue
            label = str(self.form.fields[name].label).split(" (")[0]
            if isinstance(value, bool):
                description = label
            else:
                shown = dict(self.labels.get(name, [])).get(value, value)
                description = f"{label}: {shown}"
            query = self.data.copy()
            for key in (name, "page", "sort"):
                query.pop(key, None)
            if sort := self.cleaned_value("sort"):
                query["sort"] = sort  # a chosen order stays (the redirect drops a default)
            without = (counts or {}).get(f"without:{name}", {}).get(None)
            active.append((description, query.urlencode(), without))
        return active

    def show_counts(self, counts: Counts) -> None:
        """Put the number of results beside the values of the filters.

        A filter without a value shows, for each of its values, how many of the current
        results have it. A filter with a value shows the count only beside that value: the
        other values would need the result without this filter, counted again.
        """
        for name, choices in self.labels.items():
            if name not in counts:
                continue
            by_id = counts[name]
            ids = self.ids[name]
            chosen = self.cleaned_value(name)
            self.form.fields[name].choices = [
                (value, f"{label} ({by_id.get(ids[value], 0)})")
                if chosen in (None, "", value)
                else (value, label)
                for value, label in choices
            ]
        for name, by_id in counts.items():
            if name in self.labels or name not in self.form.fields:
                continue
            field = self.form.fields[name]
            field.label = f"{field.label} ({by_id.get(None, 0)})"


# --- Organisations -----------------------------------------------------------------------------

ORGANISATION_SORT_CHOICES: SortChoices = [
    ("relevance", _("Best match")),
    ("name", _("Name (A–Z)")),
    ("updated", _("Recently updated")),
]


class OrganisationFilterSet(DirectoryFilterSet):
    loaders = {
        **DirectoryFilterSet.loaders,
        "counselling_language": language_choices,
        "kind": vocabulary_choices("organisation_kinds"),
        "offer_kind": vocabulary_choices("offer_kinds"),
    }
    facets = ORGANISATION_FACETS
    sort_choices = ORGANISATION_SORT_CHOICES
    ranks_names = True
    search_help_text = _("For example a name, a topic or a language.")
    language_label = _("Language spoken")

    counselling_language = facet_filter(_("Counselling in"), _("All languages"))
    kind = facet_filter(_("Kind of organisation"), _("All kinds"))
    offer_kind = facet_filter(_("Kind of offer"), _("All kinds of offer"))
    migrant_led = checkbox_filter(_("Migrant-led organisations only"))
    free = checkbox_filter(_("Only with free offers"))
    sort = sort_filter(ORGANISATION_SORT_CHOICES)

    class Meta:
        model = Organisation
        fields: list[str] = []

    def sort_order(self) -> tuple[dict[str, Expression], list[str]]:
        """The order of the results: annotations and ``order_by()`` arguments."""
        sort = self.sort()
        if sort == "relevance" and self.search:
            return self.search.name_relevance("name")
        if sort == "updated":
            return {}, ["-updated_at", "pk"]
        return {}, ["name", "pk"]

    def ordered(self, queryset: OrganisationQuerySet) -> OrganisationQuerySet:
        annotations, order = self.sort_order()
        return queryset.annotate(**annotations).order_by(*order)


# --- Offers ------------------------------------------------------------------------------------

OFFER_SORT_CHOICES: SortChoices = [
    ("relevance", _("Best match")),
    ("title", _("Title (A–Z)")),
    ("updated", _("Recently updated")),
]


class OfferFilterSet(DirectoryFilterSet):
    loaders = {**DirectoryFilterSet.loaders, "kind": vocabulary_choices("offer_kinds")}
    facets = OFFER_FACETS
    sort_choices = OFFER_SORT_CHOICES
    search_help_text = _("For example a topic, a language or the name of an organisation.")

    kind = facet_filter(_("Kind of offer"), _("All kinds of offer"))
    free = checkbox_filter(_("Free of charge only"))
    migrant_led = checkbox_filter(_("Offers of migrant-led organisations only"))
    ended = CheckboxFilter(label=_("Show ended offers too"), method="filter_ended")
    sort = sort_filter(OFFER_SORT_CHOICES)

    class Meta:
        model = Offer
        fields: list[str] = []

    def filter_ended(self, queryset: OfferQuerySet, name: str, value: bool) -> OfferQuerySet:
        return queryset if value else queryset.current()

    def ordered(self, queryset: OfferQuerySet) -> OfferQuerySet:
        sort = self.sort()
        if sort == "relevance" and self.search:
            return self.search.order_by_relevance(queryset, "title")
        if sort == "updated":
            return queryset.order_by("-updated_at", "pk")
        return queryset.order_by("title", "pk")
