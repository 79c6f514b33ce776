"""What this app keeps about a person: the changes they made to funding calls (the calls
themselves belong to their district, city or network). Registered in ``FundingConfig.ready``."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext_lazy

from accounts.privacy import Kept, Person, when
from funding.models import FundingCallChange


def personal_data(person: Person) -> dict[str, Any]:
    return {
        "funding_call_changes": [
            {"call": change.call.title, "action": change.action, "at": when(change.created_at)}
            for change in FundingCallChange.objects.filter(actor=person.user)
            .select_related("call")
            .order_by("created_at", "pk")
        ]
    }


def before_account_deletion(person: Person) -> list[Kept]:
    """The calls and their history stay; the person's name leaves the history."""
    changes = FundingCallChange.objects.filter(actor=person.user).update(actor_name="")
    return Kept.counted(
        changes,
        ngettext_lazy(
            "%(count)d change you made to a funding call, shown as “deleted account”.",
            "%(count)d changes you made to funding calls, shown as “deleted account”.",
            "count",
        ),
        _("A funding call's history shows who posted and changed it."),
    )
