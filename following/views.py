"""Following: the buttons on the pages of what one can follow, the page "What I follow" and the
unsubscribe link of the digests, which works without logging in."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from following import access, services
from following.forms import DigestSettingForm, DistrictFollowForm
from following.models import DigestSetting, Follow
from following.tokens import user_for_token
from migra_hub.http import AuthenticatedHttpRequest
from migra_hub.ratelimit import is_rate_limited
from organisations.models import District

# Following is cheap to click; this many changes an hour keep a script from churning rows.
CHANGES_PER_HOUR = 120


def _back(request: HttpRequest) -> HttpResponse:
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return redirect(target)
    return redirect("following:mine")


def _too_often(request: AuthenticatedHttpRequest) -> bool:
    if is_rate_limited("follow", str(request.user.pk), limit=CHANGES_PER_HOUR, period=3600):
        messages.error(request, _("You changed what you follow very often. Please wait a while."))
        return True
    return False


@login_required
@require_POST
def follow(request: AuthenticatedHttpRequest, kind: str) -> HttpResponse:
    target = access.followable(kind, request.POST.get("key", ""))
    if not _too_often(request):
        services.follow_add(user=request.user, target=target)
        messages.success(request, _("You follow this now. You will find it under “What I follow”."))
    return _back(request)


@login_required
@require_POST
def unfollow(request: AuthenticatedHttpRequest, kind: str) -> HttpResponse:
    follows = access.own_follows(request.user, kind, request.POST.get("key", ""))
    if not _too_often(request):
        services.follow_remove(user=request.user, follows=follows)
        messages.success(request, _("You no longer follow this."))
    return _back(request)


@login_required
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def following_mine(request: AuthenticatedHttpRequest) -> HttpResponse:
    setting = DigestSetting.objects.filter(user=request.user).first()
    frequency = setting.frequency if setting else DigestSetting.Frequency.WEEKLY
    form = DigestSettingForm(
        request.POST if request.method == "POST" else None, initial={"frequency": frequency}
    )
    if request.method == "POST" and form.is_valid():
        services.digest_setting_change(user=request.user, frequency=form.cleaned_data["frequency"])
        messages.success(request, _("Your choice has been saved."))
        return redirect("following:mine")
    follows = list(
        Follow.objects.of(request.user).select_related("organisation", "network", "district")
    )
    districts = (
        District.objects.select_related("city")
        .exclude(followers__user=request.user)
        .order_by("city__name", "name")
    )
    return render(
        request,
        "following/following_mine.html",
        {
            "form": form,
            "follows": follows,
            "district_form": DistrictFollowForm(districts=districts),
            "follows_exchange": any(f.kind == Follow.Kind.EXCHANGE for f in follows),
        },
    )


@csrf_exempt  # mail programs POST the one-click unsubscribe without a form of ours (RFC 8058)
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    user = user_for_token(token)
    if user is None:
        raise Http404
    done = request.method == "POST"
    if done:
        services.digest_unsubscribe(user=user)
    return render(
        request,
        "following/unsubscribe.html",
        {
            "done": done,
            "action": reverse("following:unsubscribe", kwargs={"token": token}),
        },
    )
