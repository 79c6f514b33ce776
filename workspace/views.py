"""The staff workspace's pages."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from migra_hub.http import AuthenticatedHttpRequest
from organisations.services import reviewer_mail_frequency, reviewer_mail_set
from workspace.access import require_reviewer
from workspace.forms import MailSettingForm
from workspace.home import staff_home


def _home(
    request: AuthenticatedHttpRequest, form: MailSettingForm, status: int = 200
) -> HttpResponse:
    context = {"home": staff_home(request.user), "mail_form": form}
    return render(request, "workspace/home.html", context, status=status)


@login_required
@never_cache
@require_safe
def home(request: AuthenticatedHttpRequest) -> HttpResponse:
    require_reviewer(request.user)
    form = MailSettingForm(initial={"frequency": reviewer_mail_frequency(request.user)})
    return _home(request, form)


@login_required
@require_POST
def mail_setting(request: AuthenticatedHttpRequest) -> HttpResponse:
    require_reviewer(request.user)
    form = MailSettingForm(request.POST)
    if not form.is_valid():
        return _home(request, form, status=400)
    reviewer_mail_set(user=request.user, frequency=form.cleaned_data["frequency"])
    messages.success(request, _("Your e-mail setting is saved."))
    return redirect("workspace:home")
