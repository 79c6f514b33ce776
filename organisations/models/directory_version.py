"""The version of what the directory shows, as data (see ``organisations.directory_version``)."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone


class DirectoryVersion(models.Model):
    """The version of what the directory shows: one row, given a new token in the transaction of
    every change of an entry, an offer or a vocabulary (``organisations.directory_version``).
    Cached directory data (counts, filter choices, rendered cards) is keyed by it. A row, not a
    cache entry, so that it can neither be culled nor run ahead of the data: readers see the new
    token exactly when the change commits. Random tokens, not a counter: a version rolled back or
    restored from a backup never names data cached for another state."""

    token = models.CharField(max_length=32)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="directory_version_one_row")]

    def __str__(self) -> str:
        return self.token
