"""Privacy pages of the account: see and download one's data, delete the account."""

from __future__ import annotations

import json

from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from accounts.forms import AccountDeleteForm
from accounts.privacy import personal_data
from accounts.services import account_delete
from migra_hub.http import AuthenticatedHttpRequest

DELETED_SESSION_KEY = "account_deleted_kept"


@login_required
@require_http_methods(["GET", "HEAD"])
def privacy(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "accounts/account_privacy.html")


@login_required
@require_http_methods(["GET", "HEAD"])
def data_download(request: AuthenticatedHttpRequest) -> HttpResponse:
    data = {"exported_at": timezone.now().isoformat(), **personal_data(request.user)}
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    response["Content-Disposition"] = 'attachment; filename="migra-hub-my-data.json"'
    return response


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def delete(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = AccountDeleteForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        kept = account_delete(user=user)
        # The confirmation is shown once, to this browser only, after the redirect.
        request.session[DELETED_SESSION_KEY] = [{"what": k.what, "why": k.why} for k in kept]
        return redirect("accounts:deleted")
    return render(request, "accounts/account_delete.html", {"form": form})


@require_http_methods(["GET", "HEAD"])
def deleted(request: HttpRequest) -> HttpResponse:
    """What was deleted, and exactly what was kept and why."""
    if DELETED_SESSION_KEY not in request.session:
        return redirect("home")
    kept = request.session.pop(DELETED_SESSION_KEY)
    return render(request, "accounts/account_deleted.html", {"kept": kept})
