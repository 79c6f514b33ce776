from __future__ import annotations

from django.db import transaction

from accounts.models import User
from accounts.privacy import deletion_steps


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Delete the account and what hangs on it. Other apps prepare first (deletion steps)."""
    for step in deletion_steps:
        step(user)
    user.delete()
