"""Writes that only the Django admin makes and the site has no service for."""

from __future__ import annotations

from django.db import transaction

from accounts.models import User
from organisations.models import Organisation
from organisations.search import directory_changed


@transaction.atomic
def organisation_delete_for_good(*, organisation: Organisation, staff: User) -> None:
    """Remove an entry with everything that hangs on it (offers, members, decisions, claims),
    also one that was public: unlike an owner's deletion, nothing is archived. The directory's
    cached counts and filter values are stale from then on."""
    locked = Organisation.objects.select_for_update().get(pk=organisation.pk)
    locked._history_user = staff  # type: ignore[attr-defined]
    locked.delete()
    directory_changed()
