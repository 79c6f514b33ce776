"""Feedback on barriers goes by e-mail to the contact the accessibility statement names."""

from __future__ import annotations

from django.conf import settings

from migra_hub.mail import Recipient, send_templated_mail


def feedback_send(*, message: str, page: str, name: str, email: str, language: str) -> None:
    """Mail the feedback to ACCESSIBILITY_CONTACT_EMAIL, in German (the binding language).

    An answer goes to the sender's address when they gave one (Reply-To); nothing is stored.
    """
    contact = Recipient(email=settings.ACCESSIBILITY_CONTACT_EMAIL, language=settings.LANGUAGE_CODE)
    send_templated_mail(
        "accessibility/email/feedback",
        [contact],
        {
            "message": message,
            "page": page,
            "name": name,
            "email": email,
            "page_language": language,
        },
        reply_to=[email] if email else [],
    )
