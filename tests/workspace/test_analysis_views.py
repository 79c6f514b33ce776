"""The actor analysis pages: who may read them, what they cost, and what they render."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from organisations.search import organisation_search_refresh
from tests.conftest import Cast
from tests.factories import (
    CityStaffFactory,
    DistrictFactory,
    DistrictStaffFactory,
    OfferFactory,
    OrganisationFactory,
)
from tests.workspace.conftest import build_city

pytestmark = pytest.mark.django_db


def district_urls(cast: Cast) -> list[str]:
    args = [cast.district.city.slug, cast.district.slug]
    return [
        reverse("workspace:analysis_district", args=args),
        reverse("workspace:analysis_district_csv", args=args),
    ]


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", 302),
        ("outsider", 404),
        ("owner", 404),
        ("editor", 404),
        ("other_member", 404),
        ("other_staff", 404),
        ("staff", 200),
    ],
)
def test_only_the_districts_own_staff_read_its_analysis(
    cast: Cast, client_for, role: str, expected: int
) -> None:
    client = client_for(None if role == "anonymous" else getattr(cast, role))
    for url in district_urls(cast):
        response = client.get(url)
        assert response.status_code == expected, url
        if expected == 302:
            assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("role", ["anonymous", "outsider", "owner", "staff", "other_staff"])
def test_district_staff_cannot_read_the_whole_city(cast: Cast, client_for, role: str) -> None:
    client = client_for(None if role == "anonymous" else getattr(cast, role))
    city = cast.district.city.slug
    for url in (
        reverse("workspace:analysis_city", args=[city]),
        reverse("workspace:analysis_city_csv", args=[city]),
    ):
        assert client.get(url).status_code == (302 if role == "anonymous" else 404)


def test_city_wide_staff_read_every_district_and_the_whole_city(cast: Cast, client_for) -> None:
    client = client_for(CityStaffFactory().user)
    city = cast.district.city.slug
    for url in [
        *district_urls(cast),
        reverse("workspace:analysis_city", args=[city]),
        reverse("workspace:analysis_city_csv", args=[city]),
    ]:
        assert client.get(url).status_code == 200, url
    index = client.get(reverse("workspace:analysis")).content.decode()
    assert (
        district_urls(cast)[0] in index and reverse("workspace:analysis_city", args=[city]) in index
    )


def test_the_whole_city_compares_its_districts(db: None, client_for) -> None:
    city = build_city(DistrictFactory(name="Pankow"), DistrictFactory(name="Spandau"))
    url = reverse("workspace:analysis_city", args=[city.district.city.slug])
    html = client_for(CityStaffFactory().user).get(url).content.decode()
    assert "Bezirke im Vergleich" in html
    assert f'href="/de/organisations/?district={city.other.pk}"' in html
    assert f"/de/organisations/?district={city.district.pk}&amp;migrant_led=on" in html


def test_the_list_of_analyses_leads_staff_of_one_district_to_theirs(cast: Cast, client_for) -> None:
    response = client_for(cast.staff).get(reverse("workspace:analysis"))
    assert response.status_code == 302
    assert response["Location"] == district_urls(cast)[0]
    assert client_for(cast.owner).get(reverse("workspace:analysis")).status_code == 404


def test_the_page_draws_accessible_charts_without_inline_styles(db: None, client_for) -> None:
    city = build_city(DistrictFactory(name="Pankow"), DistrictFactory(name="Spandau"))
    staff = DistrictStaffFactory(district=city.district).user
    args = [city.district.city.slug, city.district.slug]
    response = client_for(staff).get(reverse("workspace:analysis_district", args=args))
    html = response.content.decode()
    assert response.status_code == 200
    svgs = re.findall(r"<svg[^>]*>", html)
    assert svgs and all('role="img"' in svg and "aria-labelledby" in svg for svg in svgs)
    assert html.count("<title id=") == html.count("<desc id=") == len(svgs)
    assert " style=" not in html and "<script" not in html.split("</main>")[0].split("<main")[1]
    assert f"/de/organisations/?district={city.district.pk}&amp;counselling_language=ar" in html
    assert "Allein" in html and "Wohnen" in html  # in no network; a gap


def test_the_figures_download_as_csv(db: None, client_for) -> None:
    city = build_city(DistrictFactory(name="Pankow"), DistrictFactory(name="Spandau"))
    staff = DistrictStaffFactory(district=city.district).user
    args = [city.district.city.slug, city.district.slug]
    response = client_for(staff).get(reverse("workspace:analysis_district_csv", args=args))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="analysis-berlin-pankow.csv"' in response["Content-Disposition"]
    text = response.content.decode("utf-8-sig")
    assert (
        f"http://testserver/de/organisations/?district={city.district.pk}&counselling_language=ar"
        in text
    )


# Session, user, access, the directory's version, two rows of facet keys, four lists, the map;
# a little room for what the site's navigation may add.
QUERY_BUDGET = 16


@pytest.mark.parametrize("whole_city", [False, True])
def test_the_analysis_costs_the_same_number_of_queries_at_any_size(
    db: None, client_for, django_assert_max_num_queries, whole_city: bool
) -> None:
    city = build_city(DistrictFactory(name="Pankow"), DistrictFactory(name="Spandau"))
    if whole_city:
        client = client_for(CityStaffFactory().user)
        url = reverse("workspace:analysis_city", args=[city.district.city.slug])
    else:
        client = client_for(DistrictStaffFactory(district=city.district).user)
        args = [city.district.city.slug, city.district.slug]
        url = reverse("workspace:analysis_district", args=args)
    client.get(url)  # the directory's vocabulary is cached per version after the first page
    with django_assert_max_num_queries(QUERY_BUDGET) as small:
        assert client.get(url).status_code == 200
    for _number in range(8):
        organisation = OrganisationFactory(districts=[city.district, DistrictFactory()])
        OfferFactory(organisation=organisation)
    organisation_search_refresh()
    client.get(url)
    with django_assert_max_num_queries(QUERY_BUDGET) as large:
        assert client.get(url).status_code == 200
    assert len(large) == len(small)
