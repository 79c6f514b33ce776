"""The actor analysis: who works on what in a district (or a whole city), and where offers are
missing.

Every figure is counted from the facet keys the directory itself filters on
(``organisations.facets``): published organisations and current public offers, the same rows
the two lists of the directory show. A figure's link opens the directory with exactly the
filters it counted, so the number and the results behind the link agree by construction (and a
test checks it). Two queries read the keys of every row once; the rest is counting in Python,
so the number of queries does not grow with the data.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.urls import reverse

from organisations.directory_version import directory_version
from organisations.facets import MULTIPLIER, Facet
from organisations.models import City, District, Language, Offer, Organisation
from organisations.vocabularies import DirectoryVocabulary, directory_vocabulary

ORGANISATIONS = "organisations:list"
OFFERS = "organisations:offers"
# The kind of offer whose languages are the district's languages of counselling.
COUNSELLING_KIND = "counselling"
# A ticked checkbox in the directory's filter form (what a browser sends).
YES = "on"


def directory_url(list_name: str, **query: str | int) -> str:
    """The address of one list of the directory with these filters."""
    return f"{reverse(list_name)}?{urlencode(query)}" if query else reverse(list_name)


class KeyCounts:
    """How many rows carry each facet key: per district and for all rows (``None``).

    The count of rows itself is under key 0, as in ``organisations.facet_counts``.
    """

    def __init__(self, rows: Iterable[list[int]]) -> None:
        self.by_district: dict[int | None, Counter[int]] = defaultdict(Counter)
        low, high = Facet.DISTRICT.key(0), Facet.DISTRICT.key(MULTIPLIER - 1)
        for keys in rows:
            districts = [key - low for key in keys if low <= key <= high]
            for scope in (None, *districts):
                counts = self.by_district[scope]
                counts.update(keys)
                counts[0] += 1

    def count(self, district: int | None, key: int = 0) -> int:
        return self.by_district[district][key] if district in self.by_district else 0


@dataclass(frozen=True)
class Bar:
    """One value of a chart: what it counts, how many, and the directory that lists them."""

    label: str
    count: int
    url: str


@dataclass(frozen=True)
class Chart:
    slug: str
    title: str
    bars: list[Bar]
    # Of how many rows the bars count (organisations or offers); a row may be in several bars.
    total: int

    @property
    def largest(self) -> int:
        return max((bar.count for bar in self.bars), default=0)


@dataclass(frozen=True)
class Neighbour:
    district: District
    count: int
    url: str


@dataclass(frozen=True)
class Gap:
    label: str
    # The other districts of the city that have what this district lacks.
    elsewhere: list[Neighbour]


@dataclass(frozen=True)
class Gaps:
    slug: str
    title: str
    gaps: list[Gap]


@dataclass
class Scope:
    """A district of a city, or the whole city (``district`` None)."""

    city: City
    district: District | None = None

    @property
    def name(self) -> str:
        return self.district.name if self.district else self.city.name

    def query(self) -> dict[str, str | int]:
        return {"district": self.district.pk} if self.district else {}


@dataclass
class Counts:
    """The keys of the directory's rows, counted once for every figure of the analysis."""

    vocabulary: DirectoryVocabulary
    organisations: KeyCounts
    offers: KeyCounts
    counselling: KeyCounts
    counselling_kind: int | None = None
    districts: list[District] = field(default_factory=list)

    @classmethod
    def load(cls, city: City) -> Counts:
        """Two queries (and the directory's vocabulary, cached per version)."""
        vocabulary = directory_vocabulary(directory_version())
        organisation_rows = Organisation.objects.published().values_list("facet_keys", flat=True)
        offer_rows = list(Offer.objects.public().current().values_list("facet_keys", flat=True))
        kind = next(
            (pk for pk, kind in vocabulary.offer_kinds.items() if kind.slug == COUNSELLING_KIND),
            None,
        )
        counselling_key = Facet.OFFER_KIND.key(kind) if kind else -1
        return cls(
            vocabulary=vocabulary,
            organisations=KeyCounts(organisation_rows),
            offers=KeyCounts(offer_rows),
            counselling=KeyCounts(keys for keys in offer_rows if counselling_key in keys),
            counselling_kind=kind,
            districts=[d for d in vocabulary.districts.values() if d.city_id == city.pk],
        )


# (filter of the list, facet, vocabulary attribute); languages are filtered by code.
ORGANISATION_CHARTS = [
    ("topic", Facet.TOPIC, "topics"),
    ("target_group", Facet.TARGET_GROUP, "target_groups"),
    ("kind", Facet.KIND, "organisation_kinds"),
    ("language", Facet.LANGUAGE, "languages"),
    ("counselling_language", Facet.COUNSELLING_LANGUAGE, "languages"),
]
OFFER_CHARTS = [
    ("kind", Facet.OFFER_KIND, "offer_kinds"),
    ("topic", Facet.TOPIC, "topics"),
    ("target_group", Facet.TARGET_GROUP, "target_groups"),
    ("language", Facet.LANGUAGE, "languages"),
]


def filter_value(entry: object) -> str:
    """What the directory's filter takes for a vocabulary entry: a language's code, else a slug."""
    return entry.code if isinstance(entry, Language) else entry.slug  # type: ignore[attr-defined]


def entry_label(entry: object) -> str:
    return str(entry) if isinstance(entry, Language) else entry.name  # type: ignore[attr-defined]


def chart(
    counts: KeyCounts,
    scope: Scope,
    spec: tuple[str, Facet, str],
    *,
    list_name: str,
    vocabulary: DirectoryVocabulary,
    title: str,
) -> Chart:
    """The values of one filter that find something in the scope, most frequent first."""
    name, facet, attribute = spec
    district = scope.district.pk if scope.district else None
    bars = []
    for pk, entry in getattr(vocabulary, attribute).items():
        if count := counts.count(district, facet.key(pk)):
            url = directory_url(list_name, **scope.query(), **{name: filter_value(entry)})
            bars.append(Bar(entry_label(entry), count, url))
    bars.sort(key=lambda bar: -bar.count)  # stable: equal counts keep the vocabulary's order
    prefix = "organisations" if list_name == ORGANISATIONS else "offers"
    return Chart(f"{prefix}-by-{name}", title, bars, counts.count(district))


def district_chart(
    counts: KeyCounts,
    districts: list[District],
    *,
    list_name: str,
    title: str,
    slug: str,
    key: int = 0,
    query: dict[str, str] | None = None,
) -> Chart:
    """One bar per district of the city (the comparison of districts): the rows with ``key``
    (0: every row)."""
    bars = [
        Bar(
            district.name,
            counts.count(district.pk, key),
            directory_url(list_name, district=district.pk, **(query or {})),
        )
        for district in districts
    ]
    return Chart(slug, title, bars, counts.count(None))


def gaps(
    counts: KeyCounts,
    scope: Scope,
    spec: tuple[str, Facet, str],
    *,
    all_districts: list[District],
    vocabulary: DirectoryVocabulary,
    extra_query: dict[str, str] | None = None,
) -> list[Gap]:
    """The values with no current offer in the district, each with the other districts of the
    city that have one (for a whole city: the values with no offer anywhere in it)."""
    name, facet, attribute = spec
    district = scope.district.pk if scope.district else None
    found = []
    for pk, entry in getattr(vocabulary, attribute).items():
        key = facet.key(pk)
        if counts.count(district, key):
            continue
        query = {**(extra_query or {}), name: filter_value(entry)}
        elsewhere = [
            Neighbour(other, number, directory_url(OFFERS, district=other.pk, **query))
            for other in all_districts
            if other.pk != district and (number := counts.count(other.pk, key))
        ]
        found.append(Gap(entry_label(entry), sorted(elsewhere, key=lambda n: -n.count)))
    return found
