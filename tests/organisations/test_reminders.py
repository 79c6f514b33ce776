"""Keeping entries current: the daily reminder command and the 18-month flag."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from organisations.models import Organisation
from organisations.services import confirmation_reminders_send
from tests.conftest import Cast
from tests.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def age(organisation: Organisation, days: int) -> None:
    then = timezone.now() - days * DAY
    Organisation.objects.filter(pk=organisation.pk).update(
        last_confirmed_at=then, published_at=then
    )


def test_owners_of_entries_unconfirmed_for_a_year_are_reminded(cast: Cast) -> None:
    age(cast.organisation, 370)
    age(cast.other_organisation, 200)
    output = io.StringIO()
    call_command("send_confirmation_reminders", stdout=output)
    assert output.getvalue().strip() == "Sent 1 reminder(s)."
    assert [m.to for m in mail.outbox] == [[cast.owner.email]]
    assert "Brücke e.V." in mail.outbox[0].subject
    assert f"/de/manage/{cast.organisation.slug}/" in mail.outbox[0].body
    cast.organisation.refresh_from_db()
    assert cast.organisation.confirmation_reminded_at is not None


def test_each_entry_is_reminded_at_most_once_a_month(cast: Cast) -> None:
    age(cast.organisation, 400)
    now = timezone.now()
    assert confirmation_reminders_send(now=now) == 1
    assert confirmation_reminders_send(now=now + 10 * DAY) == 0
    assert confirmation_reminders_send(now=now + 29 * DAY) == 0
    assert confirmation_reminders_send(now=now + 31 * DAY) == 1
    assert len(mail.outbox) == 2


def test_confirming_stops_the_reminders(cast: Cast, client_for) -> None:
    age(cast.organisation, 400)
    client_for(cast.owner).post(f"/en/manage/{cast.organisation.slug}/confirm/")
    assert confirmation_reminders_send() == 0
    assert mail.outbox == []


def test_entries_without_owner_and_unpublished_entries_get_no_reminder(cast: Cast) -> None:
    orphan = OrganisationFactory(districts=[cast.district])
    age(orphan, 400)
    draft = OrganisationFactory(status=Organisation.Status.DRAFT)
    MembershipFactory(organisation=draft)
    age(draft, 400)
    assert confirmation_reminders_send() == 0


def test_after_18_months_the_entry_is_flagged_publicly_and_in_the_queue(
    cast: Cast, client_for
) -> None:
    age(cast.organisation, 560)
    cast.organisation.refresh_from_db()
    assert cast.organisation.may_be_outdated
    queue = client_for(cast.staff).get("/en/review/")
    outdated = next(s for s in queue.context["sections"] if s.key == "outdated")
    assert outdated.items == [cast.organisation]
    assert not next(
        s
        for s in client_for(cast.other_staff).get("/en/review/").context["sections"]
        if s.key == "outdated"
    ).items


def test_at_17_months_the_entry_is_not_flagged(cast: Cast) -> None:
    age(cast.organisation, 510)
    cast.organisation.refresh_from_db()
    assert not cast.organisation.may_be_outdated
