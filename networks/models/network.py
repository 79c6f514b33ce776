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
        """Networks shown to everyone (all but those still in preparation)."""
        return self.exclude(phase=Network.Phase.PREPARATION)

    def open_for_requests(self) -> NetworkQuerySet:
        return self.filter(join_policy=Network.JoinPolicy.OPEN, phase__in=Network.TAKING_REQUESTS)

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

    class Phase(models.TextChoices):
        """How far the network has come: the phases a network grows through, then dormant or
        closed. Only a network in preparation is hidden from the public."""

        PREPARATION = "preparation", _("preparation")
        FOUNDING = "founding", _("founding")
        FORMALISATION = "formalisation", _("formalisation")
        CONSOLIDATION = "consolidation", _("consolidation")
        STABILISATION = "stabilisation", _("stabilisation")
        DORMANT = "dormant", _("dormant")
        CLOSED = "closed", _("closed")

    # The phases of a network that works (between preparation and dormant or closed).
    WORKING_PHASES = (
        Phase.FOUNDING,
        Phase.FORMALISATION,
        Phase.CONSOLIDATION,
        Phase.STABILISATION,
    )
    # Organisations may ask to join a network in these phases (when its join policy is open).
    TAKING_REQUESTS = (*WORKING_PHASES, Phase.DORMANT)

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
    rules = models.TextField(
        _("rules"),
        blank=True,
        max_length=10000,
        help_text=_(
            "How the network works together, e.g. how it decides and who may speak for it."
        ),
    )
    terms_of_reference = models.TextField(
        _("terms of reference"),
        blank=True,
        max_length=10000,
        help_text=_("What the network is for, what it does and what it does not do."),
    )
    join_policy = models.CharField(
        _("how to join"), max_length=20, choices=JoinPolicy.choices, default=JoinPolicy.OPEN
    )
    # Changed only through ``services.network_change_phase``, which writes the timeline.
    phase = models.CharField(
        _("phase"), max_length=20, choices=Phase.choices, default=Phase.FOUNDING
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
        """Organisations may ask to join (open, and neither in preparation nor closed)."""
        return self.join_policy == self.JoinPolicy.OPEN and self.phase in self.TAKING_REQUESTS

    @property
    def is_public(self) -> bool:
        return self.phase != self.Phase.PREPARATION

    @property
    def is_working(self) -> bool:
        return self.phase in self.WORKING_PHASES

    @property
    def is_closed(self) -> bool:
        return self.phase == self.Phase.CLOSED
