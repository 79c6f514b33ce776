"""Who may see and do what in the peer exchange. Every view asks here, never decides itself.

- Everyone sees the public posts of published organisations; posts shared only with networks
  are for the members of those networks. The posting organisation's owners and editors see
  all its posts, hidden and ended ones included.
- Only owners and editors of a published organisation post and answer (not to their own post).
- Staff of one of the post's districts, city-wide staff and site administrators hide a post;
  they see every post of their districts.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from exchange.models import Answer, Post
from networks.models import Network, NetworkMembership
from organisations.access import AnyUser, member_organisations
from organisations.models import Organisation


def posting_organisations(user: AnyUser) -> QuerySet[Organisation]:
    """The published organisations the user acts for: those may post and answer."""
    return (
        member_organisations(user)
        .filter(status=Organisation.Status.PUBLISHED)
        .order_by("name")
        .distinct()
    )


def can_post(user: AnyUser) -> bool:
    return posting_organisations(user).exists()


def acts_for(user: AnyUser, post: Post) -> bool:
    """An owner or editor of the posting organisation."""
    return Post.objects.filter(pk=post.pk).of_organisations_of(user).exists()


def can_moderate(user: AnyUser, post: Post) -> bool:
    return Post.objects.filter(pk=post.pk).moderated_by(user).exists()


def answering_organisations(user: AnyUser, post: Post) -> QuerySet[Organisation]:
    return posting_organisations(user).exclude(pk=post.organisation_id)


def can_answer(user: AnyUser, post: Post) -> bool:
    return post.is_current and answering_organisations(user, post).exists()


def shareable_networks(organisations: QuerySet[Organisation]) -> QuerySet[Network]:
    """The networks a post of these organisations may be shared with: those they are active
    members of."""
    return (
        Network.objects.public()
        .filter(
            memberships__organisation__in=organisations,
            memberships__status=NetworkMembership.Status.ACTIVE,
        )
        .order_by("name")
        .distinct()
    )


def visible_answers(user: AnyUser, post: Post, *, author: bool) -> QuerySet[Answer]:
    """The posting organisation reads every answer; an answering organisation its own."""
    answers = post.answers.select_related("organisation")
    if author:
        return answers
    return answers.filter(organisation__in=member_organisations(user))


# --- Lookups for the views: 404 for what the user may not see, 403 for what they may not do ---


def get_post(user: AnyUser, pk: int) -> Post:
    return get_object_or_404(Post.objects.visible_to(user).select_related("organisation"), pk=pk)


def get_own_post(user: AnyUser, pk: int) -> Post:
    post = get_post(user, pk)
    if not acts_for(user, post):
        raise PermissionDenied
    return post


def get_moderated_post(user: AnyUser, pk: int) -> Post:
    post = get_post(user, pk)
    if not can_moderate(user, post):
        raise PermissionDenied
    return post


def get_answerable_post(user: AnyUser, pk: int) -> Post:
    post = get_post(user, pk)
    if not answering_organisations(user, post).exists():
        raise PermissionDenied
    return post
