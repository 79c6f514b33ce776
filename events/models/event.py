"""Events: round tables, network meetings, workshops, and what they need to take sign-ups."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Exists, F, OuterRef, Prefetch, Q, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.text import get_text_list
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from events.models.organiser import (
    EventCoOrganiser,
    Organiser,
    exactly_one_party,
    organiser_field,
    organiser_name,
    organiser_url,
)
from events.models.registration import ACTIVE_STATUSES
from migra_hub.multilingual import MultilingualEntry
from networks.models import Network, NetworkMembership
from organisations.models import District, Language, Organisation


class EventQuerySet(models.QuerySet["Event"]):
    def published(self) -> EventQuerySet:
        """Published or cancelled: both have a public page (a cancelled event says so)."""
        return self.filter(status__in=[Event.Status.PUBLISHED, Event.Status.CANCELLED])

    def public(self) -> EventQuerySet:
        """Shown to everyone: published and not restricted to network members."""
        return self.published().filter(visibility=Event.Visibility.PUBLIC)

    def upcoming(self, now: datetime.datetime | None = None) -> EventQuerySet:
        return self.filter(ends_at__gte=now or timezone.now())

    def past(self, now: datetime.datetime | None = None) -> EventQuerySet:
        return self.filter(ends_at__lt=now or timezone.now())

    def open_for_signup(self, now: datetime.datetime | None = None) -> EventQuerySet:
        now = now or timezone.now()
        return self.filter(status=Event.Status.PUBLISHED, starts_at__gt=now).filter(
            Q(signup_opens_at__isnull=True) | Q(signup_opens_at__lte=now),
            Q(signup_closes_at__isnull=True) | Q(signup_closes_at__gt=now),
        )

    def in_district(self, district: District) -> EventQuerySet:
        """Organised or co-organised by the district, by one of its networks or an organisation
        serving it."""
        serves = Organisation.districts.through.objects.filter(
            organisation=OuterRef("organiser_organisation"), district=district
        )
        co_organised = EventCoOrganiser.objects.filter(event=OuterRef("pk")).filter(
            Q(district=district)
            | Q(network__district=district)
            | Q(organisation__districts=district)
        )
        return self.filter(
            Q(organiser_district=district)
            | Q(organiser_network__district=district)
            | Exists(serves)
            | Exists(co_organised)
        )

    def organised_by(self, organiser: Organiser) -> EventQuerySet:
        """Events this district, network or organisation organises, as lead or co-organiser."""
        field = organiser_field(organiser)
        co_organised = EventCoOrganiser.objects.filter(**{field: organiser})
        return self.filter(
            Q(**{f"organiser_{field}": organiser}) | Q(pk__in=co_organised.values("event"))
        )

    def visible_to(self, user: Any) -> EventQuerySet:
        """Public events for everyone; members-only events for members of the network."""
        if not getattr(user, "is_authenticated", False):
            return self.public()
        member_networks = NetworkMembership.objects.active().filter(
            organisation__memberships__user=user
        )
        co_organising = EventCoOrganiser.objects.filter(
            network__in=member_networks.values("network")
        )
        return self.published().filter(
            Q(visibility=Event.Visibility.PUBLIC)
            | Q(organiser_network__in=member_networks.values("network"))
            | Q(pk__in=co_organising.values("event"))
        )

    def with_seat_counts(self) -> EventQuerySet:
        """Annotate ``seats_taken`` (confirmed and attended seats) without one query per row."""
        return self.annotate(
            seats_taken=Coalesce(
                Sum("registrations__seats", filter=Q(registrations__status__in=ACTIVE_STATUSES)),
                0,
            )
        )

    def with_organisers(self) -> EventQuerySet:
        """The lead organiser joined and the co-organisers in one more query, for
        ``Event.organisers``."""
        return self.select_related(
            "organiser_district", "organiser_network", "organiser_organisation"
        ).prefetch_related(
            Prefetch(
                "co_organisers",
                queryset=EventCoOrganiser.objects.select_related(
                    "district", "network", "organisation"
                ),
            )
        )

    def for_listing(self) -> EventQuerySet:
        return (
            self.with_organisers()
            .prefetch_related("languages", "interpretation_languages")
            .with_seat_counts()
        )


class Event(MultilingualEntry):
    multilingual_fields = ("title", "description")

    class Kind(models.TextChoices):
        ROUND_TABLE = "round_table", _("round table")
        NETWORK_MEETING = "network_meeting", _("network meeting")
        WORKSHOP = "workshop", _("workshop")
        PANEL = "panel", _("panel discussion")
        INFORMATION = "information", _("information session")
        TRAINING = "training", _("training")
        OTHER = "other", _("other")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("public")
        MEMBERS = "members", _("only members of the organising network")

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")
        CANCELLED = "cancelled", _("cancelled")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.ROUND_TABLE
    )
    description = models.TextField(_("description"), blank=True)

    organiser_district = models.ForeignKey(
        District,
        on_delete=models.PROTECT,
        related_name="events",
        null=True,
        blank=True,
        verbose_name=_("organising district"),
    )
    organiser_network = models.ForeignKey(
        Network,
        on_delete=models.PROTECT,
        related_name="events",
        null=True,
        blank=True,
        verbose_name=_("organising network"),
    )
    organiser_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="events",
        null=True,
        blank=True,
        verbose_name=_("organising organisation"),
    )

    starts_at = models.DateTimeField(_("starts"), db_index=True)
    ends_at = models.DateTimeField(_("ends"), db_index=True)

    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    venue_address = models.CharField(_("address of the venue"), max_length=300, blank=True)
    step_free = models.BooleanField(_("step-free access"), default=False)
    accessible_toilet = models.BooleanField(_("accessible toilet"), default=False)
    hearing_loop = models.BooleanField(_("hearing loop"), default=False)
    accessibility_notes = models.CharField(_("notes on accessibility"), max_length=300, blank=True)
    online_link = models.URLField(
        _("online link"),
        blank=True,
        help_text=_("Only confirmed participants see it (page and e-mail)."),
    )

    languages = models.ManyToManyField(
        Language, related_name="events", blank=True, verbose_name=_("languages of the event")
    )
    interpretation_languages = models.ManyToManyField(
        Language,
        related_name="events_interpreted",
        blank=True,
        verbose_name=_("interpretation on offer"),
    )
    childcare = models.BooleanField(_("childcare on offer"), default=False)

    capacity = models.PositiveIntegerField(
        _("seats"), null=True, blank=True, help_text=_("Leave empty for unlimited seats.")
    )
    waiting_list = models.BooleanField(_("waiting list when fully booked"), default=True)
    signup_opens_at = models.DateTimeField(
        _("sign-up opens"), null=True, blank=True, help_text=_("Empty: as soon as published.")
    )
    signup_closes_at = models.DateTimeField(
        _("sign-up closes"), null=True, blank=True, help_text=_("Empty: when the event starts.")
    )
    max_seats_per_signup = models.PositiveSmallIntegerField(
        _("maximum seats per sign-up"), default=1
    )
    max_seats_per_organisation = models.PositiveSmallIntegerField(
        _("maximum seats per organisation"),
        null=True,
        blank=True,
        help_text=_("Leave empty for no limit."),
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    contact_email = models.EmailField(_("contact address"), blank=True)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    published_at = models.DateTimeField(_("published on"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled on"), null=True, blank=True)
    # Counts the saved changes, so that an edit form opened on an older version can tell that
    # someone else saved meanwhile instead of overwriting it.
    revision = models.PositiveIntegerField(_("revision"), default=1, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at", "pk"]
        constraints = [
            # Exactly one lead organiser, so every event has at least one organiser; the others
            # are co-organisers (``EventCoOrganiser``, which explains the choice).
            models.CheckConstraint(
                condition=exactly_one_party("organiser_"), name="event_has_exactly_one_organiser"
            ),
            models.CheckConstraint(
                condition=Q(starts_at__lt=F("ends_at")), name="event_starts_before_it_ends"
            ),
            models.CheckConstraint(
                condition=Q(signup_opens_at__isnull=True)
                | Q(signup_closes_at__isnull=True)
                | Q(signup_opens_at__lt=F("signup_closes_at")),
                name="event_signup_opens_before_it_closes",
            ),
            models.CheckConstraint(
                condition=Q(max_seats_per_signup__gte=1), name="event_at_least_one_seat_per_signup"
            ),
            models.CheckConstraint(
                condition=Q(visibility="public") | Q(organiser_network__isnull=False),
                name="event_members_only_needs_a_network",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:detail", kwargs={"slug": self.slug})

    # --- organisers: the lead (these columns) and the co-organisers (``co_organisers``) ---

    @property
    def organiser(self) -> District | Network | Organisation:
        """The lead organiser."""
        organiser = self.organiser_district or self.organiser_network or self.organiser_organisation
        assert organiser is not None  # guaranteed by event_has_exactly_one_organiser
        return organiser

    @property
    def organiser_name(self) -> str:
        """The lead organiser by its full name: "Bezirksamt Pankow", not just "Pankow"."""
        return organiser_name(self.organiser)

    @property
    def organiser_url(self) -> str:
        return organiser_url(self.organiser)

    @property
    def organisers(self) -> list[Organiser]:
        """Everyone who organises the event and may be named in public: the lead first, then the
        co-organisers (load them with ``EventQuerySet.with_organisers`` in lists)."""
        return [self.organiser] + [co.party for co in self.co_organisers.all() if co.is_public]

    @property
    def organiser_names(self) -> str:
        """ "District office Pankow and Verein X"."""
        return str(
            get_text_list([organiser_name(party) for party in self.organisers], gettext("and"))
        )

    @property
    def organiser_links(self) -> list[tuple[str, str]]:
        """(name, URL or "") of every organiser, for pages that link them."""
        return [(organiser_name(party), organiser_url(party)) for party in self.organisers]

    @property
    def district(self) -> District | None:
        """The district the event belongs to for district staff (own or its network's)."""
        if self.organiser_district_id:
            return self.organiser_district
        if self.organiser_network_id:
            return self.organiser_network.district  # type: ignore[union-attr]
        return None

    # --- state ---

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_members_only(self) -> bool:
        return self.visibility == self.Visibility.MEMBERS

    @property
    def has_started(self) -> bool:
        return self.starts_at <= timezone.now()

    @property
    def is_past(self) -> bool:
        return self.ends_at < timezone.now()

    @property
    def effective_signup_closes_at(self) -> datetime.datetime:
        return self.signup_closes_at or self.starts_at

    def signup_state(self, now: datetime.datetime | None = None) -> str:
        """One of: draft, cancelled, not_yet_open, closed, open."""
        now = now or timezone.now()
        if self.is_draft:
            return "draft"
        if self.is_cancelled:
            return "cancelled"
        if self.signup_opens_at and now < self.signup_opens_at:
            return "not_yet_open"
        if now >= self.effective_signup_closes_at:
            return "closed"
        return "open"

    @property
    def is_open_for_signup(self) -> bool:
        return self.signup_state() == "open"

    def taken_seats(self) -> int:
        """Seats of confirmed and attended registrations (use the annotation in lists)."""
        annotated = getattr(self, "seats_taken", None)
        if annotated is not None:
            return int(annotated)
        return int(
            self.registrations.filter(status__in=ACTIVE_STATUSES).aggregate(
                total=Coalesce(Sum("seats"), 0)
            )["total"]
        )

    def seats_left(self) -> int | None:
        if self.capacity is None:
            return None
        return max(self.capacity - self.taken_seats(), 0)

    @property
    def is_fully_booked(self) -> bool:
        left = self.seats_left()
        return left is not None and left == 0

    @property
    def takes_signups(self) -> bool:
        """Open for sign-up and either seats left or a waiting list to join."""
        return self.is_open_for_signup and (self.waiting_list or not self.is_fully_booked)

    def ics_filename(self) -> str:
        return f"{self.slug}.ics"
