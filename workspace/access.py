"""Who may use the staff workspace: reviewers, i.e. district staff and city-wide staff.

Everybody else gets a 404, as on the review queue: the pages do not tell outsiders they exist.
"""

from __future__ import annotations

from django.http import Http404

from organisations.access import AnyUser, is_reviewer


def require_reviewer(user: AnyUser) -> None:
    if not is_reviewer(user):
        raise Http404
