"""The page of searches that found nothing, for city-wide staff: where the directory's
vocabulary should grow."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from organisations.access import is_city_staff
from organisations.services import unanswered_searches

DAYS = 30


@require_safe
@never_cache
@login_required
def unanswered_searches_page(request: HttpRequest) -> HttpResponse:
    if not is_city_staff(request.user):
        raise PermissionDenied
    context = {"searches": unanswered_searches(days=DAYS), "days": DAYS}
    return render(request, "organisations/unanswered_searches.html", context)
