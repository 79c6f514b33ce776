"""The pages of funding calls: the list, the archive, a call's page, the forms, the staff home
and the network page, with what each costs in queries."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from funding.models import FundingCall
from tests.factories import FundingCallFactory, TopicFactory
from tests.funding.conftest import World, network_call

pytestmark = pytest.mark.django_db


def _form(world: World, **changes: object) -> dict[str, object]:
    values: dict[str, object] = {
        "title": "Kiezfonds 2027",
        "funder": "Bezirksamt Pankow",
        "place": f"district:{world.cast.district.pk}",
        "description": "Small projects.",
        "eligibility": "Associations in Pankow.",
        "amount_min": "500",
        "amount_max": "3000",
        "deadline_date": (timezone.localdate() + datetime.timedelta(days=20)).isoformat(),
        "deadline_time": "",
        "url": "https://example.org/kiezfonds",
    }
    return {**values, **changes}


def test_the_list_shows_open_calls_by_deadline_and_hides_past_and_drafts(
    world: World, client
) -> None:
    FundingCallFactory(
        title="Bald", district=world.cast.district, deadline_date=timezone.localdate()
    )
    FundingCallFactory(
        title="Vorbei",
        district=world.cast.district,
        deadline_date=timezone.localdate() - datetime.timedelta(days=1),
    )
    response = client.get(reverse("funding:index"))
    titles = [call.title for call in response.context["page"]]
    assert titles[0] == "Bald"
    assert "Vorbei" not in titles
    assert "Entwurf Pankow" not in titles
    archive = client.get(reverse("funding:archive"))
    assert [call.title for call in archive.context["page"]] == ["Vorbei"]


def test_the_list_filters_by_district_and_topic(world: World, client) -> None:
    topic = TopicFactory()
    world.network_call.topics.add(topic)
    FundingCallFactory(title="Spandau", district=world.cast.other_district)
    by_district = client.get(reverse("funding:index"), {"district": world.cast.other_district.pk})
    assert [call.title for call in by_district.context["page"]] == ["Spandau"]
    by_topic = client.get(reverse("funding:index"), {"topic": topic.pk})
    assert [call.title for call in by_topic.context["page"]] == ["Sprachfonds im Netzwerk"]
    assert "/funding/deadlines/" in by_district.content.decode()


def test_staff_post_a_call_through_the_form_and_it_is_published(world: World, client_for) -> None:
    response = client_for(world.cast.staff).post(
        reverse("funding:create"), _form(world, publish="1")
    )
    call = FundingCall.objects.get(title="Kiezfonds 2027")
    assert response["Location"] == call.get_absolute_url()
    assert call.is_open
    assert (call.amount_min, call.amount_max, call.district) == (500, 3000, world.cast.district)


def test_the_form_keeps_what_was_typed_and_names_the_error_beside_the_field(
    world: World, client_for
) -> None:
    response = client_for(world.cast.staff).post(
        reverse("funding:create"), _form(world, amount_min="5000", amount_max="100")
    )
    assert response.status_code == 200
    assert response.context["form"].errors["amount_max"]
    page = response.content.decode()
    assert 'value="Kiezfonds 2027"' in page
    assert not FundingCall.objects.filter(title="Kiezfonds 2027").exists()


def test_a_coordinator_is_offered_only_their_network(world: World, client_for) -> None:
    response = client_for(world.coordinator).get(reverse("funding:create"))
    choices = dict(response.context["form"].fields["place"].choices)
    assert list(choices) == ["", "Network"]
    refused = client_for(world.coordinator).post(reverse("funding:create"), _form(world))
    assert refused.context["form"].errors["place"]


def test_an_edit_after_someone_elses_save_shows_both_versions(world: World, client_for) -> None:
    call = world.district_call
    url = reverse("funding:edit", args=[call.slug])
    form = _form(world, title="Mein Titel", revision=str(call.revision))
    client_for(world.city_staff).post(
        url, _form(world, title="Ihr Titel", revision=str(call.revision))
    )
    response = client_for(world.cast.staff).post(url, form)
    assert response.status_code == 409
    assert response.context["differences"]
    call.refresh_from_db()
    assert call.title == "Ihr Titel"


def test_the_call_page_shows_managers_the_history(world: World, client_for) -> None:
    client_for(world.cast.staff).post(reverse("funding:publish", args=[world.district_draft.slug]))
    page = client_for(world.cast.staff).get(world.district_draft.get_absolute_url())
    assert page.context["changes"][0].actor == world.cast.staff
    public = client_for(None).get(world.district_draft.get_absolute_url())
    assert public.context["changes"] == []


def test_the_network_page_lists_its_open_calls(world: World, client) -> None:
    page = client.get(world.network.get_absolute_url()).content.decode()
    assert "Sprachfonds im Netzwerk" in page
    assert "Entwurf Netzwerk" not in page


def test_the_staff_home_shows_deadlines_within_four_weeks(world: World, client_for) -> None:
    today = timezone.localdate()
    FundingCallFactory(
        title="In drei Wochen",
        district=world.cast.district,
        deadline_date=today + datetime.timedelta(days=21),
    )
    FundingCallFactory(
        title="In zwei Monaten",
        district=world.cast.district,
        deadline_date=today + datetime.timedelta(days=60),
    )
    FundingCallFactory(title="Anderer Bezirk", district=world.cast.other_district)
    home = client_for(world.cast.staff).get(reverse("workspace:home")).context["home"]
    titles = [call.title for call in home.funding_calls]
    assert titles == ["Kiezfonds Pankow", "Sprachfonds im Netzwerk", "In drei Wochen"]


# --- What the pages cost ---------------------------------------------------------------------


def _more_calls(world: World, size: int) -> None:
    topic = TopicFactory()
    for number in range(size):
        call = FundingCallFactory(title=f"Fonds {number}", district=world.cast.district)
        call.topics.add(topic)
        network_call(world.network, title=f"Netzwerkfonds {number}").topics.add(topic)


@pytest.mark.parametrize("size", [1, 8])
def test_the_pages_cost_the_same_with_more_calls(
    world: World, client_for, django_assert_max_num_queries, size: int
) -> None:
    _more_calls(world, size)
    district = world.cast.district
    anonymous = client_for(None)
    staff = client_for(world.cast.staff)
    for client, url, budget in [
        (anonymous, reverse("funding:index"), 8),
        (anonymous, reverse("funding:index") + f"?district={district.pk}", 9),
        (anonymous, reverse("funding:archive"), 8),
        (anonymous, world.district_call.get_absolute_url(), 6),
        (staff, world.district_call.get_absolute_url(), 14),
        (anonymous, reverse("funding:feed"), 2),
        (anonymous, reverse("funding:feed_district", args=[district.city.slug, district.slug]), 3),
        (staff, reverse("workspace:home"), 22),
        (anonymous, world.network.get_absolute_url(), 20),
    ]:
        with django_assert_max_num_queries(budget):
            response = client.get(url)
        assert response.status_code == 200, url


def test_the_pages_and_the_form_with_errors_are_valid_html(world: World, client_for) -> None:
    from tests.quality import html_errors

    staff = client_for(world.cast.staff)
    documents = {
        "list": client_for(None).get(reverse("funding:index")).content.decode(),
        "call as staff": staff.get(world.district_call.get_absolute_url()).content.decode(),
        "form with errors": staff.post(
            reverse("funding:create"), _form(world, title="", amount_min="9", amount_max="1")
        ).content.decode(),
        "staff home": staff.get(reverse("workspace:home")).content.decode(),
    }
    errors = html_errors(documents)
    assert errors == [], "\n".join(errors)
