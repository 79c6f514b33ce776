"""Privacy pages of the account: see and download one's data, delete the account."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.forms import AccountDeleteForm
from accounts.privacy import personal_data
from accounts.services import account_delete
from migra_hub.http import AuthenticatedHttpRequest


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
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def delete(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = AccountDeleteForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        account_delete(user=user)
        messages.success(request, _("Your account and your personal data are deleted."))
        return redirect("home")
    return render(request, "accounts/account_delete.html", {"form": form})
