"""The directory's filters (django-filter) and the number of results per filter value.

Every filter takes one value; filters combine with AND. Beside the values of a filter that is
not set, the count says how many of the current results have that value (choosing it gives
exactly that many); a filter that is set shows the count beside its value only.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import django_filters
from django import forms
from django.core.cache import cache
from django.db import connection
from django.db.models import Expression, QuerySet
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organisations.facets import Facet, decode
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
from organisations.search import Search, directory_version
from organisations.vocabularies import DirectoryVocabulary, directory_vocabulary
from organisations.widgets import FastSelect

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

Choices = list[tuple[str, str]]
# The sort orders: labels translated lazily, when the form is shown.
SortChoices = list[tuple[str, "StrOrPromise"]]
Loader = Callable[[DirectoryVocabulary], tuple[Choices, dict[str, int]]]


# The filters that are facets (organisations.facets): their values are keys of the rows.
ORGANISATION_FACETS = {
    "district": Facet.DISTRICT,
    "topic": Facet.TOPIC,
    "target_group": Facet.TARGET_GROUP,
    "language": Facet.LANGUAGE,
    "counselling_language": Facet.COUNSELLING_LANGUAGE,
    "kind": Facet.KIND,
    "offer_kind": Facet.OFFER_KIND,
    "migrant_led": Facet.MIGRANT_LED,
    "free": Facet.FREE_OFFER,
}
OFFER_FACETS = {
    "district": Facet.DISTRICT,
    "topic": Facet.TOPIC,
    "target_group": Facet.TARGET_GROUP,
    "language": Facet.LANGUAGE,
    "kind": Facet.OFFER_KIND,
    "free": Facet.FREE_OFFER,
    "migrant_led": Facet.MIGRANT_LED,
}
YES_NO_FACETS = {Facet.MIGRANT_LED, Facet.FREE_OFFER}


class CheckboxFilter(django_filters.BooleanFilter):
    """A checkbox: ticked narrows the result, unticked does not filter at all."""

    field_class = forms.BooleanField


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
    """Filters whose values come from the database, loaded once per request (one query each)."""

    loaders: dict[str, Loader] = {}
    facets: dict[str, Facet] = {}
    sort_choices: SortChoices = []

    def __init__(self, data: QueryDict | None = None, *args: Any, **kwargs: Any) -> None:
        data = data.copy() if data is not None else QueryDict(mutable=True)
        default = self.default_sort(data)
        sort_choices = self.sort_field_choices(data)
        if data.get("sort") == default or data.get("sort") not in dict(sort_choices):
            data.pop("sort", None)
        super().__init__(data, *args, **kwargs)
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

    def active_filters(
        self, counts: dict[str, dict[int | None, int]] | None = None
    ) -> list[tuple[str, str, int | None]]:
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

    def show_counts(self, counts: dict[str, dict[int | None, int]]) -> None:
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
        "district": district_choices,
        "topic": vocabulary_choices("topics"),
        "target_group": vocabulary_choices("target_groups"),
        "language": language_choices,
        "counselling_language": language_choices,
        "kind": vocabulary_choices("organisation_kinds"),
        "offer_kind": vocabulary_choices("offer_kinds"),
    }
    facets = ORGANISATION_FACETS
    sort_choices = ORGANISATION_SORT_CHOICES

    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_search",
        widget=forms.TextInput(attrs={"type": "search"}),
        help_text=_("For example a name, a topic or a language."),
    )
    district = django_filters.ChoiceFilter(
        widget=FastSelect,
        label=_("District"),
        empty_label=_("All districts"),
        method="filter_facet",
    )
    topic = django_filters.ChoiceFilter(
        widget=FastSelect, label=_("Topic"), empty_label=_("All topics"), method="filter_facet"
    )
    target_group = django_filters.ChoiceFilter(
        widget=FastSelect,
        label=_("Target group"),
        empty_label=_("All target groups"),
        method="filter_facet",
    )
    language = django_filters.ChoiceFilter(
        widget=FastSelect,
        label=_("Language spoken"),
        empty_label=_("All languages"),
        method="filter_facet",
    )
    counselling_language = django_filters.ChoiceFilter(
        widget=FastSelect,
        label=_("Counselling in"),
        empty_label=_("All languages"),
        method="filter_facet",
    )
    kind = django_filters.ChoiceFilter(
        widget=FastSelect,
        label=_("Kind of organisation"),
        empty_label=_("All kinds"),
        method="filter_facet",
    )
    offer_kind = django_filters.ChoiceFilter(
        widget=FastSelect,
        label=_("Kind of offer"),
        empty_label=_("All kinds of offer"),
        method="filter_facet",
    )
    migrant_led = CheckboxFilter(label=_("Migrant-led organisations only"), method="filter_yes")
    free = CheckboxFilter(label=_("Only with free offers"), method="filter_yes")
    sort = django_filters.ChoiceFilter(
        widget=FastSelect,
        label=_("Sort by"),
        choices=ORGANISATION_SORT_CHOICES,
        empty_label=None,
        method="keep",
    )

    class Meta:
        model = Organisation
        fields: list[str] = []

    def sort_order(self) -> tuple[dict[str, Expression], list[str]]:
        """The order of the results: annotations and ``order_by()`` arguments."""
        sort = self.sort()
        if sort == "relevance" and self.search:
            return self.search.relevance("name")
        if sort == "updated":
            return {}, ["-updated_at", "pk"]
        return {}, ["name", "pk"]

    def ordered(self, queryset: OrganisationQuerySet) -> OrganisationQuerySet:
        annotations, order = self.sort_order()
        return queryset.annotate(**annotations).order_by(*order)


# --- Counting results per filter value ---------------------------------------------------------


def _count_keys_sql(base_sql: str) -> str:
    """SQL counting the facet keys of the rows of ``base_sql``, plus a key 0 for each row."""
    if connection.vendor == "postgresql":
        # unnest() in the select list (ProjectSet) is cheaper than a lateral function scan.
        return (
            "SELECT keys.value, COUNT(*) FROM (SELECT unnest(base.facet_keys || 0::bigint)"
            f" AS value FROM ({base_sql}) AS base) AS keys GROUP BY keys.value"
        )
    return (
        f"SELECT keys.value, COUNT(*) FROM ({base_sql}) AS base,"
        " json_each(json_insert(base.facet_keys, '$[#]', 0)) AS keys GROUP BY keys.value"
    )


def _rows(queryset: QuerySet) -> tuple[str, list[Any]]:
    sql, params = queryset.order_by().values("facet_keys").query.sql_with_params()
    return sql, list(params)


UNFILTERED_CACHE_SECONDS = 600
# More results than a directory will ever have.
MAX_OFFSET = 2**31


def facet_counts(filterset: DirectoryFilterSet) -> dict[str, dict[int | None, int]]:
    """The number of results, and of results per value of every filter, in one query that
    reads the rows of the result once and groups their facet keys.

    The counts of the whole directory (no filter, no search) are the same for every visitor
    and the most expensive: they are cached until the next refresh of the search data (every
    write path refreshes it), at most ten minutes, and per day (offers end at midnight).
    """
    unfiltered = not any(
        filterset.cleaned_value(name) not in (None, "", False)
        for name in filterset.form.fields
        if name != "sort"
    )
    if not unfiltered:
        return _count_facets(filterset)
    day = timezone.localdate().isoformat()
    key = f"directory:facets:{type(filterset).__name__}:{filterset.version}:{day}"
    counts = cache.get_or_set(key, lambda: _count_facets(filterset), UNFILTERED_CACHE_SECONDS)
    assert isinstance(counts, dict)  # never None: the default is not None
    return counts


def _count_facets(filterset: DirectoryFilterSet) -> dict[str, dict[int | None, int]]:
    names = {facet: name for name, facet in filterset.facets.items()}
    sql, params = _rows(filterset.qs)
    counts: dict[str, dict[int | None, int]] = defaultdict(dict)
    counts["total"][None] = 0
    with connection.cursor() as cursor:
        cursor.execute(_count_keys_sql(sql), params)
        for key, count in cursor.fetchall():
            if key == 0:
                counts["total"][None] = count
                continue
            facet, value = decode(key)
            counts[names[facet]][None if facet in YES_NO_FACETS else value] = count
    return dict(counts)


def facet_counts_and_page(
    filterset: OrganisationFilterSet, *, offset: int, limit: int
) -> tuple[dict[str, dict[int | None, int]], list[int]]:
    """The counts of :func:`facet_counts` and the ids of one page of the ordered result, in one
    query that finds the result once.

    For searches: the full-text match (and the rank of every match) is the expensive part of
    the directory; counting and ranking in two queries would run it twice.
    """
    # A page number far past the end must not overflow the database's 64-bit OFFSET; any
    # offset past the last result gives the same empty page.
    offset = min(offset, MAX_OFFSET)
    annotations, order = filterset.sort_order()
    sort_fields = [name.lstrip("-") for name in order]
    # Fields first, then annotations: the order of the columns of the SELECT.
    columns = ["facet_keys"]
    columns += [name for name in sort_fields if name not in annotations and name not in columns]
    columns += [name for name in annotations if name in sort_fields]
    matches = filterset.qs.annotate(**annotations).order_by().values(*columns)
    matches_sql, params = matches.query.sql_with_params()
    quote = connection.ops.quote_name
    order_sql = ", ".join(
        f"{quote(name[1:])} DESC" if name.startswith("-") else quote(name) for name in order
    )
    sql = (
        f"WITH matches ({', '.join(map(quote, columns))}) AS ({matches_sql})"
        f" SELECT 0, counted.* FROM ({_count_keys_sql('SELECT facet_keys FROM matches')})"
        f" AS counted UNION ALL SELECT 1, top.{quote('pk')},"
        f" ROW_NUMBER() OVER (ORDER BY {order_sql}) FROM"
        f" (SELECT * FROM matches ORDER BY {order_sql} LIMIT %s OFFSET %s) AS top"
    )
    names = {facet: name for name, facet in filterset.facets.items()}
    counts: dict[str, dict[int | None, int]] = defaultdict(dict)
    counts["total"][None] = 0
    positions: dict[int, int] = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, limit, offset])
        for part, key, count in cursor.fetchall():
            if part == 1:
                positions[key] = count
            elif key == 0:
                counts["total"][None] = count
            else:
                facet, value = decode(key)
                counts[names[facet]][None if facet in YES_NO_FACETS else value] = count
    return dict(counts), sorted(positions, key=positions.__getitem__)


def counts_without_each_filter(
    filterset: DirectoryFilterSet,
) -> dict[str, dict[int | None, int]]:
    """How many results there would be without each filter that is set (one query); for the
    page that found nothing."""
    active = [
        name
        for name in filterset.form.fields
        if name != "sort" and filterset.cleaned_value(name) not in (None, "", False)
    ]
    if not active:
        return {}
    parts: list[str] = []
    params: list[Any] = []
    for number, name in enumerate(active):
        queryset = filterset.queryset_without(name).order_by().values("pk")
        sql, base_params = queryset.query.sql_with_params()
        parts.append(f"SELECT {number}, COUNT(*) FROM ({sql}) AS base")
        params += base_params
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        return {f"without:{active[number]}": {None: count} for number, count in cursor.fetchall()}


# --- Offers ------------------------------------------------------------------------------------

OFFER_SORT_CHOICES: SortChoices = [
    ("relevance", _("Best match")),
    ("title", _("Title (A–Z)")),
    ("updated", _("Recently updated")),
]


class OfferFilterSet(DirectoryFilterSet):
    loaders = {
        "district": district_choices,
        "topic": vocabulary_choices("topics"),
        "target_group": vocabulary_choices("target_groups"),
        "language": language_choices,
        "kind": vocabulary_choices("offer_kinds"),
    }
    facets = OFFER_FACETS
    sort_choices = OFFER_SORT_CHOICES

    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_search",
        widget=forms.TextInput(attrs={"type": "search"}),
        help_text=_("For example a topic, a language or the name of an organisation."),
    )
    district = django_filters.ChoiceFilter(
        widget=FastSelect,
        label=_("District"),
        empty_label=_("All districts"),
        method="filter_facet",
    )
    topic = django_filters.ChoiceFilter(
        widget=FastSelect, label=_("Topic"), empty_label=_("All topics"), method="filter_facet"
    )
    target_group = django_filters.ChoiceFilter(
        widget=FastSelect,
        label=_("Target group"),
        empty_label=_("All target groups"),
        method="filter_facet",
    )
    language = django_filters.ChoiceFilter(
        widget=FastSelect,
        label=_("Language"),
        empty_label=_("All languages"),
        method="filter_facet",
    )
    kind = django_filters.ChoiceFilter(
        widget=FastSelect,
        label=_("Kind of offer"),
        empty_label=_("All kinds of offer"),
        method="filter_facet",
    )
    free = CheckboxFilter(label=_("Free of charge only"), method="filter_yes")
    migrant_led = CheckboxFilter(
        label=_("Offers of migrant-led organisations only"), method="filter_yes"
    )
    ended = CheckboxFilter(label=_("Show ended offers too"), method="filter_ended")
    sort = django_filters.ChoiceFilter(
        widget=FastSelect,
        label=_("Sort by"),
        choices=OFFER_SORT_CHOICES,
        empty_label=None,
        method="keep",
    )

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
