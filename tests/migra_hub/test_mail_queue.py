"""Mail is queued in the database with the action that sends it and delivered by a worker: a
mail server that is down delays mail, breaks no action and loses nothing."""

from __future__ import annotations

import datetime
import smtplib
import socket
from collections.abc import Iterator

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings
from mailer.models import PRIORITY_DEFERRED, PRIORITY_MEDIUM, RESULT_FAILURE, Message, MessageLog

from accounts.models import User
from migra_hub.mail import Recipient, send_templated_mail
from migra_hub.mail_queue import failure_text, requeue_due
from organisations.models import Organisation
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOCMEM = "django.core.mail.backends.locmem.EmailBackend"
SMTP = "django.core.mail.backends.smtp.EmailBackend"


def closed_port() -> int:
    """A local port nobody listens on: connecting to it is refused at once."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def mail_server_down() -> Iterator[None]:
    """The production set-up (mail queued in the database, SMTP delivery) with an SMTP server
    that refuses every connection. Each test's worker runs alone: no lock file."""
    with override_settings(
        EMAIL_BACKEND="mailer.backend.DbBackend",
        MAILER_EMAIL_BACKEND=SMTP,
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=closed_port(),
        EMAIL_USE_TLS=False,
        EMAIL_TIMEOUT=2,
        MAILER_USE_FILE_LOCK=False,
    ):
        yield


def feedback(**overrides: str) -> dict[str, str]:
    return {
        "message": "Die Karte lässt sich nicht mit der Tastatur bedienen.",
        "page": "/de/organisations/",
        "name": "Amal Haddad",
        "email": "amal@example.org",
        **overrides,
    }


def queue(*addresses: str) -> None:
    send_templated_mail(
        "accessibility/email/feedback",
        [Recipient(email=address, language="de") for address in addresses],
        feedback(),
    )


def test_an_action_succeeds_while_the_mail_server_is_down_and_its_mail_stays_queued(
    client: Client, mail_server_down: None
) -> None:
    response = client.post("/de/accessibility/feedback/", feedback())
    assert response.status_code == 302

    call_command("send_queued_mail")

    message = Message.objects.get()
    assert message.priority == PRIORITY_DEFERRED
    assert message.to_addresses == ["barrierefreiheit@migra-hub.invalid"]
    failure = MessageLog.objects.get()
    assert failure.result == RESULT_FAILURE
    assert "ConnectionRefusedError" in failure.log_message
    assert failure.message_data is None  # the log keeps no copy of the mail


def test_once_the_server_is_back_every_queued_mail_is_delivered_exactly_once(
    mail_server_down: None, settings: object
) -> None:
    queue("a@example.org", "b@example.org", "c@example.org")
    call_command("send_queued_mail")
    assert Message.objects.deferred().count() == 3

    with override_settings(MAILER_EMAIL_BACKEND=LOCMEM, MAIL_RETRY_FIRST_SECONDS=0):
        call_command("send_queued_mail")
        call_command("send_queued_mail")

    assert sorted(sent.to[0] for sent in mail.outbox) == [
        "a@example.org",
        "b@example.org",
        "c@example.org",
    ]
    assert not Message.objects.exists()


def test_a_rolled_back_action_queues_no_mail(mail_server_down: None) -> None:
    with pytest.raises(RuntimeError), transaction.atomic():
        queue("a@example.org")
        raise RuntimeError("the action failed after its mail was written")
    assert not Message.objects.exists()


def test_deferred_mail_is_retried_after_pauses_that_double() -> None:
    added = datetime.datetime(2026, 3, 1, 12, 0, tzinfo=datetime.UTC)
    message = Message.objects.create(
        message_data="", when_added=added, priority=PRIORITY_DEFERRED, retry_count=0
    )

    assert requeue_due(added + datetime.timedelta(seconds=59)) == 0
    assert requeue_due(added + datetime.timedelta(seconds=60)) == 1
    message.refresh_from_db()
    assert (message.priority, message.retry_count) == (PRIORITY_MEDIUM, 1)

    message.defer()  # the first retry failed too: the next one comes two minutes later
    assert requeue_due(added + datetime.timedelta(seconds=179)) == 0
    assert requeue_due(added + datetime.timedelta(seconds=180)) == 1


def test_mail_out_of_retries_is_not_retried_and_waits_for_staff(settings: object) -> None:
    message = Message.objects.create(message_data="", priority=PRIORITY_DEFERRED, retry_count=12)
    assert requeue_due(message.when_added + datetime.timedelta(days=365)) == 0
    message.refresh_from_db()
    assert message.priority == PRIORITY_DEFERRED


def test_a_mail_that_cannot_be_built_is_deferred_and_the_others_still_go(
    mail_server_down: None,
) -> None:
    # Written past send_templated_mail, which never lets a line break into a subject.
    EmailMessage("Broken\nBcc: intruder@example.org", "Text", to=["a@example.org"]).send()
    queue("b@example.org")

    with override_settings(MAILER_EMAIL_BACKEND=LOCMEM):
        call_command("send_queued_mail")

    assert [sent.to for sent in mail.outbox] == [["b@example.org"]]
    broken = Message.objects.get()
    assert broken.priority == PRIORITY_DEFERRED
    assert "BadHeaderError" in MessageLog.objects.get(result=RESULT_FAILURE).log_message


def test_attachments_travel_through_the_queue(mail_server_down: None) -> None:
    message = EmailMessage("Termin", "Im Anhang.", to=["a@example.org"])
    message.attach("termin.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")
    message.send()

    with override_settings(MAILER_EMAIL_BACKEND=LOCMEM):
        call_command("send_queued_mail")

    (sent,) = mail.outbox
    assert sent.attachments[0][0] == "termin.ics"
    assert sent.attachments[0][2] == "text/calendar"


def test_a_line_break_in_a_name_never_reaches_the_subject() -> None:
    organisation = Organisation(name="Nachbarschaft\r\nBcc: intruder@example.org\nX")

    send_templated_mail(
        "organisations/email/invitation",
        [Recipient(email="a@example.org", language="de")],
        {"organisation": organisation, "invited_by": None, "url": ""},
    )

    (sent,) = mail.outbox
    assert "\n" not in sent.subject and "\r" not in sent.subject
    assert "Nachbarschaft Bcc: intruder@example.org X" in sent.subject
    built = sent.message()  # Django refuses a header with a line break (BadHeaderError)
    assert built["Bcc"] is None
    assert sent.recipients() == ["a@example.org"]


def test_staff_see_failed_mails_in_the_admin_and_can_send_them_again(
    client: Client, superuser: User
) -> None:
    failed = Message.objects.create(message_data="", priority=PRIORITY_DEFERRED, retry_count=12)
    waiting = Message.objects.create(message_data="", priority=PRIORITY_MEDIUM)
    client.force_login(superuser)

    listing = client.get("/de/admin/mailer/message/?delivery=failed")
    assert listing.status_code == 200
    assert list(listing.context["cl"].result_list) == [failed]
    assert client.get(f"/de/admin/mailer/message/{failed.pk}/change/").status_code == 200

    response = client.post(
        "/de/admin/mailer/message/",
        {"action": "send_again", "_selected_action": [failed.pk, waiting.pk]},
    )
    assert response.status_code == 302
    failed.refresh_from_db()
    assert failed.priority == PRIORITY_MEDIUM


def test_people_without_staff_rights_do_not_see_the_mail_queue(client: Client) -> None:
    client.force_login(UserFactory())
    response = client.get("/de/admin/mailer/message/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_a_refused_recipient_is_logged_without_the_address() -> None:
    refused = smtplib.SMTPRecipientsRefused(
        {"amal@example.org": (550, b"5.1.1 mailbox unavailable")}
    )
    text = failure_text(refused)
    assert text == "SMTPRecipientsRefused: 550 5.1.1 mailbox unavailable"
    assert "amal" not in text
