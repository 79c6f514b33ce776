"""The pages: what they show, what their forms do, and what they cost in queries."""

from __future__ import annotations

import dataclasses
import datetime

import pytest
from django.core import mail
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from networks.models import MembershipChange, Network, NetworkMembership
from tests.factories import (
    DistrictFactory,
    MembershipFactory,
    NetworkFactory,
    NetworkMembershipFactory,
    NetworkNoteFactory,
    OrganisationFactory,
    TopicFactory,
)
from tests.networks.conftest import World

pytestmark = pytest.mark.django_db

Status = NetworkMembership.Status


def messages_of(response) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(m) for m in response.context["messages"]]


# --- List --------------------------------------------------------------------------------------


def test_list_shows_public_networks_with_member_counts(world: World, client: Client) -> None:
    NetworkFactory(name="Geheim im Aufbau", phase=Network.Phase.PREPARATION)
    response = client.get("/en/networks/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Mehrsprachigkeit Pankow" in html
    assert "Vielfalt Spandau" in html
    assert "Geheim im Aufbau" not in html
    assert "1 member organisation" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("scope=city", ["Stadtweit"]),
        ("open=on", ["Mehrsprachigkeit Pankow", "Stadtweit"]),
        ("topic=women", ["Frauen Peer"]),
        ("district=DISTRICT", ["Frauen Peer", "Mehrsprachigkeit Pankow"]),
    ],
)
def test_list_filters(world: World, client: Client, query: str, expected: list[str]) -> None:
    women = TopicFactory(slug="women", name_de="Frauen", name_en="Women")
    NetworkFactory(name="Stadtweit", scope="city", district=None)
    peer = NetworkFactory(
        name="Frauen Peer", district=world.cast.district, join_policy="invitation"
    )
    peer.topics.add(women)
    Network.objects.filter(pk=world.other_network.pk).update(phase=Network.Phase.CLOSED)
    query = query.replace("DISTRICT", str(world.cast.district.pk)).replace("women", str(women.pk))
    response = client.get(f"/de/networks/?{query}")
    names = [n.name for n in response.context["page"]]
    assert response.status_code == 200
    assert names == expected


def test_list_query_count_does_not_grow_with_networks(
    client: Client, django_assert_max_num_queries
) -> None:
    def add_networks(count: int) -> None:
        for _ in range(count):
            network = NetworkFactory()
            network.topics.add(TopicFactory())
            NetworkMembershipFactory(network=network)

    add_networks(2)
    with django_assert_max_num_queries(8):
        assert client.get("/de/networks/").status_code == 200
    add_networks(12)
    with django_assert_max_num_queries(8):
        assert client.get("/de/networks/").status_code == 200


# --- Detail ------------------------------------------------------------------------------------


def test_detail_shows_goal_coordinators_and_active_members(world: World, client: Client) -> None:
    Network.objects.filter(pk=world.network.pk).update(
        description="Wir treffen uns reihum.", meeting_rhythm="Alle zwei Monate"
    )
    response = client.get(world.network.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert world.network.goal in html
    assert "Alle zwei Monate" in html
    assert f'href="{world.coordinating_organisation.get_absolute_url()}"' in html
    # the open request is not public
    assert world.cast.organisation.name not in html
    assert response.context["coordinators"] == [world.coordination]


def test_detail_offers_owners_to_ask_and_shows_their_request(world: World, client_for) -> None:
    owner = MembershipFactory(organisation=OrganisationFactory(name="Neue Initiative")).user
    html = client_for(owner).get(world.network.get_absolute_url()).content.decode()
    assert reverse("networks:join", args=[world.network.slug]) in html
    html = client_for(world.cast.owner).get(world.network.get_absolute_url()).content.decode()
    assert "Withdraw request" in html
    assert world.cast.organisation.name in html


def test_detail_of_an_invitation_only_network_names_the_contact(client: Client) -> None:
    network = NetworkFactory(join_policy="invitation", contact_email="netz@example.org")
    html = client.get(network.get_absolute_url()).content.decode()
    assert "mailto:netz@example.org" in html
    assert reverse("networks:join", args=[network.slug]) not in html


def test_detail_query_count_does_not_grow_with_members(
    world: World, client_for, django_assert_max_num_queries
) -> None:
    def add_members(count: int) -> None:
        for _ in range(count):
            NetworkMembershipFactory(network=world.network)
        world.network.topics.add(TopicFactory())

    # The page, its access checks and every slot (events, next meeting, exchange, funding,
    # following) cost a fixed number of queries.
    for user in (None, world.cast.owner, world.coordinator):
        client = client_for(user)
        add_members(2)
        # The timeline, the open tasks (for members) and the next meeting cost one query each.
        with django_assert_max_num_queries(28):
            assert client.get(world.network.get_absolute_url()).status_code == 200
        add_members(15)
        with django_assert_max_num_queries(28):
            assert client.get(world.network.get_absolute_url()).status_code == 200


# --- Organisation actions ---------------------------------------------------------------------


def test_owner_asks_to_join_with_a_message(world: World, client_for) -> None:
    organisation = OrganisationFactory(name="Frauenforum")
    owner = MembershipFactory(organisation=organisation).user
    url = reverse("networks:join", args=[world.network.slug])
    response = client_for(owner).post(
        url, {"organisation": organisation.pk, "message": "Wir möchten mitmachen."}, follow=True
    )
    assert response.redirect_chain[-1][0] == world.network.get_absolute_url()
    membership = world.network.memberships.get(organisation=organisation)
    assert (membership.status, membership.note) == (Status.REQUESTED, "Wir möchten mitmachen.")
    # One to the organisation's owner, one to the owner of the coordinating organisation.
    assert sorted(m.to[0] for m in mail.outbox) == sorted([owner.email, world.coordinator.email])


def test_asking_twice_gives_a_clear_message(world: World, client_for) -> None:
    url = reverse("networks:join", args=[world.network.slug])
    response = client_for(world.cast.owner).post(
        url, {"organisation": world.cast.organisation.pk}, follow=True
    )
    assert any("already asked to join" in m for m in messages_of(response))
    assert world.network.memberships.filter(organisation=world.cast.organisation).count() == 1


def test_nobody_asks_for_an_organisation_they_do_not_act_for(world: World, client_for) -> None:
    url = reverse("networks:join", args=[world.network.slug])
    response = client_for(world.cast.other_member).post(
        url, {"organisation": world.cast.organisation.pk}
    )
    assert response.status_code == 200
    assert "organisation" in response.context["form"].errors
    assert world.network.memberships.filter(organisation=world.cast.organisation).count() == 1


def test_owner_withdraws_and_the_late_approval_gets_a_clear_message(
    world: World, client_for
) -> None:
    kwargs = {"slug": world.network.slug, "pk": world.request.pk}
    client_for(world.cast.owner).post(reverse("networks:withdraw", kwargs=kwargs))
    response = client_for(world.coordinator).post(
        reverse("networks:approve", kwargs=kwargs), follow=True
    )
    assert any("withdrawn this request in the meantime" in m for m in messages_of(response))
    world.request.refresh_from_db()
    assert world.request.status == Status.WITHDRAWN


def test_coordinator_approves_from_the_members_page_with_a_message(
    world: World, client_for
) -> None:
    kwargs = {"slug": world.network.slug, "pk": world.request.pk}
    members_url = reverse("networks:members", args=[world.network.slug])
    client = client_for(world.coordinator)
    assert world.cast.organisation.name in client.get(members_url).content.decode()
    response = client.post(
        reverse("networks:approve", kwargs=kwargs),
        {f"m{world.request.pk}-message": "Herzlich willkommen", "next": members_url},
    )
    assert response.status_code == 302
    assert response["Location"] == members_url
    world.request.refresh_from_db()
    assert world.request.status == Status.ACTIVE
    assert "Herzlich willkommen" in mail.outbox[0].body


def test_removing_without_a_reason_shows_the_form_again(world: World, client_for) -> None:
    url = reverse(
        "networks:remove", kwargs={"slug": world.network.slug, "pk": world.coordination.pk}
    )
    response = client_for(world.cast.staff).post(url, {})
    assert response.status_code == 200
    assert response.context["form"].errors
    world.coordination.refresh_from_db()
    assert world.coordination.status == Status.ACTIVE


def test_removing_the_last_coordinator_gives_a_clear_message(world: World, client_for) -> None:
    url = reverse(
        "networks:remove", kwargs={"slug": world.network.slug, "pk": world.coordination.pk}
    )
    response = client_for(world.cast.staff).post(
        url, {f"m{world.coordination.pk}-reason": "Moved away"}, follow=True
    )
    assert any("last coordinator" in m for m in messages_of(response))
    world.coordination.refresh_from_db()
    assert world.coordination.is_coordinator


def test_redirects_after_decisions_stay_on_this_site(world: World, client_for) -> None:
    url = reverse("networks:withdraw", kwargs={"slug": world.network.slug, "pk": world.request.pk})
    response = client_for(world.cast.owner).post(url, {"next": "https://evil.example/"})
    assert response["Location"] == world.network.get_absolute_url()


# --- Curators ----------------------------------------------------------------------------------


def test_staff_search_the_directory_and_invite(world: World, client_for) -> None:
    client = client_for(world.cast.staff)
    search = client.get(reverse("networks:invite", args=[world.network.slug]), {"q": "initiative"})
    invite_url = reverse(
        "networks:invite_organisation",
        args=[world.network.slug, world.cast.other_organisation.slug],
    )
    assert invite_url in search.content.decode()
    response = client.post(invite_url, {"message": "Kommen Sie dazu!"})
    assert response.status_code == 302
    membership = world.network.memberships.get(organisation=world.cast.other_organisation)
    assert membership.status == Status.INVITED
    assert [m.to for m in mail.outbox] == [[world.cast.other_member.email]]


def test_search_marks_organisations_that_are_already_in(world: World, client_for) -> None:
    response = client_for(world.cast.staff).get(
        reverse("networks:invite", args=[world.network.slug]), {"q": "Sprachbrücke"}
    )
    assert response.context["rows"] == [(world.coordinating_organisation, "active")]


def test_inviting_an_existing_member_gives_a_clear_message(world: World, client_for) -> None:
    url = reverse(
        "networks:invite_organisation",
        args=[world.network.slug, world.coordinating_organisation.slug],
    )
    response = client_for(world.cast.staff).post(url, follow=True)
    assert any("already a member" in m for m in messages_of(response))
    assert world.network.memberships.count() == 2


def test_staff_create_a_network_of_their_district(world: World, client_for) -> None:
    response = client_for(world.cast.staff).post(
        reverse("networks:create"),
        {
            "name": "Antidiskriminierung Pankow",
            "scope": "district",
            "district": world.cast.district.pk,
            "goal": "Diskriminierung sichtbar machen",
            "join_policy": "open",
            "phase": "founding",
        },
    )
    network = Network.objects.get(name="Antidiskriminierung Pankow")
    assert response["Location"] == network.get_absolute_url()
    assert network.district == world.cast.district


def test_staff_cannot_create_networks_in_another_district(world: World, client_for) -> None:
    response = client_for(world.cast.staff).post(
        reverse("networks:create"),
        {
            "name": "Fremd",
            "scope": "district",
            "district": world.cast.other_district.pk,
            "goal": "G",
            "join_policy": "open",
            "phase": "founding",
        },
    )
    assert response.status_code == 200
    assert "district" in response.context["form"].errors
    assert not Network.objects.filter(name="Fremd").exists()


def test_coordinators_edit_content_but_not_scope(world: World, client_for) -> None:
    url = reverse("networks:edit", args=[world.network.slug])
    response = client_for(world.coordinator).post(
        url,
        {
            "name": world.network.name,
            "scope": "city",
            "goal": "Ein neues Ziel",
            "join_policy": "invitation",
            "phase": "founding",
            "revision": world.network.revision,
        },
    )
    assert response.status_code == 302
    world.network.refresh_from_db()
    assert (world.network.goal, world.network.scope) == ("Ein neues Ziel", "district")
    assert world.network.join_policy == "invitation"


def test_staff_move_a_network_to_city_wide(world: World, client_for) -> None:
    response = client_for(world.cast.staff).post(
        reverse("networks:edit", args=[world.network.slug]),
        {
            "name": world.network.name,
            "scope": "city",
            "district": world.cast.district.pk,
            "goal": "G",
            "join_policy": "open",
            "revision": world.network.revision,
        },
    )
    assert response.status_code == 302
    world.network.refresh_from_db()
    assert (world.network.scope, world.network.district) == ("city", None)


def test_an_edit_form_opened_before_another_save_saves_nothing_and_shows_both(
    world: World, client_for
) -> None:
    from networks import services

    url = reverse("networks:edit", args=[world.network.slug])
    client = client_for(world.coordinator)
    form = client.get(url).context["form"]
    data = {
        name: form[name].value() for name in ("name", "goal", "join_policy", "rules", "revision")
    }
    assert data["revision"] == 1
    services.network_update(
        network=world.network,
        user=world.cast.staff,
        data=dataclasses.replace(services.NetworkData.of(world.network), rules="Neue Regeln"),
    )
    response = client.post(url, {**data, "goal": "Ein neues Ziel"})
    html = response.content.decode()
    assert response.status_code == 409
    assert "This network was changed by someone else since you opened it." in html
    assert response.context["differences"] == [
        ("Goal", world.network.goal, "Ein neues Ziel"),
        ("Rules", "Neue Regeln", "–"),
    ]
    world.network.refresh_from_db()
    assert (world.network.rules, world.network.revision) == ("Neue Regeln", 2)
    # Saving the form again keeps what the editor sees now: theirs, knowingly.
    again = response.context["form"]
    assert again["revision"].value() == "2"
    response = client.post(url, {**data, "goal": "Ein neues Ziel", "revision": 2})
    assert response.status_code == 302
    world.network.refresh_from_db()
    assert (world.network.goal, world.network.rules) == ("Ein neues Ziel", "")


def test_history_shows_who_did_what_and_why(world: World, client_for) -> None:
    from networks import services

    services.membership_approve(membership=world.request, user=world.coordinator)
    services.membership_remove(membership=world.request, user=world.cast.staff, reason="Aufgelöst")
    response = client_for(world.coordinator).get(
        reverse("networks:history", args=[world.network.slug])
    )
    actions = [c.action for c in response.context["page"]]
    assert actions == [
        MembershipChange.Action.REMOVED,
        MembershipChange.Action.APPROVED,
        MembershipChange.Action.REQUESTED,
    ]
    assert "Aufgelöst" in response.content.decode()


def test_curation_lists_open_items_of_my_networks_oldest_first(world: World, client_for) -> None:
    earlier = NetworkMembershipFactory(network=world.network, status=Status.INVITED)
    NetworkMembership.objects.filter(pk=earlier.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=3)
    )
    NetworkMembershipFactory(network=world.other_network, status=Status.REQUESTED)
    response = client_for(world.coordinator).get(reverse("networks:curation"))
    assert list(response.context["page"]) == [earlier, world.request]


def test_curation_query_count_does_not_grow(
    world: World, client_for, django_assert_max_num_queries
) -> None:
    client = client_for(world.cast.staff)
    for count in (2, 12):
        for _ in range(count):
            NetworkMembershipFactory(network=world.network, status=Status.REQUESTED)
        # 12 for the page, the rest for the staff's review-queue counter in the header.
        with django_assert_max_num_queries(16):
            assert client.get(reverse("networks:curation")).status_code == 200


def test_members_page_query_count_does_not_grow(
    world: World, client_for, django_assert_max_num_queries
) -> None:
    client = client_for(world.coordinator)
    for count in (2, 12):
        for status in (Status.REQUESTED, Status.INVITED, Status.ACTIVE):
            for _ in range(count):
                NetworkMembershipFactory(network=world.network, status=status)
        with django_assert_max_num_queries(12):
            assert (
                client.get(reverse("networks:members", args=[world.network.slug])).status_code
                == 200
            )


def test_my_networks_lists_requests_invitations_and_memberships(world: World, client_for) -> None:
    NetworkMembershipFactory(
        network=world.other_network, organisation=world.cast.organisation, status=Status.INVITED
    )
    html = client_for(world.cast.editor).get(reverse("networks:mine")).content.decode()
    assert "Mehrsprachigkeit Pankow" in html
    assert "Vielfalt Spandau" in html
    assert "Accept invitation" in html
    assert "Withdraw request" in html


def test_my_networks_query_count_does_not_grow(
    world: World, client_for, django_assert_max_num_queries
) -> None:
    client = client_for(world.cast.owner)
    for count in (2, 10):
        for _ in range(count):
            NetworkMembershipFactory(organisation=world.cast.organisation)
        with django_assert_max_num_queries(8):
            assert client.get(reverse("networks:mine")).status_code == 200


def test_notes_are_listed_newest_first_and_curators_add_them(world: World, client_for) -> None:
    NetworkNoteFactory(network=world.network, title="Alt", date=datetime.date(2026, 1, 1))
    client = client_for(world.coordinator)
    url = reverse("networks:notes", args=[world.network.slug])
    response = client.post(
        url,
        {
            "title": "Protokoll März",
            "date": "2026-03-04",
            "text": "Beschlossen: Sprachcafé",
            "attachment_url": "https://cloud.example.org/protokoll.pdf",
        },
    )
    assert response.status_code == 302
    response = client.get(url)
    assert [n.title for n in response.context["page"]] == ["Protokoll März", "Alt"]
    assert "https://cloud.example.org/protokoll.pdf" in response.content.decode()


def test_notes_refuse_script_links(world: World, client_for) -> None:
    response = client_for(world.coordinator).post(
        reverse("networks:notes", args=[world.network.slug]),
        {"title": "X", "date": "2026-03-04", "text": "x", "attachment_url": "javascript:alert(1)"},
    )
    assert response.status_code == 200
    assert "attachment_url" in response.context["form"].errors
    assert not world.network.notes.exists()


# --- The include for the organisation's directory page ----------------------------------------


def test_organisation_include_lists_active_public_networks(world: World, client: Client) -> None:
    hidden = NetworkFactory(name="Noch im Aufbau", phase=Network.Phase.PREPARATION)
    NetworkMembershipFactory(network=hidden, organisation=world.coordinating_organisation)
    NetworkMembershipFactory(
        network=world.other_network,
        organisation=world.coordinating_organisation,
        status=Status.REQUESTED,
    )
    html = render_to_string(
        "networks/_organisation_networks.html",
        {"organisation": world.coordinating_organisation},
    )
    assert world.network.get_absolute_url() in html
    assert "Noch im Aufbau" not in html
    assert "Vielfalt Spandau" not in html


def test_organisation_include_renders_nothing_without_networks(client: Client) -> None:
    organisation = OrganisationFactory(districts=[DistrictFactory()])
    html = render_to_string("networks/_organisation_networks.html", {"organisation": organisation})
    assert html.strip() == ""


def test_a_network_goal_in_russian_is_saved_on_creation(world: World, client_for) -> None:
    response = client_for(world.cast.staff).post(
        reverse("networks:create"),
        {
            "name": "Russischsprachige Eltern",
            "scope": "district",
            "district": world.cast.district.pk,
            "goal": "Eltern vernetzen",
            "goal__ru": "Объединить родителей",
            "join_policy": "open",
            "phase": "founding",
        },
    )
    network = Network.objects.get(name="Russischsprachige Eltern")
    assert response.status_code == 302
    assert network.translations == {"ru": {"goal": "Объединить родителей"}}
    page = client_for(world.cast.staff).get(f"/ru{network.get_absolute_url()[3:]}")
    html = page.content.decode()
    assert '<div class="entry-text" lang="ru" dir="auto"><p>Объединить родителей</p></div>' in html
