"""The core of the directory: places, vocabularies, organisations, offers, members, staff."""

from __future__ import annotations

import datetime
from typing import Any
from uuid import uuid4

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from parler.managers import TranslatableManager, TranslatableQuerySet
from parler.models import TranslatableModelMixin, TranslatedFields
from parler.utils.i18n import normalize_language_code
from simple_history.models import HistoricalRecords

from migra_hub.links import validate_links, validate_web_address
from migra_hub.multilingual import MultilingualEntry
from organisations.facets import FacetKeysField
from organisations.language_names import language_endonym, language_name

# --- Geography -------------------------------------------------------------------------------


class City(models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), unique=True)

    class Meta:
        verbose_name = _("city")
        verbose_name_plural = _("cities")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class District(models.Model):
    city = models.ForeignKey(
        City, on_delete=models.PROTECT, related_name="districts", verbose_name=_("city")
    )
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"))

    class Meta:
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        ordering = ["city__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["city", "slug"], name="district_unique_slug_per_city"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def office_name(self) -> str:
        """The district office by its full name ("Bezirksamt Pankow"), e.g. as an organiser."""
        return gettext("District office %(district)s") % {"district": self.name}


# --- Vocabularies ----------------------------------------------------------------------------


class VocabularyManager(TranslatableManager):
    """Entries come with their names in every language (one more query per list, none per
    entry): form choices, ``organisation.topics.all()`` and prefetches of them. Entries reached
    by ``select_related`` need ``prefetch_related("kind__translations")``."""

    def get_queryset(self) -> TranslatableQuerySet:
        return super().get_queryset().prefetch_related("translations")


class TranslatedName(TranslatableModelMixin, models.Model):
    """A vocabulary entry named in every interface language (django-parler: one row per
    language, so a new interface language needs no migration). A missing name falls back to
    German, then English (``settings.PARLER_LANGUAGES``)."""

    slug = models.SlugField(_("slug"), unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    # Stable public identifier (open data: HSDS taxonomy term id); the slug may be renamed.
    uuid = models.UUIDField(_("public identifier"), default=uuid4, unique=True, editable=False)

    objects = VocabularyManager()

    class Meta:
        abstract = True
        ordering = ["position", "slug"]

    # An entry speaks the language of the request it is shown in, not the one it was loaded in
    # (parler's default): the directory keeps entries in a cache shared by all languages. A
    # language set on purpose (``set_current_language``: the admin's tabs, forms) still holds.
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        pinned = kwargs.get("_current_language")
        super().__init__(*args, **kwargs)
        self.__dict__["_pinned_language"] = pinned

    # ``name`` (a translated field of each concrete model) is the name in the current language,
    # else German, else English. Load many entries with ``prefetch_related("translations")``.

    def __str__(self) -> str:
        return str(self.safe_translation_getter("name", any_language=True) or self.slug)

    @property
    def _current_language(self) -> str:
        pinned = self.__dict__.get("_pinned_language")
        return pinned or normalize_language_code(get_language() or settings.LANGUAGE_CODE)

    @_current_language.setter
    def _current_language(self, value: str | None) -> None:
        self.__dict__["_pinned_language"] = value

    @property
    def names(self) -> dict[str, str]:
        """Every language's name, by language code (for imports that match any of them)."""
        return {t.language_code: t.name for t in self.translations.all() if t.name}


def _name_field() -> TranslatedFields:
    return TranslatedFields(name=models.CharField(_("name"), max_length=100))


class Topic(TranslatedName):
    translations = _name_field()

    class Meta(TranslatedName.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")


class TargetGroup(TranslatedName):
    translations = _name_field()

    class Meta(TranslatedName.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class OrganisationKind(TranslatedName):
    translations = _name_field()

    class Meta(TranslatedName.Meta):
        verbose_name = _("kind of organisation")
        verbose_name_plural = _("kinds of organisation")


class OfferKind(TranslatedName):
    translations = _name_field()

    class Meta(TranslatedName.Meta):
        verbose_name = _("kind of offer")
        verbose_name_plural = _("kinds of offer")


class Language(models.Model):
    """A language people speak, by its ISO 639 code. Its names in every language come from
    CLDR (``organisations.language_names``), not from our database."""

    code = models.CharField(_("ISO 639 code"), max_length=12, unique=True)
    uuid = models.UUIDField(_("public identifier"), default=uuid4, unique=True, editable=False)

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        ordering = ["code"]

    def __str__(self) -> str:
        if self.name_native and self.name_native != self.name:
            return f"{self.name} / {self.name_native}"
        return self.name

    @property
    def name(self) -> str:
        """The language's name in the current interface language."""
        return language_name(self.code)

    @property
    def name_native(self) -> str:
        """The language's name in itself ("ትግርኛ"), or "" where CLDR does not know it."""
        return language_endonym(self.code)


# --- Organisations ---------------------------------------------------------------------------

# Owners are reminded after 12 months without a confirmation; after 18 the entry is flagged.
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

    # --- Registration and review (issue 4) ---

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

    # --- Directory (issue 3) ---

    def defer_search_data(self) -> OrganisationQuerySet:
        """Pages show entries, not their (large) search data: don't load or sort it."""
        return self.defer("search_document", "search_vector", "facet_keys")

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
    # --- Registration and review (issue 4) ---
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
    history = HistoricalRecords(
        m2m_fields=["districts", "languages", "counselling_languages", "topics", "target_groups"],
        excluded_fields=[
            "updated_at",
            "last_confirmed_at",
            "confirmation_reminded_at",
            "owner_left_at",
            # Derived data, rebuilt by organisations.search; never worth a version.
            "search_document",
            "search_vector",
            "facet_keys",
        ],
    )

    # Denormalised search data, written only by organisations.search.organisation_search_refresh.
    search_document = models.TextField(editable=False, blank=True, default="")
    search_vector = SearchVectorField(editable=False, null=True)
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


class OfferQuerySet(models.QuerySet["Offer"]):
    def public(self) -> OfferQuerySet:
        return self.filter(organisation__status=Organisation.Status.PUBLISHED)

    def defer_search_data(self) -> OfferQuerySet:
        return self.defer("search_document", "search_vector", "facet_keys")

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
    history = HistoricalRecords(  # issue 4: changes to published entries go to the change log
        m2m_fields=["topics", "target_groups", "languages"],
        excluded_fields=["updated_at", "search_document", "search_vector", "facet_keys"],
    )

    # Denormalised search data, written only by organisations.search.organisation_search_refresh.
    search_document = models.TextField(editable=False, blank=True, default="")
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


class SearchWord(models.Model):
    """Every word of the searchable texts once (lower case, unaccented): the dictionary that
    search terms with a typo are corrected against (PostgreSQL only)."""

    word = models.CharField(max_length=100, unique=True)

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")

    def __str__(self) -> str:
        return self.word


# --- People ----------------------------------------------------------------------------------


class OrganisationMembership(models.Model):
    class Role(models.TextChoices):
        OWNER = "owner", _("owner")
        EDITOR = "editor", _("editor")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="organisation_memberships",
        verbose_name=_("user"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.EDITOR)
    created_at = models.DateTimeField(_("member since"), auto_now_add=True)

    class Meta:
        verbose_name = _("organisation member")
        verbose_name_plural = _("organisation members")
        ordering = ["organisation__name", "user__email"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"], name="one_membership_per_user_and_organisation"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()}, {self.organisation})"


class DistrictStaff(models.Model):
    """A person working for a district office; sees and decides what their district owns."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="district_staff_roles",
        verbose_name=_("user"),
    )
    district = models.ForeignKey(
        District, on_delete=models.CASCADE, related_name="staff", verbose_name=_("district")
    )
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        verbose_name = _("district staff member")
        verbose_name_plural = _("district staff")
        ordering = ["district__name", "user__email"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "district"], name="one_staff_role_per_user_and_district"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.district})"


class ProblemReport(models.Model):
    """A visitor's note that an entry is wrong; waits in the staff queue of its districts."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="problem_reports",
        verbose_name=_("organisation"),
    )
    message = models.TextField(_("what is wrong?"), max_length=2000)
    reporter_email = models.EmailField(
        _("your e-mail (optional)"),
        blank=True,
        help_text=_("Only if you want an answer. Only district staff see it."),
    )
    created_at = models.DateTimeField(_("reported on"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved on"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("resolved by"),
    )

    class Meta:
        verbose_name = _("problem report")
        verbose_name_plural = _("problem reports")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.message[:40]}"


# --- Registration, review and members (issue 4) ---------------------------------------------


class ReviewDecision(models.Model):
    """What district staff decided about an entry: who, when, what and why."""

    class Action(models.TextChoices):
        PUBLISHED = "published", _("published")
        CHANGES_REQUESTED = "changes_requested", _("asked for changes")
        REJECTED = "rejected", _("rejected")
        UNPUBLISHED = "unpublished", _("unpublished")
        ARCHIVED = "archived", _("archived")
        VERIFIED = "verified", _("marked as verified")
        UNVERIFIED = "unverified", _("verification removed")
        REVERTED = "reverted", _("reverted a change")
        CLAIM_APPROVED = "claim_approved", _("approved a claim")
        CLAIM_DECLINED = "claim_declined", _("declined a claim")
        REPORT_RESOLVED = "report_resolved", _("resolved a problem report")
        OWNER_FLAG_CLEARED = "owner_flag_cleared", _("cleared the missing-owner flag")

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="review_decisions",
        verbose_name=_("organisation"),
    )
    action = models.CharField(_("decision"), max_length=30, choices=Action.choices)
    message = models.TextField(_("message or reason"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="review_decisions",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided on"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("review decision")
        verbose_name_plural = _("review decisions")
        ordering = ["-decided_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.get_action_display()}"


class OwnershipClaimQuerySet(models.QuerySet["OwnershipClaim"]):
    def pending(self) -> OwnershipClaimQuerySet:
        return self.filter(status=OwnershipClaim.Status.PENDING)


class OwnershipClaim(models.Model):
    """A person says "this entry is us" and asks district staff to make them its owner."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for review")
        APPROVED = "approved", _("approved")
        DECLINED = "declined", _("declined")

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="claims",
        verbose_name=_("organisation"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="organisation_claims",
        verbose_name=_("claimed by"),
    )
    message = models.TextField(
        _("how are you connected to the organisation?"),
        max_length=1000,
        help_text=_("For example your role in the organisation. Only district staff see this."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("claimed on"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided on"), null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    language = models.CharField(_("language for e-mails"), max_length=10, blank=True)

    objects = OwnershipClaimQuerySet.as_manager()

    class Meta:
        verbose_name = _("claim of an entry")
        verbose_name_plural = _("claims of entries")
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"],
                condition=Q(status="pending"),
                name="one_pending_claim_per_user_and_organisation",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.organisation}"


class InvitationQuerySet(models.QuerySet["Invitation"]):
    def open(self, now: datetime.datetime | None = None) -> InvitationQuerySet:
        """Not yet accepted and not expired."""
        return self.filter(accepted_at__isnull=True, expires_at__gt=now or timezone.now())


class Invitation(models.Model):
    """An owner invites a person by e-mail; the link works once and expires.

    Only a hash of the token is stored, so a leaked database does not let anyone join.
    """

    VALID_FOR = datetime.timedelta(days=7)

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("organisation"),
    )
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(
        _("role"),
        max_length=10,
        choices=OrganisationMembership.Role.choices,
        default=OrganisationMembership.Role.EDITOR,
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("invited on"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires on"))
    accepted_at = models.DateTimeField(_("accepted on"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("accepted by"),
    )

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} → {self.organisation}"

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()
