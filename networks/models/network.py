"""Networks: who they are for, where they work and how far they are."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from migra_hub.multilingual import MultilingualEntry
from organisations.models import City, District, Topic


class NetworkQuerySet(models.QuerySet["Network"]):
    def public(self) -> NetworkQuerySet:
        """Networks shown to everyone (all but those still being set up)."""
        return self.exclude(status=Network.Status.SETTING_UP)

    def open_for_requests(self) -> NetworkQuerySet:
        return self.filter(
            join_policy=Network.JoinPolicy.OPEN,
            status__in=[Network.Status.ACTIVE, Network.Status.DORMANT],
        )

    def with_member_count(self) -> NetworkQuerySet:
        return self.annotate(
            member_count=models.Count(
                "memberships",
                filter=Q(
                    memberships__status="active",
                    memberships__organisation__status="published",
                ),
            )
        )


class Network(MultilingualEntry):
    multilingual_fields = ("goal", "description")

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
    # Counts the saves of the network's own fields: an edit form opened on an older revision
    # knows that someone else has saved since.
    revision = models.PositiveIntegerField(_("revision"), default=1, editable=False)
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

    @property
    def accepts_requests(self) -> bool:
        """Organisations may ask to join (open, and neither being set up nor closed)."""
        return self.join_policy == self.JoinPolicy.OPEN and self.status in (
            self.Status.ACTIVE,
            self.Status.DORMANT,
        )

    @property
    def is_public(self) -> bool:
        return self.status != self.Status.SETTING_UP
