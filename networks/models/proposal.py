"""Networks proposed by organisations, waiting for staff to approve them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from networks.models.network import Network
from organisations.models import District, Organisation, Topic


class NetworkProposalQuerySet(models.QuerySet["NetworkProposal"]):
    def pending(self) -> NetworkProposalQuerySet:
        return self.filter(status=NetworkProposal.Status.PENDING)


class NetworkProposal(models.Model):
    """An organisation's proposal for a new network: staff of its district (city-wide staff
    for a city-wide network) approve it, and the organisation becomes its first coordinator."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for a decision")
        APPROVED = "approved", _("approved")
        DECLINED = "declined", _("declined")

    class Scope(models.TextChoices):
        DISTRICT = Network.Scope.DISTRICT.value, Network.Scope.DISTRICT.label
        CITY = Network.Scope.CITY.value, Network.Scope.CITY.label

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="network_proposals",
        verbose_name=_("proposed by"),
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("proposed by (person)"),
    )
    name = models.CharField(_("name"), max_length=200)
    goal = models.TextField(
        _("goal"), max_length=2000, help_text=_("What does the network want to achieve?")
    )
    description = models.TextField(_("description"), max_length=10000, blank=True)
    scope = models.CharField(
        _("scope"), max_length=20, choices=Scope.choices, default=Scope.DISTRICT
    )
    district = models.ForeignKey(
        District,
        on_delete=models.PROTECT,
        related_name="network_proposals",
        verbose_name=_("district"),
        null=True,
        blank=True,
    )
    topics = models.ManyToManyField(
        Topic, related_name="network_proposals", blank=True, verbose_name=_("topics")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    reason = models.TextField(_("reason"), max_length=2000, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided on"), null=True, blank=True)
    network = models.OneToOneField(
        Network,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposal",
        verbose_name=_("network"),
    )
    created_at = models.DateTimeField(_("proposed on"), auto_now_add=True)

    objects = NetworkProposalQuerySet.as_manager()

    class Meta:
        verbose_name = _("network proposal")
        verbose_name_plural = _("network proposals")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(scope="district") | Q(district__isnull=False),
                name="district_proposal_has_a_district",
            ),
        ]

    def __str__(self) -> str:
        return self.name
