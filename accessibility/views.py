from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_safe

from accessibility.forms import FeedbackForm
from accessibility.services import feedback_send
from migra_hub.ratelimit import client_ip, is_rate_limited

FEEDBACK_THANKS = _(
    "Thank you for your feedback. We will look into it and answer you if you gave us your "
    "e-mail address."
)
FEEDBACK_TOO_MANY = _(
    "You have sent many messages in a short time. Please try again in an hour, or write to us "
    "by e-mail."
)


def _contact() -> dict[str, Any]:
    return {
        "contact_email": settings.ACCESSIBILITY_CONTACT_EMAIL,
        "contact_name": settings.ACCESSIBILITY_CONTACT_NAME,
        "contact_phone": settings.ACCESSIBILITY_CONTACT_PHONE,
        "contact_address": settings.ACCESSIBILITY_CONTACT_ADDRESS,
    }


@require_safe
def statement(request: HttpRequest) -> HttpResponse:
    context = {
        **_contact(),
        "site_url": settings.SITE_URL,
        "statement_date": settings.ACCESSIBILITY_STATEMENT_DATE,
        "evaluation_date": settings.ACCESSIBILITY_EVALUATION_DATE,
        # Without a name of its own, the installation answers to the federal arbitration board.
        "enforcement_is_federal": not settings.ACCESSIBILITY_ENFORCEMENT_NAME,
        "enforcement_name": settings.ACCESSIBILITY_ENFORCEMENT_NAME,
        "enforcement_url": settings.ACCESSIBILITY_ENFORCEMENT_URL,
        "enforcement_email": settings.ACCESSIBILITY_ENFORCEMENT_EMAIL,
        "enforcement_phone": settings.ACCESSIBILITY_ENFORCEMENT_PHONE,
        "enforcement_address": settings.ACCESSIBILITY_ENFORCEMENT_ADDRESS,
        "sign_language_video_url": settings.SIGN_LANGUAGE_VIDEO_URL,
    }
    return render(request, "accessibility/statement.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
def feedback(request: HttpRequest) -> HttpResponse:
    status = 200
    if request.method != "POST":
        form = FeedbackForm(initial={"page": request.GET.get("page", "")[:500]})
    else:
        form = FeedbackForm(request.POST)
        limit = settings.ACCESSIBILITY_FEEDBACK_LIMIT_PER_IP
        if is_rate_limited("accessibility-feedback", client_ip(request), limit=limit, period=3600):
            form.add_error(None, FEEDBACK_TOO_MANY)
            status = 429
        elif form.is_valid():
            feedback_send(**form.cleaned_data, language=get_language())
            messages.success(request, FEEDBACK_THANKS)
            return redirect("accessibility")
    return render(
        request, "accessibility/feedback_form.html", {"form": form, **_contact()}, status=status
    )


@require_safe
def easy_read(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "accessibility/easy_read.html",
        {
            **_contact(),
            "enforcement_is_federal": not settings.ACCESSIBILITY_ENFORCEMENT_NAME,
            "sign_language_video_url": settings.SIGN_LANGUAGE_VIDEO_URL,
        },
    )


@require_safe
def sign_language(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "accessibility/sign_language.html",
        {**_contact(), "sign_language_video_url": settings.SIGN_LANGUAGE_VIDEO_URL},
    )
