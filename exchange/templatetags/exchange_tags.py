"""Template tags for pages of lower apps that show exchange posts (organisation and network
pages, through their slots)."""

from __future__ import annotations

from typing import Any

from django import template
from django.contrib.auth.models import AnonymousUser

from exchange.models import Post, PostQuerySet
from networks.models import Network
from organisations.models import Organisation

register = template.Library()

INCLUDE_LIMIT = 5


def _viewer(context: template.Context) -> Any:
    request = context.get("request")
    return getattr(request, "user", None) or context.get("user") or AnonymousUser()


def _listed(posts: PostQuerySet) -> list[Post]:
    return list(
        posts.current()
        .select_related("organisation")
        .order_by("-created_at", "-pk")[:INCLUDE_LIMIT]
    )


@register.simple_tag(takes_context=True)
def organisation_posts(context: template.Context, organisation: Organisation) -> list[Post]:
    """The organisation's open posts the viewer may see."""
    return _listed(Post.objects.visible_to(_viewer(context)).filter(organisation=organisation))


@register.simple_tag(takes_context=True)
def network_posts(context: template.Context, network: Network) -> list[Post]:
    """The open posts shared with the network that the viewer may see."""
    return _listed(Post.objects.visible_to(_viewer(context)).shared_with(network))
