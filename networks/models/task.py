"""Agreements of a network: who does what by when."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from networks.models.network import Network
from organisations.models import Organisation


class NetworkTaskQuerySet(models.QuerySet["NetworkTask"]):
    def open(self) -> NetworkTaskQuerySet:
        return self.filter(done_at__isnull=True)

    def in_order(self) -> NetworkTaskQuerySet:
        """Open tasks first, the most urgent first; tasks without a due date after those with."""
        return self.order_by(
            models.F("done_at").desc(nulls_first=True),
            models.F("due_date").asc(nulls_last=True),
            "pk",
        )


class NetworkTask(models.Model):
    """One agreement: a member organisation takes on a task, by a date.

    The task stays with the network when the organisation leaves it (or its entry is deleted):
    what was agreed belongs to the network.
    """

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="tasks", verbose_name=_("network")
    )
    title = models.CharField(_("what"), max_length=300)
    responsible = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="network_tasks",
        verbose_name=_("who"),
    )
    # The responsible organisation's name when the task was agreed, shown if its entry goes.
    responsible_name = models.CharField(_("who (name)"), max_length=200, blank=True)
    due_date = models.DateField(_("by when"), null=True, blank=True)
    done_at = models.DateTimeField(_("done on"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("marked done by"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("agreed by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = NetworkTaskQuerySet.as_manager()

    class Meta:
        verbose_name = _("network task")
        verbose_name_plural = _("network tasks")
        ordering = ["due_date", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_done(self) -> bool:
        return self.done_at is not None
