"""District networks and which organisations belong to them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from organisations.models import City, District, Organisation, Topic


class NetworkQuerySet(models.QuerySet["Network"]):
    def public(self) -> NetworkQuerySet:
        """Networks shown to everyone (all but those still being set up)."""
        return self.exclude(status=Network.Status.SETTING_UP)


class Network(models.Model):
    class Scope(models.TextChoices):
        DISTRICT = "district", _("district")
        CITY = "city", _("city-wide")
        NATIONAL = "national", _("national")
        INTERNATIONAL = "international", _("international")

    class JoinPolicy(models.TextChoices):
        OPEN = "open", _("open for requests")
        INVITATION = "invitation", _("by invitation only")

    class Status(models.TextChoices):
        SETTING_UP = "setting_up", _("being set up")
        ACTIVE = "active", _("active")
        DORMANT = "dormant", _("dormant")
        CLOSED = "closed", _("closed")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    scope = models.CharField(
        _("scope"), max_length=20, choices=Scope.choices, default=Scope.DISTRICT
    )
    city = models.ForeignKey(
        City,
        on_delete=models.PROTECT,
        related_name="networks",
        verbose_name=_("city"),
        null=True,
        blank=True,
    )
    district = models.ForeignKey(
        District,
        on_delete=models.PROTECT,
        related_name="networks",
        verbose_name=_("district"),
        null=True,
        blank=True,
    )
    goal = models.TextField(_("goal"), help_text=_("What does the network want to achieve?"))
    description = models.TextField(_("description"), blank=True)
    topics = models.ManyToManyField(
        Topic, related_name="networks", blank=True, verbose_name=_("topics")
    )
    meeting_rhythm = models.CharField(
        _("meeting rhythm"),
        max_length=200,
        blank=True,
        help_text=_("In words, e.g. “every second month”."),
    )
    join_policy = models.CharField(
        _("how to join"), max_length=20, choices=JoinPolicy.choices, default=JoinPolicy.OPEN
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    contact_email = models.EmailField(_("public contact address"), blank=True)
    curators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="curated_networks",
        blank=True,
        verbose_name=_("staff curators"),
        help_text=_("Staff named for this network (needed for networks without a district)."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = NetworkQuerySet.as_manager()

    class Meta:
        verbose_name = _("network")
        verbose_name_plural = _("networks")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(scope="district") | Q(district__isnull=False),
                name="district_network_has_a_district",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("networks:detail", kwargs={"slug": self.slug})


class NetworkMembershipQuerySet(models.QuerySet["NetworkMembership"]):
    def active(self) -> NetworkMembershipQuerySet:
        return self.filter(status=NetworkMembership.Status.ACTIVE)

    def current(self) -> NetworkMembershipQuerySet:
        return self.filter(status__in=NetworkMembership.CURRENT_STATUSES)


class NetworkMembership(models.Model):
    class Status(models.TextChoices):
        REQUESTED = "requested", _("requested")
        INVITED = "invited", _("invited")
        ACTIVE = "active", _("active")
        DECLINED = "declined", _("declined")
        LEFT = "left", _("left")
        REMOVED = "removed", _("removed")

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
        ]

    def __str__(self) -> str:
        return f"{self.organisation} in {self.network} ({self.get_status_display()})"
