"""Pages of the peer exchange. Every view is the same short script: look the post up through
``exchange.access`` (404 for what the user may not see, 403 for what they may see but not do),
bind the form, call the service, redirect.

Pages that show answers (people's messages and contacts) are ``never_cache``.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from exchange import access, services
from exchange.filters import PostFilter
from exchange.forms import AnswerForm, HideForm, PostForm
from exchange.models import Post
from migra_hub.http import AuthenticatedHttpRequest
from migra_hub.ratelimit import is_rate_limited
from organisations.models import District

PER_PAGE = 20
DAY = 24 * 3600


@require_safe
def post_list(request: HttpRequest) -> HttpResponse:
    posts = Post.objects.visible_to(request.user).current()
    post_filter = PostFilter(request.GET, queryset=posts)
    results = post_filter.qs.select_related("organisation").prefetch_related("districts")
    page = Paginator(results.order_by("-created_at", "-pk"), PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "exchange/post_list.html",
        {"filter": post_filter, "page": page, "can_post": access.can_post(request.user)},
    )


@never_cache
@login_required
def my_posts(request: AuthenticatedHttpRequest) -> HttpResponse:
    posts = (
        Post.objects.of_organisations_of(request.user)
        .select_related("organisation")
        .prefetch_related("districts")
        .order_by("-created_at", "-pk")
    )
    page = Paginator(posts, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "exchange/my_posts.html",
        {"page": page, "can_post": access.can_post(request.user)},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def post_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    organisations = access.posting_organisations(request.user)
    if not organisations.exists():
        raise PermissionDenied
    form = PostForm(
        request.POST if request.method == "POST" else None,
        organisations=organisations,
        districts=District.objects.order_by("name"),
        networks=access.shareable_networks(organisations),
    )
    if request.method == "POST" and form.is_valid():
        if is_rate_limited(
            "exchange-post",
            str(request.user.pk),
            limit=settings.EXCHANGE_POSTS_PER_DAY,
            period=DAY,
        ):
            form.add_error(None, _("You have posted a lot today. Please try again tomorrow."))
        else:
            try:
                post = services.post_create(
                    organisation=form.chosen_organisation(),
                    user=request.user,
                    data=form.post_data(),
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Your post is online."))
                return redirect(post)
    return render(request, "exchange/post_form.html", {"form": form})


@never_cache
@require_safe
def post_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    post = access.get_post(user, pk)
    author = access.acts_for(user, post)
    can_answer = user.is_authenticated and access.can_answer(user, post)
    return render(
        request,
        "exchange/post_detail.html",
        {
            "post": post,
            "districts": post.districts.order_by("name"),
            "networks": post.networks.order_by("name"),
            "is_author": author,
            "can_moderate": access.can_moderate(user, post),
            "answers": list(access.visible_answers(user, post, author=author))
            if user.is_authenticated
            else [],
            "answer_form": AnswerForm(organisations=access.answering_organisations(user, post))
            if can_answer
            else None,
        },
    )


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def answer_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    post = access.get_answerable_post(request.user, pk)
    form = AnswerForm(
        request.POST if request.method == "POST" else None,
        organisations=access.answering_organisations(request.user, post),
    )
    if request.method == "POST" and post.is_current and form.is_valid():
        if is_rate_limited(
            "exchange-answer",
            str(request.user.pk),
            limit=settings.EXCHANGE_ANSWERS_PER_HOUR,
            period=3600,
        ):
            form.add_error(None, _("You have sent many answers. Please try again in an hour."))
        else:
            try:
                services.answer_create(
                    post=post,
                    organisation=form.chosen_organisation(),
                    user=request.user,
                    message=form.cleaned_data["message"],
                    contact=form.cleaned_data["contact"],
                )
            except services.ExchangeError as error:
                messages.error(request, str(error))
            else:
                messages.success(
                    request, _("Your answer has been sent to the posting organisation.")
                )
            return redirect(post)
    return render(request, "exchange/answer_form.html", {"post": post, "form": form})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def post_finish(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    post = access.get_own_post(request.user, pk)
    status = request.POST.get("status", "")
    if request.method == "POST" and status in (Post.Status.MATCHED, Post.Status.CLOSED):
        try:
            services.post_finish(post=post, user=request.user, status=status)
        except services.ExchangeError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("The post is marked as matched.")
                if status == Post.Status.MATCHED
                else _("The post is closed."),
            )
        return redirect(post)
    return render(request, "exchange/post_finish.html", {"post": post})


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def post_hide(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    post = access.get_moderated_post(request.user, pk)
    form = HideForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.post_hide(post=post, user=request.user, reason=form.cleaned_data["reason"])
        except services.ExchangeError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The post is hidden."))
        return redirect(post)
    return render(request, "exchange/post_hide.html", {"post": post, "form": form})
