"""Which organisations belong to a network, and the history of each membership."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from networks.models.network import Network
from organisations.models import Organisation


class NetworkMembershipQuerySet(models.QuerySet["NetworkMembership"]):
    def active(self) -> NetworkMembershipQuerySet:
        return self.filter(status=NetworkMembership.Status.ACTIVE)

    def current(self) -> NetworkMembershipQuerySet:
        return self.filter(status__in=NetworkMembership.CURRENT_STATUSES)

    def requested(self) -> NetworkMembershipQuerySet:
        return self.filter(status=NetworkMembership.Status.REQUESTED)

    def invited(self) -> NetworkMembershipQuerySet:
        return self.filter(status=NetworkMembership.Status.INVITED)

    def open(self) -> NetworkMembershipQuerySet:
        """Requests and invitations that wait for an answer."""
        return self.filter(
            status__in=[NetworkMembership.Status.REQUESTED, NetworkMembership.Status.INVITED]
        )

    def coordinators(self) -> NetworkMembershipQuerySet:
        return self.active().filter(role=NetworkMembership.Role.COORDINATOR)

    def public(self) -> NetworkMembershipQuerySet:
        """Active memberships of published organisations: what the network page shows."""
        return self.active().filter(organisation__status=Organisation.Status.PUBLISHED)


class NetworkMembership(models.Model):
    class Status(models.TextChoices):
        REQUESTED = "requested", _("requested")
        INVITED = "invited", _("invited")
        ACTIVE = "active", _("active")
        DECLINED = "declined", _("declined")
        LEFT = "left", _("left")
        REMOVED = "removed", _("removed")
        WITHDRAWN = "withdrawn", _("request withdrawn")

    class Role(models.TextChoices):
        MEMBER = "member", _("member")
        COORDINATOR = "coordinator", _("coordinator")

    # A membership in one of these states blocks a second one for the same organisation.
    CURRENT_STATUSES = (Status.REQUESTED, Status.INVITED, Status.ACTIVE)

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("network")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="network_memberships",
        verbose_name=_("organisation"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.REQUESTED
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    note = models.CharField(_("note"), max_length=500, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = NetworkMembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("network membership")
        verbose_name_plural = _("network memberships")
        ordering = ["network__name", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "organisation"],
                condition=Q(status__in=["requested", "invited", "active"]),
                name="one_current_membership_per_network_and_organisation",
            ),
            # Only an active member can coordinate; leaving or removal ends the role too.
            models.CheckConstraint(
                condition=Q(role="member") | Q(status="active"),
                name="only_active_members_coordinate",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} in {self.network} ({self.get_status_display()})"

    @property
    def is_coordinator(self) -> bool:
        return self.role == self.Role.COORDINATOR and self.status == self.Status.ACTIVE


class MembershipChange(models.Model):
    """One entry of a network's history: who changed which membership, when, how and why.

    The actor's name is kept as text as well, so the history survives deleted accounts.
    """

    class Action(models.TextChoices):
        REQUESTED = "requested", _("asked to join")
        WITHDRAWN = "withdrawn", _("withdrew the request")
        INVITED = "invited", _("was invited")
        INVITATION_ACCEPTED = "invitation_accepted", _("accepted the invitation")
        INVITATION_DECLINED = "invitation_declined", _("declined the invitation")
        APPROVED = "approved", _("request approved")
        DECLINED = "declined", _("request declined")
        LEFT = "left", _("left the network")
        REMOVED = "removed", _("removed from the network")
        INVITATION_WITHDRAWN = "invitation_withdrawn", _("invitation withdrawn")
        COORDINATOR_NAMED = "coordinator_named", _("named coordinator")
        COORDINATOR_REMOVED = "coordinator_removed", _("no longer coordinator")
        FOUNDED = "founded", _("proposed the network and coordinates it")

    membership = models.ForeignKey(
        NetworkMembership,
        on_delete=models.CASCADE,
        related_name="changes",
        verbose_name=_("membership"),
    )
    action = models.CharField(_("what"), max_length=30, choices=Action.choices)
    status_before = models.CharField(
        _("status before"), max_length=20, choices=NetworkMembership.Status.choices, blank=True
    )
    status_after = models.CharField(
        _("status after"), max_length=20, choices=NetworkMembership.Status.choices
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    actor_name = models.CharField(_("who (name)"), max_length=200, blank=True)
    message = models.TextField(_("why"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("membership change")
        verbose_name_plural = _("membership changes")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.membership}: {self.get_action_display()}"
