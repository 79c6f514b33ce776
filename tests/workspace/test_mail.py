"""Reviewers hear of what waits: one e-mail per item or a daily digest; submitters are told who
reviews and how long it usually takes."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from organisations import services
from organisations.models import District, Organisation, ReviewerMailSetting
from organisations.review_times import review_expectation
from tests.conftest import Cast
from tests.factories import (
    CityStaffFactory,
    DistrictFactory,
    MembershipFactory,
    OwnershipClaimFactory,
    draft_organisation,
)

pytestmark = pytest.mark.django_db

DIGEST = ReviewerMailSetting.Frequency.DIGEST


def submitted(district: District, name: str = "Neuer Verein") -> Organisation:
    entry = draft_organisation(name=name, districts=[district])
    owner = MembershipFactory(organisation=entry).user
    return services.organisation_submit(organisation=entry, user=owner)


def test_reviewers_who_chose_the_digest_get_no_mail_per_submission(cast: Cast) -> None:
    services.reviewer_mail_set(user=cast.staff, frequency=DIGEST)
    submitted(cast.district)
    services.claim_create(organisation=cast.organisation, user=cast.outsider, message="Wir!")
    assert mail.outbox == []


def test_city_wide_staff_are_told_why_they_get_a_submission_in_their_language(
    cast: Cast,
) -> None:
    city = CityStaffFactory(user__language="en").user
    submitted(DistrictFactory(name="Marzahn"))
    [message] = mail.outbox
    assert message.to == [city.email]
    assert "you are city-wide staff" in message.body
    assert "/en/staff/" in message.body


def test_the_digest_lists_what_waits_once_a_day_in_the_reviewers_language(cast: Cast) -> None:
    cast.staff.language = "uk"
    cast.staff.save(update_fields=["language"])
    services.reviewer_mail_set(user=cast.staff, frequency=DIGEST)
    submitted(cast.district)
    OwnershipClaimFactory(organisation=cast.organisation)
    call_command("send_staff_digest", stdout=io.StringIO())
    [digest] = mail.outbox
    assert digest.to == [cast.staff.email]
    assert "Записи на перевірку: 1" in digest.body
    assert "/uk/staff/" in digest.body
    call_command("send_staff_digest", stdout=io.StringIO())
    assert len(mail.outbox) == 1
    setting = ReviewerMailSetting.objects.get(user=cast.staff)
    assert setting.digest_sent_on == timezone.localdate()


def test_no_digest_when_nothing_waits_and_none_for_those_who_want_each_mail(cast: Cast) -> None:
    services.reviewer_mail_set(user=cast.staff, frequency=DIGEST)
    submitted(cast.other_district)  # other_staff want each mail: they got it already
    mail.outbox.clear()
    call_command("send_staff_digest", stdout=io.StringIO())
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 302), ("outsider", 404), ("owner", 404), ("staff", 302)],
)
def test_only_reviewers_change_their_mail_setting(
    cast: Cast, client_for, role: str, status: int
) -> None:
    user = None if role == "anonymous" else getattr(cast, role)
    response = client_for(user).post("/en/staff/e-mails/", {"frequency": "digest"})
    assert response.status_code == status
    chosen = ReviewerMailSetting.objects.filter(frequency=DIGEST).values_list("user", flat=True)
    assert list(chosen) == ([cast.staff.pk] if role == "staff" else [])
    if role == "staff":
        assert response["Location"] == "/en/staff/"


def test_an_unknown_mail_setting_is_refused(cast: Cast, client_for) -> None:
    response = client_for(cast.staff).post("/en/staff/e-mails/", {"frequency": "hourly"})
    assert response.status_code == 400
    assert not ReviewerMailSetting.objects.exists()


# --- Who reviews and how long it takes ----------------------------------------------------


def decided_after(district: District, days: int, number: int) -> None:
    entry = submitted(district, f"Verein {number}")
    entry.history.filter(status=Organisation.Status.PENDING).update(
        submitted_at=timezone.now() - datetime.timedelta(days=days)
    )
    services.organisation_publish(organisation=entry, staff=CityStaffFactory().user)


def test_the_submitter_learns_the_district_office_and_the_median_review_time(
    cast: Cast, client_for
) -> None:
    for number, days in enumerate([1, 2, 3, 9, 30]):
        decided_after(cast.district, days, number)
    decided_after(cast.other_district, 60, 99)  # other reviewers: not counted
    entry = submitted(cast.district, "Wartender Verein")
    expectation = review_expectation(entry)
    assert expectation.typical_days == 3
    owner = entry.memberships.get().user
    page = client_for(owner).get(f"/en/manage/{entry.slug}/").content.decode()
    assert "District office Pankow reviews the entry." in page
    assert "A review usually takes about 3 days." in page


def test_with_few_decisions_the_submitter_is_told_no_figure(cast: Cast, client_for) -> None:
    decided_after(cast.district, 2, 1)
    entry = submitted(DistrictFactory(name="Marzahn"), "Verein ohne Amt")
    assert review_expectation(entry).typical is None
    owner = entry.memberships.get().user
    page = client_for(owner).get(f"/en/manage/{entry.slug}/").content.decode()
    assert "The city-wide staff review the entry" in page
    assert "usually takes" not in page
