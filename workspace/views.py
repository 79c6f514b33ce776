"""The staff workspace's pages."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from migra_hub.http import AuthenticatedHttpRequest
from workspace.access import require_reviewer
from workspace.home import staff_home


@login_required
@never_cache
@require_safe
def home(request: AuthenticatedHttpRequest) -> HttpResponse:
    require_reviewer(request.user)
    return render(request, "workspace/home.html", {"home": staff_home(request.user)})
