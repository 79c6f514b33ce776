"""An organisation's offers: saved and deleted as versions of the entry's history."""

from __future__ import annotations

import uuid

from django.db import transaction

from accounts.models import User
from organisations.access import EDITABLE_STATUSES
from organisations.models import Offer, Organisation
from organisations.services.common import (
    EntryClosed,
    edit_reason,
    lock_entry,
    refresh_search,
)
from organisations.services.data import OfferData, model_values, require
from organisations.services.versions import changed_fields, create_as_one_version, save_changes


def _open_entry(organisation: Organisation, *, imported: bool) -> Organisation:
    """The entry under its row lock; members cannot change offers of a closed one."""
    current = lock_entry(organisation)
    if (
        not imported
        and current.status not in EDITABLE_STATUSES
        and organisation.status in EDITABLE_STATUSES
    ):
        raise EntryClosed(f"the entry is {current.status} now")
    return current


@transaction.atomic
def offer_create(
    *,
    organisation: Organisation,
    data: OfferData,
    user: User | None,
    imported: bool = False,
    import_source: str = "",
    public_id: uuid.UUID | None = None,
) -> Offer:
    require(data, "title", "kind")
    entry = _open_entry(organisation, imported=imported)
    plain, many = model_values(Offer, data.given())
    offer = Offer(**plain, organisation=entry)
    if public_id is not None:
        offer.uuid = public_id
    reason = edit_reason(entry, imported=imported, source=import_source)
    create_as_one_version(offer, many, user=user, reason=reason)
    return offer


@transaction.atomic
def offer_update(
    *,
    offer: Offer,
    data: OfferData,
    user: User | None,
    loaded_version: int | None = None,
    imported: bool = False,
    import_source: str = "",
) -> Offer:
    """Save only what differs, under the locks of the entry and the offer (in that order, as
    every write of an entry's offers takes them). Raises ``EditConflict`` like
    ``organisation_update``."""
    entry = _open_entry(offer.organisation, imported=imported)
    current = Offer.objects.select_for_update().get(pk=offer.pk)
    given = data.given()
    names = changed_fields(current, given, loaded_version=loaded_version)
    if names:
        reason = edit_reason(entry, imported=imported, source=import_source)
        save_changes(current, given, names, user=user, reason=reason)
    return current


@transaction.atomic
def offer_delete(*, offer: Offer, user: User) -> None:
    entry = lock_entry(offer.organisation)
    offer._history_user = user  # type: ignore[attr-defined]
    offer._change_reason = edit_reason(entry, imported=False)  # type: ignore[attr-defined]
    offer.delete()
    refresh_search(offer)
