"""District staff: the queue, decisions through the pages, claims, reports, change log."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from organisations import services
from organisations.models import (
    Organisation,
    OrganisationMembership,
    OwnershipClaim,
    ProblemReport,
    ReviewDecision,
)
from tests.conftest import Cast
from tests.factories import (
    MembershipFactory,
    OfferFactory,
    OrganisationFactory,
    OwnershipClaimFactory,
    ProblemReportFactory,
    draft_organisation,
)

pytestmark = pytest.mark.django_db

Status = Organisation.Status


def pending(cast: Cast, name: str, days_ago: int, district=None) -> Organisation:
    entry = draft_organisation(
        name=name,
        status=Status.PENDING,
        submitted_at=timezone.now() - datetime.timedelta(days=days_ago),
        districts=[district or cast.district],
    )
    MembershipFactory(organisation=entry)
    return entry


def test_the_queue_shows_only_the_staffs_districts_oldest_first(cast: Cast, client_for) -> None:
    pending(cast, "Jüngerer Verein", 1)
    pending(cast, "Älterer Verein", 5)
    pending(cast, "Spandauer Verein", 9, district=cast.other_district)
    resubmitted = pending(cast, "Wieder da", 3)
    ReviewDecision.objects.create(
        organisation=resubmitted, action=ReviewDecision.Action.CHANGES_REQUESTED
    )
    OwnershipClaimFactory(organisation=cast.organisation)
    OwnershipClaimFactory(organisation=cast.other_organisation)
    ProblemReportFactory(organisation=cast.organisation, message="Falsche Telefonnummer")
    response = client_for(cast.staff).get("/en/review/")
    page = response.content.decode()
    assert response.status_code == 200
    assert page.index("Älterer Verein") < page.index("Jüngerer Verein")
    assert "Spandauer Verein" not in page
    assert "Andere Initiative" not in page
    assert "Wieder da" in page.split("Resubmitted entries")[1]
    assert "Falsche Telefonnummer" in page
    sections = {s.key: s.count for s in response.context["sections"]}
    assert sections == {
        "new": 2,
        "resubmitted": 1,
        "claims": 1,
        "reports": 1,
        "without_owner": 0,
        "outdated": 0,
    }


def test_the_navigation_counts_what_waits_for_the_staff(cast: Cast, client_for) -> None:
    pending(cast, "Neu", 1)
    OwnershipClaimFactory(organisation=cast.organisation)
    page = client_for(cast.staff).get("/en/").content.decode()
    assert 'Staff home <span class="nav-count">2<' in page
    other = client_for(cast.other_staff).get("/en/").content.decode()
    assert 'Staff home <span class="nav-count">0<' in other
    owner = client_for(cast.owner).get("/en/").content.decode()
    assert "Review queue" not in owner
    assert "My organisations" in owner


def test_asking_for_changes_without_a_message_keeps_the_entry_pending(
    cast: Cast, client_for
) -> None:
    entry = pending(cast, "Neu", 1)
    response = client_for(cast.staff).post(
        f"/en/review/{entry.slug}/request_changes/", {"request_changes-message": ""}
    )
    assert response.status_code == 400
    assert "This field is required" in response.content.decode()
    entry.refresh_from_db()
    assert entry.status == Status.PENDING
    assert not entry.review_decisions.exists()


def test_staff_ask_for_changes_and_the_representative_sees_the_message(
    cast: Cast, client_for, django_capture_on_commit_callbacks
) -> None:
    entry = pending(cast, "Neu", 1)
    representative = entry.memberships.get().user
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(cast.staff).post(
            f"/en/review/{entry.slug}/request_changes/",
            {"request_changes-message": "Bitte ergänzen Sie die Adresse."},
        )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.status == Status.CHANGES_REQUESTED
    assert mail.outbox[0].to == [representative.email]
    page = client_for(representative).get(f"/en/manage/{entry.slug}/").content.decode()
    assert "Bitte ergänzen Sie die Adresse." in page


def test_staff_of_another_district_cannot_decide(cast: Cast, client_for) -> None:
    entry = pending(cast, "Neu", 1)
    response = client_for(cast.other_staff).post(f"/en/review/{entry.slug}/publish/")
    assert response.status_code == 404
    entry.refresh_from_db()
    assert entry.status == Status.PENDING


def test_an_entry_serving_both_districts_is_reviewed_by_both_staffs(cast: Cast, client_for) -> None:
    shared = OrganisationFactory(districts=[cast.district, cast.other_district])
    assert client_for(cast.staff).get(f"/en/review/{shared.slug}/").status_code == 200
    assert client_for(cast.other_staff).get(f"/en/review/{shared.slug}/").status_code == 200


def test_an_unknown_decision_is_not_found(cast: Cast, client_for) -> None:
    entry = pending(cast, "Neu", 1)
    assert client_for(cast.staff).post(f"/en/review/{entry.slug}/explode/").status_code == 404


def test_staff_publish_from_the_review_page(cast: Cast, client_for) -> None:
    entry = pending(cast, "Neu", 1)
    response = client_for(cast.staff).post(f"/en/review/{entry.slug}/publish/")
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.status == Status.PUBLISHED
    assert client_for(None).get(entry.get_absolute_url()).status_code == 200


def test_staff_mark_an_entry_verified_and_archive_it(cast: Cast, client_for) -> None:
    client = client_for(cast.staff)
    slug = cast.organisation.slug
    assert client.post(f"/en/review/{slug}/verify/", {"verified": "yes"}).status_code == 302
    cast.organisation.refresh_from_db()
    assert cast.organisation.verified_at is not None
    response = client.post(f"/en/review/{slug}/archive/", {"archive-message": "Aufgelöst."})
    assert response.status_code == 302
    cast.organisation.refresh_from_db()
    assert cast.organisation.status == Status.ARCHIVED


# --- Claims ----------------------------------------------------------------------------------


def test_a_claim_goes_to_the_staff_by_email(
    cast: Cast, client_for, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(cast.outsider).post(
            f"/en/organisations/{cast.organisation.slug}/claim/",
            {"message": "Ich bin die Vorsitzende."},
        )
    assert response.status_code == 302
    claim = OwnershipClaim.objects.get()
    assert (claim.user, claim.status, claim.language) == (cast.outsider, "pending", "en")
    assert [m.to[0] for m in mail.outbox] == [cast.staff.email]
    assert "Ich bin die Vorsitzende." in mail.outbox[0].body


def test_a_second_claim_by_the_same_person_is_not_created(cast: Cast, client_for) -> None:
    OwnershipClaimFactory(organisation=cast.organisation, user=cast.outsider)
    response = client_for(cast.outsider).post(
        f"/en/organisations/{cast.organisation.slug}/claim/", {"message": "Noch einmal."}
    )
    assert response.status_code == 200
    assert "claimed this entry already" in response.content.decode()
    assert OwnershipClaim.objects.count() == 1


def test_approving_a_claim_makes_the_claimant_owner_and_tells_them(
    cast: Cast, client_for, django_capture_on_commit_callbacks
) -> None:
    claim = OwnershipClaimFactory(organisation=cast.organisation, user=cast.outsider, language="en")
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(cast.staff).post(f"/en/review/claims/{claim.pk}/approve/")
    assert response.status_code == 302
    claim.refresh_from_db()
    assert (claim.status, claim.decided_by) == ("approved", cast.staff)
    membership = cast.organisation.memberships.get(user=cast.outsider)
    assert membership.role == OrganisationMembership.Role.OWNER
    assert mail.outbox[0].to == [cast.outsider.email]
    assert "You can now edit “Brücke e.V.”" in mail.outbox[0].subject
    assert cast.organisation.review_decisions.get().action == "claim_approved"


def test_declining_a_claim_tells_the_claimant_why(
    cast: Cast, client_for, django_capture_on_commit_callbacks
) -> None:
    claim = OwnershipClaimFactory(organisation=cast.organisation, user=cast.outsider)
    with django_capture_on_commit_callbacks(execute=True):
        client_for(cast.staff).post(
            f"/en/review/claims/{claim.pk}/decline/", {"reason": "Nicht im Vorstand."}
        )
    claim.refresh_from_db()
    assert (claim.status, claim.reason) == ("declined", "Nicht im Vorstand.")
    assert not cast.organisation.memberships.filter(user=cast.outsider).exists()
    assert "abgelehnt" in mail.outbox[0].subject
    assert "Nicht im Vorstand." in mail.outbox[0].body


def test_a_decided_claim_cannot_be_decided_again(cast: Cast) -> None:
    claim = OwnershipClaimFactory(organisation=cast.organisation, user=cast.outsider)
    services.claim_decline(claim=claim, staff=cast.staff, reason="")
    with pytest.raises(services.TransitionNotAllowed):
        services.claim_approve(claim=claim, staff=cast.staff)
    assert not cast.organisation.memberships.filter(user=cast.outsider).exists()


def test_staff_resolve_a_problem_report(cast: Cast, client_for) -> None:
    report = ProblemReportFactory(organisation=cast.organisation)
    response = client_for(cast.staff).post(
        f"/en/review/reports/{report.pk}/resolve/", {"note": "Telefonnummer korrigiert."}
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.resolved_by == cast.staff
    decision = cast.organisation.review_decisions.get()
    assert decision.message == "Telefonnummer korrigiert."
    assert not ProblemReport.objects.filter(resolved_at__isnull=True).exists()


# --- Change log ------------------------------------------------------------------------------


def test_live_edits_appear_in_the_change_log_with_previous_values_and_revert(
    cast: Cast, client_for
) -> None:
    owner = client_for(cast.owner)
    data = {
        "name": "Brücke e.V.",
        "kind": cast.organisation.kind.pk,
        "description": "Neue Beschreibung",
        "districts": [cast.district.pk],
        "email": "info@bruecke.example.org",
        "street": "Hauptstraße 1",
        "postcode": "10115",
        "locality": "Berlin",
        "action": "save",
    }
    response = owner.post(f"/en/manage/{cast.organisation.slug}/edit/", data)
    assert response.status_code == 302
    cast.organisation.refresh_from_db()
    assert cast.organisation.description == "Neue Beschreibung"

    staff = client_for(cast.staff)
    page = staff.get("/en/review/changes/").content.decode()
    assert "Neue Beschreibung" in page
    assert "We advise families in their own languages." in page
    assert client_for(cast.other_staff).get("/en/review/changes/").context["rows"] == []

    record = cast.organisation.history.get(history_change_reason="live")
    response = staff.post(f"/en/review/changes/organisation/{record.history_id}/revert/")
    assert response.status_code == 302
    cast.organisation.refresh_from_db()
    assert cast.organisation.description == "We advise families in their own languages."


def test_staff_of_another_district_cannot_revert(cast: Cast, client_for) -> None:
    offer = OfferFactory(organisation=cast.organisation)
    services.offer_delete(offer=offer, user=cast.owner)
    record = offer.history.model.objects.get(history_type="-")
    response = client_for(cast.other_staff).post(
        f"/en/review/changes/offer/{record.history_id}/revert/"
    )
    assert response.status_code == 404
    assert not cast.organisation.offers.exists()


# --- Query counts ----------------------------------------------------------------------------


@pytest.mark.parametrize("extra", [1, 8])
def test_the_queue_costs_the_same_with_more_entries(
    cast: Cast, client_for, django_assert_max_num_queries, extra: int
) -> None:
    for number in range(extra):
        pending(cast, f"Verein {number}", number)
        OwnershipClaimFactory(organisation=cast.organisation)
        ProblemReportFactory(organisation=cast.organisation)
    client = client_for(cast.staff)
    with django_assert_max_num_queries(20):
        assert client.get("/en/review/").status_code == 200


@pytest.mark.parametrize("extra", [1, 8])
def test_the_review_page_costs_the_same_with_more_data(
    cast: Cast, client_for, django_assert_max_num_queries, extra: int
) -> None:
    for _number in range(extra):
        OfferFactory(organisation=cast.organisation)
        OwnershipClaimFactory(organisation=cast.organisation)
        MembershipFactory(organisation=cast.organisation, role="editor")
    client = client_for(cast.staff)
    with django_assert_max_num_queries(30):
        assert client.get(f"/en/review/{cast.organisation.slug}/").status_code == 200
