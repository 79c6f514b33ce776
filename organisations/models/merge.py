"""What a merge of two entries leaves behind: the old address that now leads to the entry that
stayed, and the record of who merged what and what moved."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organisations.models.organisation import Organisation


class OrganisationRedirect(models.Model):
    """The address of a removed entry; its page redirects permanently to ``organisation``."""

    old_slug = models.SlugField(_("old address"), max_length=220, unique=True)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="redirects",
        verbose_name=_("organisation"),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("redirect of an old address")
        verbose_name_plural = _("redirects of old addresses")
        ordering = ["old_slug"]

    def __str__(self) -> str:
        return f"{self.old_slug} → {self.organisation.slug}"


class OrganisationMerge(models.Model):
    """One merge: the removed entry as it was named, who merged it when, and the ids of every
    row that moved to the entry that stayed, so that the merge can be traced (and undone by
    hand) later."""

    kept = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="merges",
        verbose_name=_("entry that stayed"),
    )
    removed_name = models.CharField(_("name of the removed entry"), max_length=200)
    removed_slug = models.SlugField(_("address of the removed entry"), max_length=220)
    removed_pk = models.PositiveIntegerField(_("number of the removed entry"))
    removed_uuid = models.UUIDField(_("public identifier of the removed entry"))
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("merged by"),
    )
    merged_at = models.DateTimeField(_("merged on"), default=timezone.now)
    # {"offers": [12, 13], "memberships": [4], ...}: the ids that moved, by kind of row.
    moved = models.JSONField(_("what moved"), default=dict)
    # The same for rows that were dropped because the kept entry had them already.
    dropped = models.JSONField(_("what was dropped as a duplicate"), default=dict)

    class Meta:
        verbose_name = _("merge of entries")
        verbose_name_plural = _("merges of entries")
        ordering = ["-merged_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.removed_name} → {self.kept}"
