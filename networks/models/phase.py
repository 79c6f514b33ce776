"""The network's timeline: every change of its phase, dated and explained."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from networks.models.network import Network


class NetworkPhaseChange(models.Model):
    """One entry of a network's timeline: since ``date`` the network is in ``phase_after``.

    Written only by the phase service. The actor's name is kept as text as well, so the
    timeline survives deleted accounts.
    """

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="phase_changes", verbose_name=_("network")
    )
    phase_before = models.CharField(
        _("phase before"), max_length=20, choices=Network.Phase.choices, blank=True
    )
    phase_after = models.CharField(_("phase"), max_length=20, choices=Network.Phase.choices)
    date = models.DateField(_("since"), default=timezone.localdate)
    note = models.TextField(_("note"), max_length=2000, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    actor_name = models.CharField(_("who (name)"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("recorded"), default=timezone.now)

    class Meta:
        verbose_name = _("phase change")
        verbose_name_plural = _("phase changes")
        ordering = ["-date", "-created_at", "-pk"]
        indexes = [models.Index(fields=["network", "date"])]

    def __str__(self) -> str:
        return f"{self.network}: {self.get_phase_after_display()} ({self.date})"
