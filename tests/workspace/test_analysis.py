"""The actor analysis's figures: each number equals the directory's results behind its link,
and the gaps, lists and charts say what the district lacks."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from django.http import QueryDict
from django.urls import resolve

from organisations.filters import OfferFilterSet, OrganisationFilterSet
from organisations.models import Offer, Organisation
from tests.workspace.conftest import City
from workspace.analysis import Scope
from workspace.analysis_report import Analysis, actor_analysis, csv_rows
from workspace.charts import WIDTH, bar_chart, dot_map

pytestmark = pytest.mark.django_db


def directory_count(url: str) -> int:
    """The number of results the directory lists at ``url`` (its own filter set and rows)."""
    parts = urlsplit(url)
    data = QueryDict(parts.query)
    if resolve(parts.path).url_name == "offers":
        return OfferFilterSet(data, queryset=Offer.objects.public()).qs.count()
    assert resolve(parts.path).url_name == "list"
    return OrganisationFilterSet(data, queryset=Organisation.objects.published()).qs.count()


def every_link(analysis: Analysis) -> list[tuple[str, int]]:
    links = [
        (bar.url, bar.count)
        for bar in (analysis.organisations, analysis.migrant_led, analysis.offers)
    ]
    for chart in [*analysis.comparison, *analysis.organisation_charts, *analysis.offer_charts]:
        links += [(bar.url, bar.count) for bar in chart.bars]
    for group in analysis.gaps:
        for gap in group.gaps:
            links += [(n.url, n.count) for n in gap.elsewhere]
    return links


def test_every_number_of_a_district_equals_the_results_behind_its_link(city: City) -> None:
    links = every_link(actor_analysis(Scope(city.district.city, city.district)))
    assert len(links) > 10
    for url, count in links:
        assert directory_count(url) == count, url


def test_every_number_of_a_whole_city_equals_the_results_behind_its_link(city: City) -> None:
    analysis = actor_analysis(Scope(city.district.city))
    assert analysis.comparison
    for url, count in every_link(analysis):
        assert directory_count(url) == count, url


def test_a_district_counts_its_organisations_migrant_led_and_current_offers(city: City) -> None:
    analysis = actor_analysis(Scope(city.district.city, city.district))
    assert (analysis.organisations.count, analysis.migrant_led.count) == (2, 1)
    assert analysis.migrant_led_percent == 50
    assert analysis.offers.count == 2  # the ended offer is not current
    languages = {c.slug: c for c in analysis.organisation_charts}[
        "organisations-by-counselling_language"
    ]
    assert [(bar.label.split(" /")[0], bar.count) for bar in languages.bars] == [("Arabisch", 1)]
    assert parse_qs(urlsplit(languages.bars[0].url).query) == {
        "district": [str(city.district.pk)],
        "counselling_language": ["ar"],
    }


def test_a_gap_names_the_other_districts_that_have_such_an_offer(city: City) -> None:
    analysis = actor_analysis(Scope(city.district.city, city.district))
    gaps = {group.slug: {gap.label: gap for gap in group.gaps} for group in analysis.gaps}
    assert list(gaps["topics"]) == ["Wohnen"]  # the offer of the district on it has ended
    assert [n.district for n in gaps["topics"]["Wohnen"].elsewhere] == [city.other]
    assert [n.district for n in gaps["target-groups"]["Familien"].elsewhere] == [city.other]
    farsi = next(
        gap for label, gap in gaps["counselling-languages"].items() if label.startswith("Persisch")
    )
    assert [n.district for n in farsi.elsewhere] == [city.other]
    assert "kind=counselling" in farsi.elsewhere[0].url
    assert not any(label.startswith("Arabisch") for label in gaps["counselling-languages"])


def test_lists_name_what_needs_attention_in_the_district(city: City) -> None:
    analysis = actor_analysis(Scope(city.district.city, city.district))
    lists = {entries.slug: entries for entries in analysis.lists}
    assert [o.name for o in lists["no-network"].items] == ["Allein"]
    assert [o.name for o in lists["unconfirmed"].items] == ["Allein"]
    assert [o.name for o in lists["no-pin"].items] == ["Allein"]
    assert [o.organisation.name for o in lists["ending"].items] == ["Allein"]
    assert [p.name for p in analysis.points] == ["Brücke"]


def test_the_figures_as_csv_rows_carry_the_directory_addresses(city: City) -> None:
    analysis = actor_analysis(Scope(city.district.city, city.district))
    rows = list(csv_rows(analysis, absolute="https://hub.example.org"))
    assert rows[0] == ["Bereich", "Wert", "Anzahl", "Adresse im Verzeichnis"]
    assert [
        "Summen",
        "Organisationen",
        2,
        f"https://hub.example.org/de/organisations/?district={city.district.pk}",
    ] in rows
    linked = [(str(row[3]), row[2]) for row in rows[1:] if row[3]]
    assert len(linked) > 10
    for address, count in linked:
        assert directory_count(address.removeprefix("https://hub.example.org")) == count
    assert ["Sprachen ohne laufendes Beratungsangebot", "Persisch / فارسی", 0, ""] in rows


def test_bars_grow_from_the_right_on_right_to_left_pages(city: City) -> None:
    chart = actor_analysis(Scope(city.district.city)).comparison[0]
    left, right = bar_chart(chart), bar_chart(chart, rtl=True)
    assert left.bars[0].x == 0
    assert right.bars[0].x + right.bars[0].width == WIDTH
    assert max(bar.width for bar in left.bars) == WIDTH - 48


def test_the_dots_of_the_map_stay_within_it(city: City) -> None:
    points = actor_analysis(Scope(city.district.city)).points
    shape = dot_map(points)
    assert len(shape.dots) == 2
    for dot in shape.dots:
        assert 0 < dot.cx < shape.width and 0 < dot.cy < shape.height
    west, east = sorted(shape.dots, key=lambda dot: dot.point.longitude)
    assert west.cx < east.cx and west.cy > east.cy  # Spandau lies west and south here
