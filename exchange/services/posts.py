"""Posting, answering, matching or closing, and hiding exchange posts."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from exchange import access
from exchange.models import LONGEST_RUNTIME, Answer, Post
from migra_hub.mail import Link, recipient, send_templated_mail
from networks.models import Network
from organisations.models import District, Organisation, OrganisationMembership

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class ExchangeError(Exception):
    """A step that the post's current state does not allow (it was matched meanwhile, say)."""


@dataclass(frozen=True)
class PostData:
    kind: str
    category: str
    title: str
    text: str
    districts: tuple[District, ...]
    audience: str
    networks: tuple[Network, ...]
    ends_on: datetime.date


def latest_end(today: datetime.date | None = None) -> datetime.date:
    return (today or timezone.localdate()) + LONGEST_RUNTIME


def validate_post_data(data: PostData, *, organisation: Organisation) -> None:
    """The rules every post keeps, whoever creates it (the form shows them next to the
    fields; the admin and the demo data come through here too)."""
    errors: dict[str, StrOrPromise] = {}
    today = timezone.localdate()
    if data.ends_on < today:
        errors["ends_on"] = _("The end date must not be in the past.")
    elif data.ends_on > latest_end(today):
        errors["ends_on"] = _("A post runs for three months at most.")
    if not data.districts:
        errors["districts"] = _("Choose at least one district.")
    shareable = set(
        access.shareable_networks(Organisation.objects.filter(pk=organisation.pk)).values_list(
            "pk", flat=True
        )
    )
    if any(network.pk not in shareable for network in data.networks):
        errors["networks"] = _("Share only with networks your organisation is a member of.")
    elif data.audience == Post.Audience.NETWORKS and not data.networks:
        errors["networks"] = _("Choose the networks to share the post with.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def post_create(*, organisation: Organisation, user: User, data: PostData) -> Post:
    if not access.posting_organisations(user).filter(pk=organisation.pk).exists():
        raise PermissionDenied
    validate_post_data(data, organisation=organisation)
    post = Post(
        organisation=organisation,
        author=user,
        kind=data.kind,
        category=data.category,
        title=data.title,
        text=data.text,
        audience=data.audience,
        ends_on=data.ends_on,
    )
    post.full_clean()
    post.save()
    post.districts.set(data.districts)
    post.networks.set(data.networks)
    return post


def _locked(post: Post) -> Post:
    return Post.objects.select_for_update().select_related("organisation").get(pk=post.pk)


@transaction.atomic
def answer_create(
    *, post: Post, organisation: Organisation, user: User, message: str, contact: str
) -> Answer:
    """Store the answer and e-mail it to the posting organisation's owners, each in their
    language. The mail carries what the answerer wrote, never an address of the owners: it
    comes from the site and has no reply-to."""
    post = _locked(post)
    visible = Post.objects.visible_to(user).filter(pk=post.pk).exists()
    if (
        not visible
        or not access.answering_organisations(user, post).filter(pk=organisation.pk).exists()
    ):
        raise PermissionDenied
    if not post.is_current:
        raise ExchangeError(_("This post takes no more answers."))
    answer = Answer(
        post=post,
        organisation=organisation,
        author=user,
        author_name=str(user),
        message=message,
        contact=contact,
    )
    answer.full_clean()
    answer.save()
    owners = User.objects.filter(
        organisation_memberships__organisation=post.organisation,
        organisation_memberships__role=OrganisationMembership.Role.OWNER,
        is_active=True,
    ).order_by("pk")
    send_templated_mail(
        "exchange/email/answer",
        [recipient(owner) for owner in owners],
        {
            "post": post,
            "answer": answer,
            "post_url": Link("exchange:detail", {"pk": post.pk}),
        },
    )
    return answer


@transaction.atomic
def post_finish(*, post: Post, user: User, status: str) -> Post:
    """The author's organisation marks the post matched or closes it."""
    if status not in (Post.Status.MATCHED, Post.Status.CLOSED):
        raise ValueError(status)
    post = _locked(post)
    if not access.acts_for(user, post):
        raise PermissionDenied
    if post.status != Post.Status.OPEN:
        raise ExchangeError(_("This post has already been matched or closed."))
    post.status = status
    post.finished_at = timezone.now()
    post.save(update_fields=["status", "finished_at"])
    return post


@transaction.atomic
def post_hide(*, post: Post, user: User, reason: str) -> Post:
    """Staff hide an abusive post: nobody but its organisation and staff sees it any more,
    and who hid it, when and why stays with it."""
    post = _locked(post)
    if not access.can_moderate(user, post):
        raise PermissionDenied
    if post.is_hidden:
        raise ExchangeError(_("This post is hidden already."))
    if not reason.strip():
        raise ValidationError({"hidden_reason": _("Say why the post is hidden.")})
    post.hidden_at = timezone.now()
    post.hidden_by = user
    post.hidden_by_name = str(user)
    post.hidden_reason = reason.strip()
    post.save(update_fields=["hidden_at", "hidden_by", "hidden_by_name", "hidden_reason"])
    return post
