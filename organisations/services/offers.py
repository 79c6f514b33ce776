"""An organisation's offers: saved and deleted as versions of the entry's history."""

from __future__ import annotations

from django.db import transaction
from django.forms import ModelForm

from accounts.models import User
from organisations.models import (
    Offer,
    Organisation,
)
from organisations.services.common import (
    DRAFT_CHANGE,
    LIVE_CHANGE,
    Status,
    refresh_search,
    save_form_as_one_version,
)


def _offer_reason(organisation: Organisation) -> str:
    return LIVE_CHANGE if organisation.status == Status.PUBLISHED else DRAFT_CHANGE


@transaction.atomic
def offer_save(*, form: ModelForm, organisation: Organisation, user: User) -> Offer:
    form.instance.organisation = organisation
    return save_form_as_one_version(  # type: ignore[return-value]
        form, user=user, reason=_offer_reason(organisation)
    )


@transaction.atomic
def offer_delete(*, offer: Offer, user: User) -> None:
    offer._history_user = user  # type: ignore[attr-defined]
    offer._change_reason = _offer_reason(offer.organisation)  # type: ignore[attr-defined]
    offer.delete()
    refresh_search(offer)
