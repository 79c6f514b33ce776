"""Limits every request meets before a view sees it: a body size and no NUL bytes.

No view of ours has a use for a NUL byte, and PostgreSQL refuses one in any text value: a NUL in
a search box, a token or a form field would otherwise end as a server error deep in a query.
Bodies larger than ``REQUEST_MAX_BYTES`` are refused from their ``Content-Length`` alone, before
anything reads them (Django's own limit ignores files); views that take files
(``migra_hub.files.accepts_upload``) accept ``UPLOAD_MAX_BYTES`` more.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, QueryDict
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from migra_hub.files import upload_request_max_bytes

NUL = "\x00"
FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")

TOO_LARGE = _("The request is too large. Please send less data at once.")
NUL_BYTE = _("The request contains a character that is not allowed (a NUL byte).")


def content_length(request: HttpRequest) -> int:
    """The announced body size; like Django, a missing or malformed header counts as 0."""
    try:
        return max(int(request.META.get("CONTENT_LENGTH") or 0), 0)
    except ValueError:
        return 0


def takes_uploads(request: HttpRequest) -> bool:
    """The view of this path is marked ``accepts_upload``. The language middleware has not run
    yet, so the path is resolved in the language its prefix names."""
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return False
    return bool(getattr(match.func, "accepts_upload", False))


def has_nul(data: QueryDict) -> bool:
    return any(NUL in key or any(NUL in value for value in data.getlist(key)) for key in data)


def has_nul_in_form(request: HttpRequest) -> bool:
    if request.method != "POST" or request.content_type not in FORM_CONTENT_TYPES:
        return False
    # Reading the form here is what CsrfViewMiddleware does a moment later anyway.
    return has_nul(request.POST)


def plain_response(request: HttpRequest, message: str | Promise, *, status: int) -> HttpResponse:
    """A short text in the language of the page asked for (the language prefix of its path)."""
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        text = str(message)
    return HttpResponse(text, status=status, content_type="text/plain; charset=utf-8")


class RequestLimitsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        size = content_length(request)
        if size > settings.REQUEST_MAX_BYTES and (
            size > upload_request_max_bytes() or not takes_uploads(request)
        ):
            return plain_response(request, TOO_LARGE, status=413)
        if NUL in request.path or has_nul(request.GET) or has_nul_in_form(request):
            return plain_response(request, NUL_BYTE, status=400)
        return self.get_response(request)
