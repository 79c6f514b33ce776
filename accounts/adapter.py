"""django-allauth hooks: an account keeps the language it was created in, allauth's mails
(address confirmation, password reset) are written in the account's language, failed logins
lock out the attacker's IP, not the account, and staff land on their own home after logging in."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.internal.ratelimit import get_ip
from django.http import HttpRequest
from django.utils import translation

from accounts.landing import landing_url
from accounts.models import User
from migra_hub.mail import interface_language


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request: HttpRequest) -> str:
        """Staff land on their home; an explicit ``?next=`` still wins (allauth asks here only
        without one)."""
        return landing_url(request.user) or super().get_login_redirect_url(request)  # type: ignore[arg-type]

    def save_user(self, request: HttpRequest, user: User, form: Any, commit: bool = True) -> User:
        user.language = interface_language(translation.get_language())
        return super().save_user(request, user, form, commit=commit)

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        user = context.get("user")
        language = getattr(user, "language", "") or translation.get_language()
        with translation.override(interface_language(language)):
            super().send_mail(template_prefix, email, context)

    def _get_login_attempts_cache_key(self, request: HttpRequest, **credentials: Any) -> str:
        """Count failed logins per address *and* client IP (allauth: per address alone).

        Keyed by the address only, five wrong passwords from anywhere would lock the account
        for its holder too. This way an attacker locks out only themselves; the per-IP limit
        of ``ACCOUNT_RATE_LIMITS["login_failed"]`` still caps one IP across all addresses.
        """
        return f"{super()._get_login_attempts_cache_key(request, **credentials)}:{get_ip(request)}"
