"""What the peer exchange keeps about a person: their part of the data download and what
happens to it when they delete their account.

Registered with the privacy registry (``accounts.privacy``) in ``ExchangeConfig.ready``.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext_lazy

from accounts.privacy import Kept, Person, when
from exchange.models import Answer, Post


def personal_data(person: Person) -> dict[str, Any]:
    """The person's data held by this app, for the data download."""
    user = person.user
    return {
        "exchange_posts": [
            {
                "organisation": post.organisation.name,
                "kind": post.kind,
                "category": post.category,
                "title": post.title,
                "text": post.text,
                "status": post.status,
                "ends_on": when(post.ends_on),
                "created_at": when(post.created_at),
            }
            for post in Post.objects.filter(author=user)
            .select_related("organisation")
            .order_by("created_at", "pk")
        ],
        "exchange_answers": [
            {
                "post": answer.post.title,
                "organisation": answer.organisation.name,
                "message": answer.message,
                "contact": answer.contact,
                "created_at": when(answer.created_at),
            }
            for answer in Answer.objects.filter(author=user)
            .select_related("post", "organisation")
            .order_by("created_at", "pk")
        ],
        "exchange_posts_hidden": [
            {"title": post.title, "reason": post.hidden_reason, "at": when(post.hidden_at)}
            for post in Post.objects.filter(hidden_by=user).order_by("hidden_at", "pk")
        ],
    }


def before_account_deletion(person: Person) -> list[Kept]:
    """Posts belong to their organisation and stay. Answers stay with the organisation they
    were sent to, without the writer's name and without the contact they wrote, which was the
    person's own way to be reached."""
    user = person.user
    answers = Answer.objects.filter(author=user).update(author_name="", contact="")
    # ``author`` and ``hidden_by`` are emptied when the account goes (SET_NULL).
    Post.objects.filter(hidden_by=user).update(hidden_by_name="")
    return Kept.counted(
        answers,
        ngettext_lazy(
            "%(count)d answer you sent in the peer exchange, without your name and contact.",
            "%(count)d answers you sent in the peer exchange, without your name and contact.",
            "count",
        ),
        _("The organisation you wrote to keeps its correspondence."),
    )
