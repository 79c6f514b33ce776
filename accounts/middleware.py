"""Account security for every request: a second factor before personal data, and no caching of
account pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from accounts.security import needs_second_factor

# What a person who must set up a second factor may still open: the set-up itself (allauth's
# "mfa_*" pages, with the password check and the e-mail verification it may ask for first),
# logging out and choosing a language. Static files never reach a view (WhiteNoise).
OPEN_WITHOUT_SECOND_FACTOR = {
    "account_logout",
    "account_reauthenticate",
    "account_email",
    "account_confirm_email",
    "account_email_verification_sent",
    "set_language",
    "healthz",
}

# Pages that show the person's own account data: never stored by browsers or proxies.
PRIVATE_ACCOUNT_PAGES = ("account_", "mfa_", "accounts:")


class SecondFactorRequiredMiddleware:
    """Send staff without a second factor to its set-up, from every page but the few above.

    A middleware rather than a decorator: the rule must hold for every view, including the
    admin, allauth's and those written later, and a forgotten decorator would leak silently.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Callable[..., Any], args: Any, kwargs: Any
    ) -> HttpResponse | None:
        if not request.user.is_authenticated:
            return None
        name = request.resolver_match.url_name if request.resolver_match else None
        if name is None or name in OPEN_WITHOUT_SECOND_FACTOR or name.startswith("mfa_"):
            return None
        if not needs_second_factor(request.user):  # type: ignore[arg-type]
            return None
        messages.warning(
            request,
            _(
                "Your account lets you see other people's personal data. Please protect it "
                "with a second factor before you continue: an authenticator app on your phone "
                "or a security key. You will then log in with your password and a code."
            ),
        )
        return redirect("mfa_index")


class PrivateAccountPagesMiddleware:
    """``Cache-Control: private, no-store`` on the account's own pages (e-mail addresses,
    password, second factors, the data download), so that no shared cache or back button on a
    shared computer shows them to somebody else."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        match = request.resolver_match
        if match is not None and match.view_name.startswith(PRIVATE_ACCOUNT_PAGES):
            patch_cache_control(response, private=True, no_store=True)
        return response
