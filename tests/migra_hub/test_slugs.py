"""One slug helper: unique, short enough, never the address of a fixed page beside it."""

from __future__ import annotations

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import Client
from django.urls import include, path

from migra_hub.slugs import reserved_path_segments, unique_slug
from organisations.models import Organisation, OrganisationMembership
from tests.conftest import Cast
from tests.factories import OrganisationFactory, OrganisationKindFactory


def _page(request: HttpRequest, **kwargs: object) -> HttpResponse:
    return HttpResponse("page")


# A small URL configuration of its own shows that the reserved words come from the patterns.
things_patterns = (
    [
        path("things/", _page, name="list"),
        path("things/archive/", _page, name="archive"),
        path("things/feed.ics", _page, name="feed"),
        path("things/<int:pk>/", _page, name="by_number"),
        path("things/<slug:slug>/", _page, name="detail"),
        path("desk/tools/", _page, name="tools"),
        path("desk/<slug:slug>/", _page, name="desk"),
        path("desk/tools/<slug:slug>/", _page, name="tool"),
    ],
    "things",
)
urlpatterns = [
    path("", include(things_patterns)),
    path("things/latest/", _page, name="latest"),  # another app's page at the same place
    path("elsewhere/", _page, name="elsewhere"),
]
THIS_URLCONF = __name__


@pytest.mark.django_db
def test_a_free_name_becomes_its_slug() -> None:
    assert unique_slug("Brücke e.V.", queryset=Organisation, max_length=50, fallback="x") == (
        "brucke-ev"
    )


@pytest.mark.django_db
def test_a_taken_slug_gets_the_next_free_number() -> None:
    OrganisationFactory(slug="brucke")
    OrganisationFactory(slug="brucke-2")
    slug = unique_slug("Brücke", queryset=Organisation, max_length=50, fallback="x")
    assert slug == "brucke-3"


@pytest.mark.django_db
def test_a_reserved_word_is_never_given() -> None:
    slug = unique_slug(
        "Changes", queryset=Organisation, max_length=50, fallback="x", reserved={"changes"}
    )
    assert slug == "changes-2"


@pytest.mark.django_db
def test_the_own_row_does_not_count_as_taken() -> None:
    entry = OrganisationFactory(slug="brucke")
    slug = unique_slug(
        "Brücke", queryset=Organisation, max_length=50, fallback="x", exclude_pk=entry.pk
    )
    assert slug == "brucke"


@pytest.mark.django_db
def test_the_suffix_stays_and_the_number_comes_after_it() -> None:
    OrganisationFactory(slug="fest-2025-05-01")
    slug = unique_slug(
        "Fest", queryset=Organisation, max_length=50, fallback="x", suffix="-2025-05-01"
    )
    assert slug == "fest-2025-05-01-2"


@pytest.mark.django_db
def test_a_long_name_is_cut_so_that_slug_and_number_fit() -> None:
    OrganisationFactory(slug="a" * 20)
    slug = unique_slug("a" * 300, queryset=Organisation, max_length=20, fallback="x")
    assert slug == "a" * 18 + "-2"


@pytest.mark.django_db
def test_a_name_without_latin_letters_falls_back_to_a_word() -> None:
    qs = Organisation.objects.all()
    assert unique_slug("مرحبا", queryset=qs, max_length=50, fallback="organisation") == (
        "organisation"
    )


def test_reserved_words_are_the_fixed_segments_beside_the_slug(settings: object) -> None:
    settings.ROOT_URLCONF = THIS_URLCONF  # type: ignore[attr-defined]
    assert reserved_path_segments(namespace="things") == {
        "archive",
        "feed.ics",
        "latest",
        "tools",
    }


def test_the_organisation_addresses_reserve_every_page_beside_them() -> None:
    reserved = reserved_path_segments(namespace="organisations")
    assert {"map", "changes", "claims", "reports"} <= reserved
    assert "manage" not in reserved


def test_the_networks_reserve_their_fixed_pages() -> None:
    assert {"new", "mine", "curation"} <= reserved_path_segments(namespace="networks")


def test_an_organisation_called_changes_keeps_the_change_log_reachable(
    cast: Cast, client_for
) -> None:
    kind = OrganisationKindFactory()
    response = client_for(cast.outsider).post(
        "/en/register/new/",
        {"name": "Changes", "kind": kind.pk, "districts": [cast.district.pk], "action": "draft"},
    )
    entry = Organisation.objects.get(name="Changes")
    assert response.status_code == 302
    assert entry.slug == "changes-2"
    assert entry.memberships.get().role == OrganisationMembership.Role.OWNER
    staff = client_for(cast.staff)
    change_log = staff.get("/en/review/changes/")
    assert change_log.status_code == 200
    assert change_log.templates[0].name == "organisations/change_log.html"


def test_an_organisation_called_map_is_not_given_the_map_page(db: None, client: Client) -> None:
    from organisations.services import organisation_slug

    assert organisation_slug("Map") == "map-2"
    map_page = client.get("/de/organisations/map/")
    assert map_page.templates[0].name == "organisations/organisation_map.html"
