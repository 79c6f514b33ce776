"""Pages with personal data are never stored by browsers or proxies, and no input, however
odd, answers with a server error."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from networks.models import NetworkMembership
from tests.networks.conftest import World

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"
NUL = "a\x00b"


def _membership_url(world: World, name: str, pk: int | str) -> str:
    return reverse(f"networks:{name}", kwargs={"slug": world.network.slug, "pk": pk})


# --- Personal data is not cached -----------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["curation", "members", "notes", "history", "mine", "approve", "withdraw"],
)
def test_pages_with_personal_data_are_not_stored(world: World, client_for, name: str) -> None:
    slug = world.network.slug
    url = {
        "curation": reverse("networks:curation"),
        "members": reverse("networks:members", args=[slug]),
        "notes": reverse("networks:notes", args=[slug]),
        "history": reverse("networks:history", args=[slug]),
        "mine": reverse("networks:mine"),
        "approve": _membership_url(world, "approve", world.request.pk),
        "withdraw": _membership_url(world, "withdraw", world.request.pk),
    }[name]
    user = world.cast.owner if name in ("mine", "withdraw") else world.coordinator
    response = client_for(user).get(url)
    assert response.status_code == 200
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control


def test_the_public_network_page_may_be_cached(world: World, client: Client) -> None:
    response = client.get(world.network.get_absolute_url())
    assert "no-store" not in response.get("Cache-Control", "")


# --- Odd input: 400, 404 or the form's error, never 500 ------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        f"page={HUGE}",
        f"page=-{HUGE}",
        f"page={NUL}",
        f"district={HUGE}",
        f"district=-{HUGE}",
        f"district={NUL}",
        f"topic={HUGE}",
        f"topic={NUL}",
        f"scope={NUL}",
        f"open={NUL}",
        f"scope=city&district={HUGE}&page={HUGE}",
    ],
)
def test_the_network_list_answers_odd_queries(world: World, client: Client, query: str) -> None:
    response = client.get(f"{reverse('networks:index')}?{query}")
    assert response.status_code in (200, 400)


@pytest.mark.parametrize("name", ["curation", "history", "notes", "invite"])
@pytest.mark.parametrize("query", [f"page={HUGE}", f"page={NUL}", f"q={NUL}", f"q={HUGE}"])
def test_curators_pages_answer_odd_queries(world: World, client_for, name: str, query: str) -> None:
    url = (
        reverse("networks:curation")
        if name == "curation"
        else reverse(f"networks:{name}", args=[world.network.slug])
    )
    response = client_for(world.coordinator).get(f"{url}?{query}")
    assert response.status_code in (200, 400)


@pytest.mark.parametrize("name", ["approve", "withdraw", "remove", "name_coordinator"])
def test_a_membership_number_out_of_range_is_not_found(world: World, client_for, name: str) -> None:
    response = client_for(world.coordinator).get(_membership_url(world, name, HUGE))
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("name", "field"),
    [("approve", "m{pk}-message"), ("decline", "m{pk}-message"), ("approve", "next")],
)
def test_a_nul_byte_in_a_decision_is_refused_without_a_change(
    world: World, client_for, name: str, field: str
) -> None:
    url = _membership_url(world, name, world.request.pk)
    response = client_for(world.coordinator).post(url, {field.format(pk=world.request.pk): NUL})
    assert response.status_code == 400
    world.request.refresh_from_db()
    assert world.request.status == NetworkMembership.Status.REQUESTED
    assert world.request.changes.count() == 1


def test_a_decision_does_not_follow_an_address_of_another_site(world: World, client_for) -> None:
    url = _membership_url(world, "approve", world.request.pk)
    response = client_for(world.coordinator).post(url, {"next": "//evil.example/\\\\x"})
    assert response["Location"] == reverse("networks:members", args=[world.network.slug])


def test_a_nul_byte_in_a_join_request_changes_nothing(world: World, client_for) -> None:
    organisation = world.cast.other_organisation
    response = client_for(world.cast.other_member).post(
        reverse("networks:join", args=[world.network.slug]),
        {"organisation": organisation.pk, "message": NUL},
    )
    assert response.status_code == 400
    assert not world.network.memberships.filter(organisation=organisation).exists()


@pytest.mark.parametrize("organisation", [HUGE, f"-{HUGE}", "-1", "x"])
def test_an_odd_organisation_in_a_join_request_is_a_form_error(
    world: World, client_for, organisation: str
) -> None:
    response = client_for(world.cast.other_member).post(
        reverse("networks:join", args=[world.network.slug]), {"organisation": organisation}
    )
    assert response.status_code == 200
    assert "organisation" in response.context["form"].errors


VALID = {"name": "N", "goal": "G", "join_policy": "open", "phase": "founding"}


@pytest.mark.parametrize(
    "data",
    [
        {**VALID, "name": ""},
        {**VALID, "revision": "x"},
        {**VALID, "revision": HUGE},
        {**VALID, "revision": "-1"},
        {**VALID, "join_policy": "sometimes"},
        {**VALID, "topics": HUGE},
        {**VALID, "topics": f"-{HUGE}"},
        {**VALID, "topics": "x"},
        {**VALID, "original_language": "xx"},
    ],
)
def test_odd_values_in_the_network_form_are_form_errors(
    world: World, client_for, data: dict[str, str]
) -> None:
    before = world.network.revision
    response = client_for(world.coordinator).post(
        reverse("networks:edit", args=[world.network.slug]), data
    )
    # A well-formed revision that is not the saved one is an edit conflict (409), the rest are
    # errors of the form; either way nothing is saved.
    assert response.status_code == (409 if response.context["differences"] else 200)
    assert response.context["form"].errors
    world.network.refresh_from_db()
    assert world.network.revision == before


@pytest.mark.parametrize(
    "data",
    [
        {"title": NUL, "date": "2026-03-04", "text": "x"},
        {"title": "T", "date": "99999-99-99", "text": "x"},
        {"title": "T", "date": "2026-03-04", "text": "x", "attachment_url": "http://[::1"},
    ],
)
def test_odd_values_in_a_note_add_no_note(world: World, client_for, data: dict[str, str]) -> None:
    response = client_for(world.coordinator).post(
        reverse("networks:notes", args=[world.network.slug]), data
    )
    assert response.status_code in (200, 400)
    if response.status_code == 200:
        assert response.context["form"].errors
    assert not world.network.notes.exists()
