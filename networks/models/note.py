"""Minutes and decisions kept with the network."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from networks.models.network import Network


class NetworkNoteQuerySet(models.QuerySet["NetworkNote"]):
    def newest_first(self) -> NetworkNoteQuerySet:
        return self.order_by("-date", "-created_at")


class NetworkNote(models.Model):
    """Minutes and decisions, so that what the network knows stays with the network."""

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="notes", verbose_name=_("network")
    )
    title = models.CharField(_("title"), max_length=200)
    date = models.DateField(
        _("date"), default=timezone.localdate, help_text=_("e.g. the day of the meeting")
    )
    text = models.TextField(_("text"), max_length=20000)
    attachment_url = models.URLField(
        _("link to an attachment"),
        blank=True,
        help_text=_("Optional: a link to minutes or documents stored elsewhere."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("author"),
    )
    author_name = models.CharField(_("author (name)"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # The last edit (the earlier versions are ``NoteVersion`` rows).
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("edited by"),
    )
    edited_by_name = models.CharField(_("edited by (name)"), max_length=200, blank=True)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    # Counts the saves: an edit form opened on an older revision knows that someone else saved.
    revision = models.PositiveIntegerField(_("revision"), default=1, editable=False)

    objects = NetworkNoteQuerySet.as_manager()

    class Meta:
        verbose_name = _("network note")
        verbose_name_plural = _("network notes")
        ordering = ["-date", "-created_at"]

    def __str__(self) -> str:
        return self.title
