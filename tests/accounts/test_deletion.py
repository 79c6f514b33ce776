"""Deleting an account leaves the person's e-mail addresses and name nowhere in the database,
and tells them exactly what stayed and why."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.core import mail
from django.db import models
from django.test import Client

from accounts.models import User
from events.models import Registration
from networks.models import MembershipChange, Network
from organisations.models import Invitation, Organisation, ProblemReport, ReviewDecision
from tests.accounts.conftest import EMAIL, NAME, OTHER_EMAIL, Life
from tests.conftest import Cast
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField)


def rows_mentioning(needle: str) -> list[str]:
    """Every text, character and JSON column of every model that contains ``needle``."""
    found = []
    for model in apps.get_models():
        if model._meta.proxy:
            continue
        for field in model._meta.concrete_fields:
            if not isinstance(field, TEXT_FIELDS):
                continue
            hits = model._default_manager.filter(**{f"{field.name}__icontains": needle})
            found += [f"{model._meta.label}.{field.name} #{pk}" for pk in hits.values_list("pk")]
    return found


def delete_account(client: Client) -> None:
    response = client.post("/en/accounts/delete/", {"password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/deleted/"


def test_the_search_finds_the_person_everywhere_before_the_deletion(life: Life) -> None:
    # The introspecting search works: these are the copies the deletion has to remove.
    found = rows_mentioning(EMAIL) + rows_mentioning(OTHER_EMAIL) + rows_mentioning(NAME)
    for column in (
        "accounts.User.email",
        "account.EmailAddress.email",
        "organisations.Invitation.email",
        "organisations.ProblemReport.reporter_email",
        "organisations.ReviewDecision.message",
        "organisations.Organisation.email",
        "organisations.HistoricalOrganisation.email",
        "networks.MembershipChange.actor_name",
        "networks.NetworkNote.author_name",
        "networks.Network.contact_email",
        "events.Registration.email",
        "events.Registration.name",
        "events.Event.contact_email",
        "admin.LogEntry.object_repr",
    ):
        assert any(hit.startswith(column + " ") for hit in found), column


@pytest.fixture
def queued_mail(settings) -> None:  # type: ignore[no-untyped-def]
    """Mail goes to the database queue, as in production (tests otherwise use memory)."""
    settings.EMAIL_BACKEND = "mailer.backend.DbBackend"


def queued_mail_mentioning(needle: str) -> list[int]:
    """The queue stores mails pickled and base64-encoded: read each one back."""
    from mailer.models import Message

    return [
        message.pk
        for message in Message.objects.all()
        if needle.lower() in message.email.message().as_string().lower()
    ]


def test_after_the_deletion_neither_address_nor_name_is_stored_anywhere(
    queued_mail: None, life: Life, client_for
) -> None:
    assert queued_mail_mentioning(EMAIL)  # e.g. the decision about the person's claim
    elsewhere = client_for(life.person)  # another browser, still logged in
    delete_account(client_for(life.person))

    for needle in (EMAIL, OTHER_EMAIL, NAME):
        assert rows_mentioning(needle) == []
        assert queued_mail_mentioning(needle) == []
    assert not User.objects.filter(pk=life.person.pk).exists()
    assert elsewhere.get("/en/accounts/privacy/").status_code == 302  # logged out everywhere
    # Mail to other people stays in the queue.
    from mailer.models import Message

    assert Message.objects.exists()


def test_what_belongs_to_others_stays_without_the_person(
    cast: Cast, life: Life, client_for, django_capture_on_commit_callbacks
) -> None:
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        delete_account(client_for(life.person))

    upcoming = Registration.objects.get(pk=life.upcoming.pk)
    assert upcoming.status == Registration.Status.CANCELLED
    assert upcoming.anonymised_at is not None
    # The freed seat went to the waiting list; the person got no mail, the promoted one did.
    assert Registration.objects.get(pk=life.waiting.pk).status == Registration.Status.CONFIRMED
    assert [message.to for message in mail.outbox] == [[life.waiting.email]]
    colleague = Registration.objects.get(pk=life.for_colleague.pk)
    assert colleague.registered_by is None
    assert colleague.email == life.for_colleague.email

    own = Organisation.objects.get(name="Quenby Hilfe")
    assert own.owner_left_at is not None and own.email == ""
    assert ProblemReport.objects.filter(organisation=cast.other_organisation).get().message
    decision = ReviewDecision.objects.get(action=ReviewDecision.Action.CLAIM_DECLINED)
    assert decision.message == "Not shown"
    change = MembershipChange.objects.get(message="We would like to join.")
    assert change.actor is None and change.actor_name == ""
    assert Invitation.objects.filter(email="colleague@example.org", invited_by=None).exists()
    about_person = LogEntry.objects.get(content_type__model="user", object_id=str(life.person.pk))
    assert about_person.object_repr == "–"


def test_the_confirmation_says_what_stayed_and_why(cast: Cast, life: Life, client_for) -> None:
    client = client_for(life.person)
    delete_account(client)

    response = client.get("/en/accounts/deleted/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Your account is deleted" in page
    assert "all personal data" not in page
    kept = [item["what"] for item in response.context["kept"]]
    assert kept == [
        "The entry Quenby Hilfe, of which you were the last owner.",
        "1 problem report you sent, without your address.",
        "1 decision of district staff about your claim of an entry, without your address.",
        "1 decision you took as district staff, shown as “deleted account”.",
        "1 version of an entry or offer you saved, shown as “deleted account”.",
        "1 change you made to network memberships, shown as “deleted account”.",
        "1 note you wrote for a network, without your name.",
        "Your sign-up for 1 past event, as an anonymous count of seats and needs.",
        "1 sign-up you made for somebody else, without your name.",
        "1 event you created, without your name.",
    ]
    assert "Organisers keep the number of participants of their past events." in page
    # Shown once: a reload does not show it again.
    assert client.get("/en/accounts/deleted/").status_code == 302


def test_the_confirmation_page_without_a_deletion_goes_home(client: Client) -> None:
    response = client.get("/en/accounts/deleted/")
    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_the_deleted_persons_history_shows_deleted_account(
    cast: Cast, life: Life, client_for
) -> None:
    network = Network.objects.get(curators=life.person)
    network.curators.add(cast.staff)
    delete_account(client_for(life.person))

    page = client_for(cast.staff).get(f"/en/networks/{network.slug}/history/")
    assert page.status_code == 200
    assert "deleted account" in page.content.decode()
    assert NAME not in page.content.decode()


def test_the_mail_log_forgets_the_person(life: Life, client_for) -> None:
    from django.core.mail import EmailMessage
    from django.utils import timezone
    from mailer.models import PRIORITY_MEDIUM, RESULT_FAILURE, MessageLog, email_to_db

    now = timezone.now()
    log = MessageLog.objects.create(
        message_data=email_to_db(EmailMessage("Hello", "Body", to=[f"{NAME} <{EMAIL}>"])),
        when_added=now,
        priority=PRIORITY_MEDIUM,
        result=RESULT_FAILURE,
        log_message=f"550 5.1.1 <{EMAIL.upper()}>: mailbox unavailable",
    )
    delete_account(client_for(life.person))

    log.refresh_from_db()
    assert log.message_data is None
    assert log.log_message == "550 5.1.1 <–>: mailbox unavailable"
