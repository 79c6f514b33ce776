"""Earlier versions of a network's notes: who wrote what, and when it was replaced."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from networks.models.note import NetworkNote


class NoteVersion(models.Model):
    """A note as it was before an edit replaced it."""

    note = models.ForeignKey(
        NetworkNote, on_delete=models.CASCADE, related_name="versions", verbose_name=_("note")
    )
    title = models.CharField(_("title"), max_length=200)
    date = models.DateField(_("date"))
    text = models.TextField(_("text"), max_length=20000)
    attachment_url = models.URLField(_("link to an attachment"), blank=True)
    # Who wrote this version and when (the note's author, or the one who edited it last).
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("written by"),
    )
    written_by_name = models.CharField(_("written by (name)"), max_length=200, blank=True)
    written_at = models.DateTimeField(_("written"))
    replaced_at = models.DateTimeField(_("replaced"), auto_now_add=True)

    class Meta:
        verbose_name = _("earlier version of a note")
        verbose_name_plural = _("earlier versions of notes")
        ordering = ["-written_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.title} ({self.written_at:%Y-%m-%d %H:%M})"
