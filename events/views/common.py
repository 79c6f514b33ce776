"""What the events app's views share: the access decorator, the page language, .ics answers."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect
from django.utils.translation import get_language

from events import access

# Pages and downloads (a file is a streaming response, not an HttpResponse).
HttpResponseType = TypeVar("HttpResponseType", bound=HttpResponseBase)


def access_checked(
    view: Callable[..., HttpResponseType],
) -> Callable[..., HttpResponseType | HttpResponseRedirect]:
    """Turn ``access.LoginRequired`` into a redirect to the login page."""

    @functools.wraps(view)
    def wrapper(
        request: HttpRequest, *args: Any, **kwargs: Any
    ) -> HttpResponseType | HttpResponseRedirect:
        try:
            return view(request, *args, **kwargs)
        except access.LoginRequired:
            return redirect_to_login(request.get_full_path())

    return wrapper


def page_language() -> str:
    return (get_language() or settings.LANGUAGE_CODE)[:2]


def ics_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
