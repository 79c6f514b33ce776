"""An organisation's entry in the directory, and when it counts as out of date."""

from __future__ import annotations

import datetime
from uuid import uuid4

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from migra_hub.links import validate_links, validate_web_address
from migra_hub.multilingual import MultilingualEntry
from organisations.facets import FacetKeysField
from organisations.models.history import VersionHistory
from organisations.models.places import District
from organisations.models.vocabularies import Language, OrganisationKind, TargetGroup, Topic

REMINDER_AFTER = datetime.timedelta(days=365)
REMINDER_INTERVAL = datetime.timedelta(days=30)
OUTDATED_AFTER = datetime.timedelta(days=548)


class OrganisationQuerySet(models.QuerySet["Organisation"]):
    def published(self) -> OrganisationQuerySet:
        return self.filter(status=Organisation.Status.PUBLISHED)

    def in_districts(
        self, districts: models.QuerySet[District] | list[District]
    ) -> OrganisationQuerySet:
        return self.filter(districts__in=districts).distinct()

    def pending_review(self) -> OrganisationQuerySet:
        return self.filter(status=Organisation.Status.PENDING)

    def unconfirmed_since(self, cutoff: datetime.datetime) -> OrganisationQuerySet:
        """Published entries whose owners have not confirmed them since ``cutoff``."""
        return self.published().filter(
            Q(last_confirmed_at__lt=cutoff)
            | Q(last_confirmed_at__isnull=True, published_at__lt=cutoff)
            | Q(last_confirmed_at__isnull=True, published_at__isnull=True, created_at__lt=cutoff)
        )

    def possibly_outdated(self, now: datetime.datetime | None = None) -> OrganisationQuerySet:
        now = now or timezone.now()
        return self.unconfirmed_since(now - OUTDATED_AFTER)

    def without_owner(self) -> OrganisationQuerySet:
        """Entries whose last owner deleted their account; staff should find a new one."""
        return self.filter(owner_left_at__isnull=False)

    def defer_search_data(self) -> OrganisationQuerySet:
        """Pages show entries, not their (large) search data: don't load or sort it."""
        return self.defer("search_vector", "name_vector", "facet_keys")

    def with_public_location(self) -> OrganisationQuerySet:
        """Entries that may appear on a map: coordinates and no "no public address"."""
        return self.filter(no_public_address=False, latitude__isnull=False, longitude__isnull=False)


class Address(models.Model):
    """A postal address with optional coordinates for the map."""

    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    locality = models.CharField(_("town or city"), max_length=100, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )

    class Meta:
        abstract = True

    @property
    def address_lines(self) -> list[str]:
        return [line for line in (self.street, f"{self.postcode} {self.locality}".strip()) if line]


class Organisation(MultilingualEntry, Address):
    multilingual_fields = ("description",)

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PENDING = "pending", _("pending review")
        PUBLISHED = "published", _("published")
        CHANGES_REQUESTED = "changes_requested", _("changes requested")
        REJECTED = "rejected", _("rejected")
        ARCHIVED = "archived", _("archived")

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=50, blank=True)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    # Open data: the stable id in the HSDS API, and the id an import source gave the entry.
    uuid = models.UUIDField(_("public identifier"), default=uuid4, unique=True, editable=False)
    external_id = models.CharField(
        _("external identifier"),
        max_length=200,
        blank=True,
        help_text=_("The identifier in the source this entry was imported from."),
    )
    kind = models.ForeignKey(
        OrganisationKind,
        on_delete=models.PROTECT,
        related_name="organisations",
        verbose_name=_("kind"),
    )
    migrant_led = models.BooleanField(
        _("migrant-led"),
        default=False,
        help_text=_("Self-declared: the organisation is run by people with a migration history."),
    )
    description = models.TextField(_("description"), blank=True)
    founding_year = models.PositiveSmallIntegerField(
        _("founding year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1800), MaxValueValidator(2100)],
    )
    districts = models.ManyToManyField(
        District, related_name="organisations", verbose_name=_("districts served")
    )
    no_public_address = models.BooleanField(
        _("no public address"),
        default=False,
        help_text=_("Neither the address nor a map pin is shown to the public."),
    )
    website = models.URLField(_("website"), blank=True, validators=[validate_web_address])
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    social_links = models.TextField(
        _("social media links"),
        blank=True,
        help_text=_("One address per line."),
        validators=[validate_links],
    )
    languages = models.ManyToManyField(
        Language,
        related_name="organisations_speaking",
        blank=True,
        verbose_name=_("languages spoken"),
    )
    counselling_languages = models.ManyToManyField(
        Language,
        related_name="organisations_counselling",
        blank=True,
        verbose_name=_("languages of counselling"),
    )
    topics = models.ManyToManyField(
        Topic, related_name="organisations", blank=True, verbose_name=_("topics")
    )
    target_groups = models.ManyToManyField(
        TargetGroup, related_name="organisations", blank=True, verbose_name=_("target groups")
    )
    register_court = models.CharField(_("register court"), max_length=100, blank=True)
    register_number = models.CharField(
        _("register number"), max_length=50, blank=True, help_text=_("e.g. VR 12345 B")
    )
    non_profit = models.BooleanField(_("recognised as non-profit"), default=False)

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    verified_at = models.DateTimeField(_("verified on"), null=True, blank=True)
    last_confirmed_at = models.DateTimeField(_("last confirmed on"), null=True, blank=True)
    published_at = models.DateTimeField(_("published on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True, db_index=True)
    # --- Registration and review ---
    entered_by_district_office = models.BooleanField(
        _("entered by the district office"),
        default=False,
        help_text=_("District staff entered it; it has no owner until the organisation claims it."),
    )
    submitted_at = models.DateTimeField(_("submitted for review on"), null=True, blank=True)
    confirmation_reminded_at = models.DateTimeField(
        _("last reminded to confirm on"), null=True, blank=True
    )
    owner_left_at = models.DateTimeField(
        _("without owner since"),
        null=True,
        blank=True,
        help_text=_("Set when the last owner deleted their account."),
    )
    history = VersionHistory(
        m2m_fields=["districts", "languages", "counselling_languages", "topics", "target_groups"],
        excluded_fields=[
            "updated_at",
            "last_confirmed_at",
            "confirmation_reminded_at",
            "owner_left_at",
            # Derived data, rebuilt by organisations.search; never worth a version.
            "search_vector",
            "name_vector",
            "facet_keys",
        ],
    )

    # Denormalised search data, written only by organisations.search.organisation_search_refresh.
    search_vector = SearchVectorField(editable=False, null=True)
    # The part of search_vector with the name (title) alone, small and indexed of its own: the
    # best matches of a search are found and ranked among the name matches only.
    name_vector = SearchVectorField(editable=False, null=True)
    # Every filter value of the entry as one set of keys (see organisations.facets).
    facet_keys = FacetKeysField(editable=False, default=list)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["external_id"],
                condition=~Q(external_id=""),
                name="organisation_unique_external_id",
            ),
        ]
        indexes = [
            # The directory lists published entries by name or by date of the last update.
            models.Index(fields=["status", "name"], name="organisation_status_name"),
            models.Index(fields=["status", "-updated_at"], name="organisation_status_updated"),
            # On PostgreSQL migration 0009 adds GIN indexes on search_vector and facet_keys and
            # a covering index (id) INCLUDE (facet_keys) of the published entries.
            GinIndex(fields=["name_vector"], name="organisation_name_vector"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("organisations:detail", kwargs={"slug": self.slug})

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def shows_address(self) -> bool:
        return not self.no_public_address and bool(self.street or self.locality)

    @property
    def shows_map(self) -> bool:
        return (
            not self.no_public_address and self.latitude is not None and self.longitude is not None
        )

    @property
    def confirmed_or_published_at(self) -> datetime.datetime | None:
        return self.last_confirmed_at or self.published_at

    @property
    def may_be_outdated(self) -> bool:
        """Unconfirmed for 18 months: the public page says the entry may be out of date."""
        since = self.confirmed_or_published_at or self.created_at
        return self.is_public and since is not None and since < timezone.now() - OUTDATED_AFTER
