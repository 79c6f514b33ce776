"""Registering an entry: similar names, drafts, nothing lost, submitting, editing, confirming."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.template.loader import render_to_string
from django.test import Client
from django.utils import timezone

from organisations.matching import similar_organisations, similarity
from organisations.models import Organisation, OrganisationMembership
from tests.conftest import Cast
from tests.factories import (
    LanguageFactory,
    MembershipFactory,
    OrganisationFactory,
    OrganisationKindFactory,
    UserFactory,
    draft_organisation,
)

pytestmark = pytest.mark.django_db

Status = Organisation.Status


def complete_form(cast: Cast, **changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "name": "Sprachbrücke",
        "kind": OrganisationKindFactory().pk,
        "description": "Wir übersetzen ehrenamtlich.",
        "districts": [cast.district.pk],
        "languages": [LanguageFactory().pk],
        "email": "kontakt@sprachbruecke.example.org",
        "no_public_address": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


@pytest.mark.parametrize(
    "typed",
    ["Brücke der Kulturen", "Bruecke der Kulturen", "brucke der kultren", "BdK", "Brücke"],
)
def test_similar_names_are_found_despite_umlauts_typos_and_short_names(typed: str) -> None:
    OrganisationFactory(name="Brücke der Kulturen e.V.")
    OrganisationFactory(name="Frauen im Aufbruch")
    assert [o.name for o in similar_organisations(typed)] == ["Brücke der Kulturen e.V."]


def test_unrelated_names_and_unpublished_entries_are_not_suggested() -> None:
    OrganisationFactory(name="Afghanischer Kulturverein")
    draft_organisation(name="Eritreische Jugend")
    assert similar_organisations("Eritreische Jugend") == []
    assert similarity("Eritreische Jugend", "Afghanischer Kulturverein") < 0.75


def test_the_first_step_offers_to_claim_a_similar_entry(cast: Cast, client_for) -> None:
    response = client_for(cast.outsider).get("/en/register/", {"name": "Bruecke eV"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Is your organisation one of these?" in page
    assert f"/en/organisations/{cast.organisation.slug}/claim/" in page
    assert "/en/register/new/?name=Bruecke%20eV" in page


def test_saving_a_draft_needs_only_name_and_kind(cast: Cast, client_for) -> None:
    kind = OrganisationKindFactory()
    response = client_for(cast.outsider).post(
        "/en/register/new/", {"name": "Halbfertig", "kind": kind.pk, "action": "draft"}
    )
    entry = Organisation.objects.get(name="Halbfertig")
    assert response.status_code == 302
    assert response["Location"] == f"/en/manage/{entry.slug}/"
    assert entry.status == Status.DRAFT
    assert entry.memberships.get().user == cast.outsider
    assert entry.memberships.get().role == OrganisationMembership.Role.OWNER


def test_an_invalid_field_keeps_everything_typed(cast: Cast, client_for) -> None:
    data = complete_form(cast, email="not-an-address", action="draft")
    response = client_for(cast.outsider).post("/en/register/new/", data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Enter a valid email address." in page
    assert 'value="Sprachbrücke"' in page
    assert "Wir übersetzen ehrenamtlich." in page
    assert 'value="not-an-address"' in page
    assert f'value="{cast.district.pk}"' in page.split('name="districts"')[0][-200:] + page
    assert not Organisation.objects.filter(name="Sprachbrücke").exists()


def test_submitting_needs_the_essentials(cast: Cast, client_for) -> None:
    data = complete_form(cast, description="", districts=None, action="submit")
    response = client_for(cast.outsider).post("/en/register/new/", data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Please choose at least one district." in page
    assert "Needed before you can submit." in page
    assert not Organisation.objects.filter(name="Sprachbrücke").exists()


def test_a_complete_entry_is_submitted_at_once_and_staff_are_told(
    cast: Cast, client_for, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(cast.outsider).post(
            "/en/register/new/", complete_form(cast, action="submit")
        )
    entry = Organisation.objects.get(name="Sprachbrücke")
    assert response.status_code == 302
    assert entry.status == Status.PENDING
    assert [m.to[0] for m in mail.outbox] == [cast.staff.email]
    assert client_for(None).get(entry.get_absolute_url()).status_code == 404


def test_a_draft_is_resumed_and_submitted_later(cast: Cast, client_for) -> None:
    draft = draft_organisation(districts=[cast.district])
    MembershipFactory(organisation=draft, user=cast.outsider)
    client = client_for(cast.outsider)
    page = client.get(f"/en/manage/{draft.slug}/").content.decode()
    assert "This is a draft." in page
    response = client.post(f"/en/manage/{draft.slug}/submit/")
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Status.PENDING


def test_an_incomplete_draft_says_what_is_missing(cast: Cast, client_for) -> None:
    draft = draft_organisation(description="", districts=[cast.district])
    MembershipFactory(organisation=draft, user=cast.outsider)
    client = client_for(cast.outsider)
    assert "Before you can submit" in client.get(f"/en/manage/{draft.slug}/").content.decode()
    client.post(f"/en/manage/{draft.slug}/submit/")
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_a_representative_edits_and_resubmits_after_a_change_request(
    cast: Cast, client_for
) -> None:
    entry = draft_organisation(status=Status.CHANGES_REQUESTED, districts=[cast.district])
    MembershipFactory(organisation=entry, user=cast.outsider)
    data = complete_form(cast, name=entry.name, action="submit", phone="030 1234")
    response = client_for(cast.outsider).post(f"/en/manage/{entry.slug}/edit/", data)
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.status, entry.phone) == (Status.PENDING, "030 1234")


def test_closed_entries_cannot_be_edited(cast: Cast, client_for) -> None:
    Organisation.objects.filter(pk=cast.organisation.pk).update(status=Status.REJECTED)
    response = client_for(cast.owner).get(f"/en/manage/{cast.organisation.slug}/edit/")
    assert response.status_code == 403


def test_one_click_confirms_the_entry(cast: Cast, client_for) -> None:
    Organisation.objects.filter(pk=cast.organisation.pk).update(last_confirmed_at=None)
    response = client_for(cast.editor).post(f"/en/manage/{cast.organisation.slug}/confirm/")
    assert response.status_code == 302
    cast.organisation.refresh_from_db()
    assert cast.organisation.last_confirmed_at is not None


def test_owner_adds_edits_and_deletes_an_offer(cast: Cast, client_for) -> None:
    from tests.factories import OfferKindFactory

    client = client_for(cast.owner)
    base = f"/en/manage/{cast.organisation.slug}/offers/"
    data = {"title": "Elterncafé", "kind": OfferKindFactory().pk, "cost": "free"}
    assert client.post(f"{base}new/", data).status_code == 302
    offer = cast.organisation.offers.get()
    assert client.post(f"{base}{offer.pk}/", {**data, "title": "Elterntreff"}).status_code == 302
    offer.refresh_from_db()
    assert offer.title == "Elterntreff"
    assert client.post(f"{base}{offer.pk}/delete/").status_code == 302
    assert not cast.organisation.offers.exists()


def test_an_offer_ending_before_it_starts_is_refused(cast: Cast, client_for) -> None:
    from tests.factories import OfferKindFactory

    data = {
        "title": "Kurs",
        "kind": OfferKindFactory().pk,
        "cost": "free",
        "starts_on": "2026-05-01",
        "ends_on": "2026-04-01",
    }
    response = client_for(cast.owner).post(f"/en/manage/{cast.organisation.slug}/offers/new/", data)
    assert response.status_code == 200
    assert "The end cannot be before the start." in response.content.decode()
    assert not cast.organisation.offers.exists()


def test_after_sign_up_the_next_step_is_registering_an_organisation(client: Client) -> None:
    from allauth.account.models import EmailAddress

    client.post(
        "/en/accounts/signup/",
        {
            "email": "amal@example.org",
            "password1": "a-long-test-password-42",
            "password2": "a-long-test-password-42",
            "privacy_consent": "on",
        },
    )
    key = mail.outbox[0].body.split("/confirm-email/")[1].split("/")[0]
    response = client.post(f"/en/accounts/confirm-email/{key}/")
    assert response.status_code == 302
    assert response["Location"] == "/en/my-organisations/"
    assert EmailAddress.objects.get(email="amal@example.org").verified
    page = client.get("/en/my-organisations/").content.decode()
    assert "Next step: register your organisation" in page


def test_the_owner_deletes_a_draft(cast: Cast, client_for) -> None:
    draft = draft_organisation(districts=[cast.district])
    MembershipFactory(organisation=draft, user=cast.outsider)
    response = client_for(cast.outsider).post(f"/en/manage/{draft.slug}/delete/")
    assert response.status_code == 302
    assert not Organisation.objects.filter(pk=draft.pk).exists()


# --- Includes for the directory's pages ------------------------------------------------------


def test_badges_show_verified_and_out_of_date() -> None:
    old = timezone.now() - datetime.timedelta(days=600)
    organisation = OrganisationFactory(
        verified_at=timezone.now(), last_confirmed_at=old, published_at=old
    )
    html = render_to_string("organisations/_badges.html", {"organisation": organisation})
    assert "Geprüft" in html or "Verified" in html
    assert "badge--warn" in html


def test_the_freshness_note_shows_the_confirmation_date_and_a_warning_after_18_months() -> None:
    fresh = OrganisationFactory(last_confirmed_at=timezone.now())
    html = render_to_string("organisations/_freshness.html", {"organisation": fresh})
    assert "callout--warn" not in html
    old = timezone.now() - datetime.timedelta(days=550)
    stale = OrganisationFactory(last_confirmed_at=old)
    html = render_to_string("organisations/_freshness.html", {"organisation": stale})
    assert "callout--warn" in html


def test_manage_links_offer_members_to_manage_and_others_to_claim(cast: Cast) -> None:
    def links(user: object) -> str:
        return render_to_string(
            "organisations/_manage_links.html", {"organisation": cast.organisation, "user": user}
        )

    assert f"/manage/{cast.organisation.slug}/" in links(cast.editor)
    assert f"/organisations/{cast.organisation.slug}/claim/" in links(cast.outsider)
    assert f"/review/{cast.organisation.slug}/" in links(cast.staff)
    assert f"/review/{cast.organisation.slug}/" not in links(cast.other_staff)


@pytest.mark.parametrize("extra", [1, 8])
def test_my_organisations_costs_the_same_with_more_memberships(
    client_for, django_assert_max_num_queries, extra: int
) -> None:
    user = UserFactory()
    for _number in range(extra):
        MembershipFactory(user=user)
    client = client_for(user)
    with django_assert_max_num_queries(15):
        assert client.get("/en/my-organisations/").status_code == 200


@pytest.mark.parametrize("extra", [1, 8])
def test_member_and_offer_pages_cost_the_same_with_more_rows(
    cast: Cast, client_for, django_assert_max_num_queries, extra: int
) -> None:
    from tests.factories import OfferFactory

    for _number in range(extra):
        MembershipFactory(organisation=cast.organisation, role="editor")
        OfferFactory(organisation=cast.organisation)
    client = client_for(cast.owner)
    for path in ("members/", "offers/", ""):
        with django_assert_max_num_queries(15):
            url = f"/en/manage/{cast.organisation.slug}/{path}"
            assert client.get(url).status_code == 200
