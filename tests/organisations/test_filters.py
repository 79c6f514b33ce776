"""Every filter of the directory and the offers page, and the counts beside the values."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from organisations.models import Offer, Organisation
from organisations.search import organisation_search_refresh
from organisations.widgets import FastSelect
from tests.factories import OfferFactory, OrganisationFactory
from tests.organisations.conftest import Directory

pytestmark = pytest.mark.django_db

Query = Callable[[Directory], dict[str, str]]

ORGANISATION_FILTERS: dict[str, Query] = {
    "district": lambda d: {"district": str(d.pankow.pk)},
    "topic": lambda d: {"topic": "women"},
    "target group": lambda d: {"target_group": "refugees"},
    "language spoken": lambda d: {"language": "ar"},
    "language of counselling": lambda d: {"counselling_language": "fa"},
    "kind of organisation": lambda d: {"kind": "initiative"},
    "kind of current offer": lambda d: {"offer_kind": "counselling"},
    "migrant-led only": lambda d: {"migrant_led": "on"},
    "free offers only": lambda d: {"free": "on"},
    "search": lambda d: {"q": "frauenforum"},
}


def result_names(response) -> list[str]:  # type: ignore[no-untyped-def]
    return [organisation.name for organisation in response.context["page"].object_list]


@pytest.mark.parametrize("query", ORGANISATION_FILTERS.values(), ids=ORGANISATION_FILTERS.keys())
def test_each_filter_keeps_only_matching_organisations(
    client: Client, directory: Directory, query: Query
) -> None:
    response = client.get("/de/organisations/", query(directory))
    assert response.status_code == 200
    assert result_names(response) == ["Frauenforum Nord"]
    assert Organisation.objects.published().count() == 2


def test_counselling_language_filter_does_not_match_languages_only_spoken(
    client: Client, directory: Directory
) -> None:
    response = client.get("/de/organisations/", {"counselling_language": "ar"})
    assert result_names(response) == []
    assert directory.match.languages.filter(code="ar").exists()


def test_filters_combine_so_that_every_one_must_match(client: Client, directory: Directory) -> None:
    response = client.get("/de/organisations/", {"district": directory.pankow.pk, "language": "tr"})
    assert result_names(response) == []
    assert "Zu allen Ihren Filtern passt nichts." in response.content.decode()


def test_filter_state_is_in_the_url_and_shown_in_the_form(
    client: Client, directory: Directory
) -> None:
    response = client.get("/en/organisations/", {"district": directory.pankow.pk, "topic": "women"})
    html = response.content.decode()
    assert f'<option value="{directory.pankow.pk}" selected>' in html
    assert '<option value="women" selected>' in html


def test_unknown_filter_values_are_ignored_and_reported(
    client: Client, directory: Directory
) -> None:
    response = client.get("/en/organisations/", {"topic": "no-such-topic"})
    assert response.status_code == 200
    assert sorted(result_names(response)) == ["Elternverein Süd", "Frauenforum Nord"]
    assert "Select a valid choice" in response.content.decode()


def test_counts_beside_values_are_for_the_current_result(
    client: Client, directory: Directory
) -> None:
    response = client.get("/en/organisations/", {"topic": "women"})
    form = response.context["filterset"].form
    languages = dict(form.fields["language"].choices)
    assert languages["ar"] == "Arabic / العربية (1)"
    assert languages["tr"] == "Turkish / Türkçe (0)"
    # The chosen value shows its count; the others are alternatives, not counted.
    topics = dict(form.fields["topic"].choices)
    assert topics["women"] == "Women (1)"
    assert topics["health"] == "Health"
    assert form.fields["migrant_led"].label == "Migrant-led organisations only (1)"
    assert form.fields["free"].label == "Only with free offers (1)"
    assert response.context["page"].paginator.count == 1


def test_counts_are_for_the_result_of_all_filters(client: Client, directory: Directory) -> None:
    response = client.get("/en/organisations/", {"district": directory.pankow.pk, "free": "on"})
    form = response.context["filterset"].form
    languages = dict(form.fields["language"].choices)
    districts = dict(form.fields["district"].choices)
    assert languages["ar"] == "Arabic / العربية (1)"
    assert languages["tr"] == "Turkish / Türkçe (0)"
    assert districts[str(directory.pankow.pk)] == "Pankow (1)"
    assert districts[str(directory.spandau.pk)] == "Spandau"
    assert form.fields["free"].label == "Only with free offers (1)"
    assert form.fields["migrant_led"].label == "Migrant-led organisations only (1)"


def test_no_results_page_offers_to_remove_each_filter_with_its_result(
    client: Client, directory: Directory
) -> None:
    response = client.get("/en/organisations/", {"district": directory.pankow.pk, "language": "tr"})
    html = response.content.decode()
    assert "Remove “District: Pankow”" in html
    assert "Remove “Language spoken: Turkish / Türkçe”" in html
    assert f'href="/en/organisations/?district={directory.pankow.pk}"' in html
    assert "(1 result)" in html
    assert 'href="/en/organisations/">Remove all filters' in html


def test_results_are_sorted_by_name_by_default(client: Client, directory: Directory) -> None:
    directory.other.save()
    response = client.get("/de/organisations/")
    assert result_names(response) == ["Elternverein Süd", "Frauenforum Nord"]
    sort = response.context["filterset"].form["sort"]
    assert sort.value() is None  # the default, whatever it is
    assert [str(label) for _, label in sort.field.choices] == ["Name (A–Z)", "Zuletzt aktualisiert"]


def test_results_can_be_sorted_by_last_update(client: Client, directory: Directory) -> None:
    directory.match.save()  # now the most recently updated
    response = client.get("/de/organisations/", {"sort": "updated"})
    assert result_names(response) == ["Frauenforum Nord", "Elternverein Süd"]
    assert Organisation.objects.latest("updated_at") == directory.match


def test_sorting_by_relevance_puts_name_matches_first(client: Client, directory: Directory) -> None:
    # "Frauen" is in the topic of one and in the name of the other.
    OrganisationFactory(name="Aaa Verein", description="Wir beraten Frauen.")
    organisation_search_refresh()
    response = client.get("/de/organisations/", {"q": "Frauenforum"})
    assert result_names(response)[0] == "Frauenforum Nord"
    response = client.get("/de/organisations/", {"q": "Frauen"})
    sort = response.context["filterset"].form["sort"]
    assert str(sort.field.choices[0][1]) == "Beste Treffer"
    assert result_names(response)[0] == "Frauenforum Nord"


@pytest.mark.parametrize("url", ["/de/organisations/", "/de/offers/"])
def test_a_search_typed_into_a_page_in_default_order_gets_best_matches_first(
    client: Client, directory: Directory, url: str
) -> None:
    # The form of a page without search sends its select's value: the empty default.
    response = client.get(url, {"q": "Frauen", "sort": ""})
    assert response.status_code == 302
    assert response["Location"] == f"{url}?q=Frauen"
    response = client.get(response["Location"])
    assert response.context["filterset"].sort() == "relevance"
    # An order chosen on purpose stays.
    response = client.get(
        url, {"q": "Frauen", "sort": "name" if "organisations" in url else "title"}
    )
    assert response.status_code == 200
    assert response.context["filterset"].sort() in {"name", "title"}


def test_list_has_25_organisations_a_page_and_keeps_filters_in_page_links(
    client: Client, directory: Directory
) -> None:
    for number in range(30):
        OrganisationFactory(name=f"Verein {number:02}", migrant_led=True)
    organisation_search_refresh()
    response = client.get("/en/organisations/", {"migrant_led": "on", "page": "2"})
    assert len(response.context["page"].object_list) == 6
    assert "31 organisations found" in response.content.decode()
    assert 'href="?migrant_led=on&amp;page=1"' in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        {"q": "beratung", "district": "pankow"},  # searched and filtered: one query for both
        {"district": "pankow"},
        {"q": "beratung"},
        {},
    ],
    ids=["search and filter", "filter", "search", "nothing"],
)
def test_a_page_number_past_any_database_offset_shows_the_last_page(
    client: Client, directory: Directory, query: dict[str, str]
) -> None:
    if "district" in query:
        query["district"] = str(directory.pankow.pk)
    for number in range(30):
        OrganisationFactory(name=f"Beratung {number:02}", districts=[directory.pankow])
    organisation_search_refresh()
    response = client.get("/de/organisations/", {**query, "page": "99999999999999999999"})
    assert response.status_code == 200
    page = response.context["page"]
    assert page.number == page.paginator.num_pages == 2
    assert len(page.object_list) == page.paginator.count - 25


# --- Offers -----------------------------------------------------------------------------------

OFFER_FILTERS: dict[str, Query] = {
    "district": lambda d: {"district": str(d.pankow.pk)},
    "kind": lambda d: {"kind": "counselling"},
    "free": lambda d: {"free": "on"},
    "migrant-led": lambda d: {"migrant_led": "on"},
    "search": lambda d: {"q": "beratung"},
}


def offer_titles(response) -> list[str]:  # type: ignore[no-untyped-def]
    return [offer.title for offer in response.context["page"].object_list]


@pytest.mark.parametrize("query", OFFER_FILTERS.values(), ids=OFFER_FILTERS.keys())
def test_each_offer_filter_keeps_only_matching_current_offers(
    client: Client, directory: Directory, query: Query
) -> None:
    response = client.get("/de/offers/", query(directory))
    assert response.status_code == 200
    assert offer_titles(response) == ["Beratung für Frauen"]
    assert Offer.objects.count() == 3


def test_offer_filters_for_topic_target_group_and_language(
    client: Client, directory: Directory
) -> None:
    offer = directory.match.offers.get()
    offer.topics.set(directory.match.topics.all())
    offer.target_groups.set(directory.match.target_groups.all())
    offer.languages.set([directory.farsi])
    organisation_search_refresh(organisation_ids=[directory.match.pk])  # as every write path
    for query in ({"topic": "women"}, {"target_group": "refugees"}, {"language": "fa"}):
        assert offer_titles(client.get("/de/offers/", query)) == ["Beratung für Frauen"]


def test_offers_page_counts_the_values_of_its_filters_for_the_current_result(
    client: Client, directory: Directory
) -> None:
    response = client.get("/en/offers/")
    form = response.context["filterset"].form
    assert dict(form.fields["kind"].choices)["counselling"] == "Counselling (1)"  # one ended
    assert dict(form.fields["kind"].choices)["course"] == "Course (1)"
    assert dict(form.fields["district"].choices)[str(directory.spandau.pk)] == "Spandau (1)"
    assert form.fields["free"].label == "Free of charge only (1)"
    assert response.context["page"].paginator.count == 2

    response = client.get("/en/offers/", {"district": directory.pankow.pk, "ended": "on"})
    form = response.context["filterset"].form
    assert dict(form.fields["kind"].choices)["course"] == "Course (0)"
    assert dict(form.fields["kind"].choices)["counselling"] == "Counselling (1)"
    assert dict(form.fields["district"].choices)[str(directory.pankow.pk)] == "Pankow (1)"
    assert form.fields["migrant_led"].label == "Offers of migrant-led organisations only (1)"

    response = client.get("/en/offers/", {"ended": "on"})
    kinds = dict(response.context["filterset"].form.fields["kind"].choices)
    assert kinds["counselling"] == "Counselling (2)"


def test_offers_of_unpublished_organisations_are_not_counted(
    client: Client, directory: Directory
) -> None:
    draft = OrganisationFactory(status=Organisation.Status.PENDING, districts=[directory.pankow])
    OfferFactory(organisation=draft, kind=directory.match.offers.get().kind)
    organisation_search_refresh(organisation_ids=[draft.pk])
    response = client.get("/en/offers/", {"district": directory.pankow.pk})
    assert dict(response.context["filterset"].form.fields["kind"].choices)["counselling"] == (
        "Counselling (1)"
    )
    assert response.context["page"].paginator.count == 1


def test_ended_offers_are_hidden_unless_asked_for(client: Client, directory: Directory) -> None:
    response = client.get("/de/offers/")
    assert "Alte Beratung" not in offer_titles(response)
    response = client.get("/de/offers/", {"ended": "on", "kind": "counselling"})
    assert offer_titles(response) == ["Alte Beratung", "Beratung für Frauen"]
    assert "ended" in response.content.decode()


def test_offers_of_unpublished_organisations_never_show(
    client: Client, directory: Directory
) -> None:
    draft = OrganisationFactory(status=Organisation.Status.DRAFT)
    OfferFactory(organisation=draft, title="Geheimes Angebot")
    response = client.get("/en/offers/", {"ended": "on"})
    assert "Geheimes Angebot" not in offer_titles(response)
    assert "3 offers found" in response.content.decode()
    assert Offer.objects.filter(title="Geheimes Angebot").exists()


def test_offers_page_has_no_results_state(client: Client, directory: Directory) -> None:
    response = client.get("/en/offers/", {"kind": "course", "free": "on"})
    assert offer_titles(response) == []
    assert "Remove “Kind of offer: Course”" in response.content.decode()
    assert Offer.objects.filter(kind__slug="course", cost=Offer.Cost.PAID).count() == 1


@pytest.mark.parametrize(
    ("url", "default_order"),
    [("/de/organisations/", "name"), ("/de/organisations/map/", "name"), ("/de/offers/", "title")],
)
def test_empty_fields_and_the_default_order_are_dropped_from_the_url(
    client: Client, directory: Directory, url: str, default_order: str
) -> None:
    query = {"q": "", "district": directory.pankow.pk, "topic": "", "sort": ""}
    response = client.get(url, query)
    assert response.status_code == 302
    assert response["Location"] == f"{url}?district={directory.pankow.pk}"
    response = client.get(url, {"q": "Frauen", "sort": "relevance"})
    assert response["Location"] == f"{url}?q=Frauen"
    assert client.get(url, {"q": "", "sort": default_order})["Location"] == url
    assert client.get(url, {"q": "Frauen", "sort": "updated"}).status_code == 200


def test_the_filter_select_escapes_values_and_labels_and_marks_the_chosen_one() -> None:
    widget = FastSelect(choices=[("a&b", '<b>"Arabic"</b>'), (2, "Zwei")])
    html = widget.render("language", 2, attrs={"id": "id_language"})
    assert html == (
        '<select id="id_language" name="language">'
        '<option value="a&amp;b">&lt;b&gt;&quot;Arabic&quot;&lt;/b&gt;</option>'
        '<option value="2" selected>Zwei</option></select>'
    )
