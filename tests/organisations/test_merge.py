"""Likely duplicates and merging two entries into one."""

from __future__ import annotations

import pytest
from django.core import mail

from events.models import Event
from networks.models import NetworkMembership
from organisations import services
from organisations.duplicates import likely_duplicates
from organisations.models import (
    Offer,
    Organisation,
    OrganisationMembership,
    OrganisationMerge,
    OrganisationRedirect,
    OwnershipClaim,
    ProblemReport,
)
from tests.conftest import Cast
from tests.factories import (
    EventFactory,
    MembershipFactory,
    NetworkFactory,
    NetworkMembershipFactory,
    OfferFactory,
    OrganisationFactory,
    OwnershipClaimFactory,
    ProblemReportFactory,
    RegistrationFactory,
)

pytestmark = pytest.mark.django_db

Role = OrganisationMembership.Role


def twin(cast: Cast, **kwargs: object) -> Organisation:
    """A second entry of the cast's organisation, written a little differently."""
    kwargs.setdefault("name", "Bruecke e. V.")
    kwargs.setdefault("districts", [cast.district])
    kwargs.setdefault("street", "Andere Straße 9")
    kwargs.setdefault("postcode", "13187")
    return OrganisationFactory(**kwargs)


# --- Finding them ----------------------------------------------------------------------------


def test_similar_names_count_as_likely_duplicates(cast: Cast) -> None:
    removed = twin(cast)
    OrganisationFactory(name="Ganz anderer Verein", districts=[cast.district], street="Weg 3")
    pairs = likely_duplicates(Organisation.objects.filter(districts=cast.district))
    assert [(p.first_id, p.second_id, p.reasons) for p in pairs] == [
        (cast.organisation.pk, removed.pk, ("name",))
    ]


def test_the_same_address_website_or_email_count_as_likely_duplicates(cast: Cast) -> None:
    a = OrganisationFactory(
        name="Stadtteilmütter", street="Parkstraße 12", postcode="13187", website=""
    )
    b = OrganisationFactory(
        name="Mütter im Kiez", street="Parkstr. 12", postcode="13187", website="https://muetter.de/"
    )
    c = OrganisationFactory(
        name="Kiezmütter", street="Weg 1", postcode="10115", website="http://www.muetter.de"
    )
    d = OrganisationFactory(name="Elterncafé", street="Weg 2", email=a.email.upper())
    pairs = likely_duplicates(Organisation.objects.filter(pk__in=[a.pk, b.pk, c.pk, d.pk]))
    found = {(p.first_id, p.second_id): p.reasons for p in pairs}
    assert found == {
        (a.pk, b.pk): ("address",),
        (b.pk, c.pk): ("website",),
        (a.pk, d.pk): ("email",),
    }


def test_archived_entries_are_not_listed_as_duplicates(cast: Cast) -> None:
    twin(cast, status=Organisation.Status.ARCHIVED)
    assert likely_duplicates(Organisation.objects.filter(districts=cast.district)) == []


def test_names_with_a_typo_are_likely_duplicates_on_postgresql(cast: Cast) -> None:
    a = OrganisationFactory(name="Interkulturelles Zentrum Mitte", street="A 1")
    b = OrganisationFactory(name="Interkulturelles Zentrum Mite", street="B 2")
    pairs = likely_duplicates(Organisation.objects.filter(pk__in=[a.pk, b.pk]))
    assert [(p.first_id, p.second_id, p.reasons) for p in pairs] == [(a.pk, b.pk, ("name",))]


def test_the_duplicates_page_lists_pairs_of_the_staffs_districts_only(
    cast: Cast, client_for
) -> None:
    twin(cast)
    twin(cast, name="Andere Initiative e.V.", districts=[cast.other_district])
    response = client_for(cast.staff).get("/en/review/duplicates/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Bruecke e. V." in page and "similar name" in page
    assert "Andere Initiative e.V." not in page


def test_the_duplicates_page_costs_the_same_with_more_pairs(
    cast: Cast, client_for, django_assert_max_num_queries
) -> None:
    client = client_for(cast.staff)
    twin(cast)
    client.get("/en/review/duplicates/")
    with django_assert_max_num_queries(14) as few:
        client.get("/en/review/duplicates/")
    names = ("Kiezladen", "Sprachcafé", "Gartenprojekt", "Elternschule", "Jugendtreff", "Oase")
    for number, name in enumerate(names):
        OrganisationFactory(name=name, districts=[cast.district], street=f"X {number}")
        OrganisationFactory(name=f"{name} e.V.", districts=[cast.district], street=f"Y {number}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get("/en/review/duplicates/")
    assert response.content.decode().count("Compare and merge") == 7


# --- Merging ---------------------------------------------------------------------------------


def test_merging_moves_offers_members_claims_reports_and_decisions(cast: Cast) -> None:
    removed = twin(cast)
    offer = OfferFactory(organisation=removed)
    newcomer = MembershipFactory(organisation=removed, role=Role.EDITOR).user
    MembershipFactory(organisation=removed, user=cast.editor, role=Role.OWNER)
    claim = OwnershipClaimFactory(organisation=removed)
    report = ProblemReportFactory(organisation=removed)
    record = services.organisation_merge(kept=cast.organisation, removed=removed, staff=cast.staff)
    assert not Organisation.objects.filter(pk=removed.pk).exists()
    assert Offer.objects.get(pk=offer.pk).organisation == cast.organisation
    assert offer.history.filter(organisation=cast.organisation).exists()
    roles = dict(cast.organisation.memberships.values_list("user__email", "role"))
    assert roles == {
        cast.owner.email: Role.OWNER,
        cast.editor.email: Role.OWNER,  # the higher of their two roles
        newcomer.email: Role.EDITOR,
    }
    assert OwnershipClaim.objects.get(pk=claim.pk).organisation == cast.organisation
    assert ProblemReport.objects.get(pk=report.pk).organisation == cast.organisation
    assert record.moved["offers"] == [offer.pk]
    assert len(record.moved["memberships"]) == 1 and len(record.dropped["memberships"]) == 1
    assert (record.removed_name, record.merged_by) == ("Bruecke e. V.", cast.staff)
    decision = cast.organisation.review_decisions.get()
    assert (decision.action, decision.message) == ("merged", "Bruecke e. V.")


def test_merging_moves_network_memberships_without_a_second_current_one(cast: Cast) -> None:
    removed = twin(cast)
    shared, only_removed = NetworkFactory(), NetworkFactory()
    kept_membership = NetworkMembershipFactory(network=shared, organisation=cast.organisation)
    duplicate = NetworkMembershipFactory(network=shared, organisation=removed)
    moved = NetworkMembershipFactory(network=only_removed, organisation=removed)
    record = services.organisation_merge(kept=cast.organisation, removed=removed, staff=cast.staff)
    memberships = NetworkMembership.objects.filter(organisation=cast.organisation)
    assert set(memberships.values_list("pk", flat=True)) == {kept_membership.pk, moved.pk}
    assert not NetworkMembership.objects.filter(pk=duplicate.pk).exists()
    assert record.moved["networks.memberships"] == [moved.pk]
    assert record.dropped["networks.memberships"] == [duplicate.pk]


def test_merging_moves_events_and_sign_ups(cast: Cast) -> None:
    removed = twin(cast)
    event = EventFactory(organiser_district=None, organiser_organisation=removed)
    registration = RegistrationFactory(organisation=removed)
    services.organisation_merge(kept=cast.organisation, removed=removed, staff=cast.staff)
    assert Event.objects.get(pk=event.pk).organiser_organisation == cast.organisation
    registration.refresh_from_db()
    assert registration.organisation == cast.organisation


def test_the_old_address_redirects_permanently_to_the_entry_that_stayed(
    cast: Cast, client_for
) -> None:
    removed = twin(cast)
    old_slug = removed.slug
    services.organisation_merge(kept=cast.organisation, removed=removed, staff=cast.staff)
    response = client_for(None).get(f"/en/organisations/{old_slug}/")
    assert response.status_code == 301
    assert response["Location"] == f"/en/organisations/{cast.organisation.slug}/"


def test_a_later_merge_carries_the_old_addresses_along(cast: Cast) -> None:
    first = twin(cast)
    second = twin(cast, name="Brücke Verein")
    services.organisation_merge(kept=second, removed=first, staff=cast.staff)
    services.organisation_merge(kept=cast.organisation, removed=second, staff=cast.staff)
    assert set(OrganisationRedirect.objects.values_list("organisation", flat=True)) == {
        cast.organisation.pk
    }
    assert cast.organisation.merges.count() == 2


def test_the_members_hear_of_the_merge(cast: Cast, django_capture_on_commit_callbacks) -> None:
    removed = twin(cast)
    with django_capture_on_commit_callbacks(execute=True):
        services.organisation_merge(kept=cast.organisation, removed=removed, staff=cast.staff)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([cast.owner.email, cast.editor.email])
    assert "Bruecke e. V." in mail.outbox[0].body


def test_an_entry_of_another_district_cannot_be_merged(cast: Cast) -> None:
    with pytest.raises(services.MergeNotAllowed):
        services.organisation_merge(
            kept=cast.organisation, removed=cast.other_organisation, staff=cast.staff
        )
    assert Organisation.objects.filter(pk=cast.other_organisation.pk).exists()
    assert not OrganisationMerge.objects.exists()


def test_staff_merge_through_the_confirm_page(cast: Cast, client_for) -> None:
    removed = twin(cast)
    OfferFactory(organisation=removed, title="Sprachcafé")
    client = client_for(cast.staff)
    url = f"/en/review/duplicates/merge/?keep={cast.organisation.slug}&remove={removed.slug}"
    page = client.get(url).content.decode()
    assert "Brücke e.V." in page and "Bruecke e. V." in page
    response = client.post(
        "/en/review/duplicates/merge/", {"keep": cast.organisation.slug, "remove": removed.slug}
    )
    assert response.status_code == 302
    assert response["Location"] == f"/en/review/{cast.organisation.slug}/"
    assert not Organisation.objects.filter(pk=removed.pk).exists()
    detail = client.get(f"/en/review/{cast.organisation.slug}/").content.decode()
    assert "Bruecke e. V." in detail and "Merged entries" in detail
    duplicates = client.get("/en/review/duplicates/").content.decode()
    assert "Recent merges" in duplicates and "1 moved" in duplicates


def test_an_entry_cannot_be_merged_with_itself(cast: Cast, client_for) -> None:
    slug = cast.organisation.slug
    response = client_for(cast.staff).post(
        "/en/review/duplicates/merge/", {"keep": slug, "remove": slug}
    )
    assert response.status_code == 302
    assert Organisation.objects.filter(pk=cast.organisation.pk).exists()
    assert not OrganisationMerge.objects.exists()
