from __future__ import annotations

from typing import Any

from django import template

from following import access
from following.models import Target, target_fields, target_key

register = template.Library()


@register.inclusion_tag("following/_follow_button.html", takes_context=True)
def follow_button(context: template.Context, target: Target) -> dict[str, Any]:
    """Follow or unfollow ``target`` (None: the exchange), a POST form back to this page."""
    request = context["request"]
    fields = target_fields(target)
    return {
        "user": request.user,
        "kind": fields["kind"],
        "key": target_key(target),
        "name": str(target) if target is not None else "",
        "following": access.is_following(request.user, target),
        "next": request.get_full_path(),
    }
