"""What an organisation offers: courses, counselling, groups."""

from __future__ import annotations

import datetime
from uuid import uuid4

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from migra_hub.multilingual import MultilingualEntry
from organisations.facets import FacetKeysField
from organisations.models.history import VersionHistory
from organisations.models.organisation import Address, Organisation
from organisations.models.vocabularies import Language, OfferKind, TargetGroup, Topic


class OfferQuerySet(models.QuerySet["Offer"]):
    def public(self) -> OfferQuerySet:
        return self.filter(organisation__status=Organisation.Status.PUBLISHED)

    def defer_search_data(self) -> OfferQuerySet:
        return self.defer("search_vector", "facet_keys")

    def current(self, today: datetime.date | None = None) -> OfferQuerySet:
        today = today or timezone.localdate()
        return self.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))

    def ended(self, today: datetime.date | None = None) -> OfferQuerySet:
        today = today or timezone.localdate()
        return self.filter(ends_on__lt=today)


class Offer(MultilingualEntry, Address):
    multilingual_fields = ("title", "description")

    class Cost(models.TextChoices):
        FREE = "free", _("free of charge")
        REDUCED = "reduced", _("reduced fees possible")
        PAID = "paid", _("fee")

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="offers",
        verbose_name=_("organisation"),
    )
    title = models.CharField(_("title"), max_length=200)
    uuid = models.UUIDField(_("public identifier"), default=uuid4, unique=True, editable=False)
    external_id = models.CharField(
        _("external identifier"),
        max_length=200,
        blank=True,
        help_text=_("The identifier in the source this entry was imported from."),
    )
    description = models.TextField(_("description"), blank=True)
    kind = models.ForeignKey(
        OfferKind, on_delete=models.PROTECT, related_name="offers", verbose_name=_("kind")
    )
    topics = models.ManyToManyField(
        Topic, related_name="offers", blank=True, verbose_name=_("topics")
    )
    target_groups = models.ManyToManyField(
        TargetGroup, related_name="offers", blank=True, verbose_name=_("target groups")
    )
    languages = models.ManyToManyField(
        Language, related_name="offers", blank=True, verbose_name=_("languages")
    )
    cost = models.CharField(_("cost"), max_length=10, choices=Cost.choices, default=Cost.FREE)
    schedule = models.CharField(
        _("when"), max_length=200, blank=True, help_text=_("In words, e.g. “Tuesdays 4–6 pm”.")
    )
    at_organisation_address = models.BooleanField(
        _("takes place at the organisation's address"), default=True
    )
    step_free = models.BooleanField(_("step-free access"), default=False)
    accessible_toilet = models.BooleanField(_("accessible toilet"), default=False)
    hearing_loop = models.BooleanField(_("hearing loop"), default=False)
    accessibility_notes = models.CharField(_("notes on accessibility"), max_length=300, blank=True)
    registration_required = models.BooleanField(_("registration needed"), default=False)
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = VersionHistory(
        m2m_fields=["topics", "target_groups", "languages"],
        excluded_fields=["updated_at", "search_vector", "facet_keys"],
    )

    # Denormalised search data, written only by organisations.search.organisation_search_refresh.
    search_vector = SearchVectorField(editable=False, null=True)
    # The values of the offers page's filters (organisations.facets); same writer.
    facet_keys = FacetKeysField(editable=False, default=list)

    objects = OfferQuerySet.as_manager()

    class Meta:
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_on__isnull=True)
                | Q(ends_on__isnull=True)
                | Q(starts_on__lte=models.F("ends_on")),
                name="offer_starts_before_it_ends",
            ),
            models.UniqueConstraint(
                fields=["external_id"],
                condition=~Q(external_id=""),
                name="offer_unique_external_id",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def has_ended(self) -> bool:
        return self.ends_on is not None and self.ends_on < timezone.localdate()
