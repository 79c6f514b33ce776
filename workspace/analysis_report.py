"""The whole actor analysis of a district or a city, put together from its figures, and the
same figures as rows of a CSV file."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from organisations.facets import Facet
from workspace.analysis import (
    OFFER_CHARTS,
    OFFERS,
    ORGANISATION_CHARTS,
    ORGANISATIONS,
    YES,
    Bar,
    Chart,
    Counts,
    Gaps,
    Scope,
    chart,
    directory_url,
    district_chart,
    gaps,
)
from workspace.analysis_lists import (
    EntryList,
    Point,
    entry_list,
    in_no_network,
    map_points,
    not_confirmed_for_a_year,
    offers_ending,
    without_pin,
)


def organisation_titles() -> list[str]:
    return [
        _("Organisations by topic"),
        _("Organisations by target group"),
        _("Organisations by kind"),
        _("Organisations by language spoken"),
        _("Organisations by language of counselling"),
    ]


def offer_titles() -> list[str]:
    return [
        _("Current offers by kind"),
        _("Current offers by topic"),
        _("Current offers by target group"),
        _("Current offers by language"),
    ]


@dataclass
class Analysis:
    scope: Scope
    organisations: Bar
    migrant_led: Bar
    offers: Bar
    organisation_charts: list[Chart]
    offer_charts: list[Chart]
    gaps: list[Gaps]
    lists: list[EntryList]
    points: list[Point]
    # For a whole city: its districts side by side.
    comparison: list[Chart] = field(default_factory=list)

    @property
    def migrant_led_percent(self) -> int:
        return (
            round(100 * self.migrant_led.count / self.organisations.count)
            if self.organisations.count
            else 0
        )


def _gaps(counts: Counts, scope: Scope) -> list[Gaps]:
    vocabulary, districts = counts.vocabulary, counts.districts
    found = [
        Gaps(
            slug,
            title,
            gaps(counts.offers, scope, spec, all_districts=districts, vocabulary=vocabulary),
        )
        for slug, title, spec in (
            ("topics", _("Topics without a current offer"), OFFER_CHARTS[1]),
            ("target-groups", _("Target groups without a current offer"), OFFER_CHARTS[2]),
        )
    ]
    if counts.counselling_kind is not None:
        kind = counts.vocabulary.offer_kinds[counts.counselling_kind].slug
        languages = gaps(
            counts.counselling,
            scope,
            OFFER_CHARTS[3],
            all_districts=districts,
            vocabulary=vocabulary,
            extra_query={"kind": kind},
        )
        found.append(
            Gaps(
                "counselling-languages",
                _("Languages without a current counselling offer"),
                languages,
            )
        )
    return found


def _lists(scope: Scope) -> list[EntryList]:
    return [
        entry_list("ending", _("Offers ending within three months"), offers_ending(scope)),
        entry_list("no-network", _("Organisations in no network"), in_no_network(scope)),
        entry_list(
            "unconfirmed", _("Entries not confirmed for a year"), not_confirmed_for_a_year(scope)
        ),
        entry_list("no-pin", _("Entries without a pin on the map"), without_pin(scope)),
    ]


def _comparison(counts: Counts) -> list[Chart]:
    return [
        district_chart(
            counts.organisations,
            counts.districts,
            list_name=ORGANISATIONS,
            title=_("Organisations per district"),
            slug="organisations-per-district",
        ),
        district_chart(
            counts.organisations,
            counts.districts,
            list_name=ORGANISATIONS,
            title=_("Migrant-led organisations per district"),
            slug="migrant-led-per-district",
            key=Facet.MIGRANT_LED.key(),
            query={"migrant_led": YES},
        ),
        district_chart(
            counts.offers,
            counts.districts,
            list_name=OFFERS,
            title=_("Current offers per district"),
            slug="offers-per-district",
        ),
    ]


def actor_analysis(scope: Scope) -> Analysis:
    """Everything the analysis page shows: a fixed number of queries at any size."""
    counts = Counts.load(scope.city)
    vocabulary = counts.vocabulary
    district = scope.district.pk if scope.district else None
    query = scope.query()
    organisation_charts = [
        chart(
            counts.organisations,
            scope,
            spec,
            list_name=ORGANISATIONS,
            vocabulary=vocabulary,
            title=title,
        )
        for spec, title in zip(ORGANISATION_CHARTS, organisation_titles(), strict=True)
    ]
    offer_charts = [
        chart(counts.offers, scope, spec, list_name=OFFERS, vocabulary=vocabulary, title=title)
        for spec, title in zip(OFFER_CHARTS, offer_titles(), strict=True)
    ]
    return Analysis(
        scope=scope,
        organisations=Bar(
            _("Organisations"),
            counts.organisations.count(district),
            directory_url(ORGANISATIONS, **query),
        ),
        migrant_led=Bar(
            _("Migrant-led organisations"),
            counts.organisations.count(district, Facet.MIGRANT_LED.key()),
            directory_url(ORGANISATIONS, **query, migrant_led=YES),
        ),
        offers=Bar(
            _("Current offers"), counts.offers.count(district), directory_url(OFFERS, **query)
        ),
        organisation_charts=organisation_charts,
        offer_charts=offer_charts,
        gaps=_gaps(counts, scope),
        lists=_lists(scope),
        points=map_points(scope),
        comparison=[] if scope.district else _comparison(counts),
    )


def csv_rows(analysis: Analysis, *, absolute: str = "") -> Iterator[list[str | int]]:
    """The figures as rows: section, value, number, the directory's address that lists them.

    ``absolute`` (scheme and host) makes the addresses usable outside the site."""
    yield [_("Section"), _("Value"), _("Number"), _("Address in the directory")]
    for bar in (analysis.organisations, analysis.migrant_led, analysis.offers):
        yield [_("Totals"), bar.label, bar.count, absolute + bar.url]
    for figure in [*analysis.comparison, *analysis.organisation_charts, *analysis.offer_charts]:
        for bar in figure.bars:
            yield [figure.title, bar.label, bar.count, absolute + bar.url]
    for group in analysis.gaps:
        for gap in group.gaps:
            yield [group.title, gap.label, 0, ""]
            for neighbour in gap.elsewhere:  # where another district has one
                label = f"{gap.label}: {neighbour.district.name}"
                yield [group.title, label, neighbour.count, absolute + neighbour.url]
    for entries in analysis.lists:
        yield [entries.title, "", entries.count, ""]
