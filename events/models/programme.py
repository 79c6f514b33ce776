"""The programme of an event: its parts (a panel, talks, workshops, breaks) and their speakers."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from events.models.registration import CURRENT_STATUSES
from organisations.models import Language, Organisation


class ProgrammePartQuerySet(models.QuerySet["ProgrammePart"]):
    def workshops(self) -> ProgrammePartQuerySet:
        return self.filter(kind=ProgrammePart.Kind.WORKSHOP)

    def with_seats_taken(self) -> ProgrammePartQuerySet:
        """Annotate ``workshop_seats_taken``: the seats of sign-ups that chose the part and are
        not cancelled (people on the waiting list keep their workshop seat, so that moving up
        never overfills a workshop)."""
        return self.annotate(
            workshop_seats_taken=Coalesce(
                Sum(
                    "registrations__seats",
                    filter=Q(registrations__status__in=CURRENT_STATUSES),
                ),
                0,
            )
        )

    def for_schedule(self) -> ProgrammePartQuerySet:
        return self.with_seats_taken().prefetch_related("languages")


class ProgrammePart(models.Model):
    class Kind(models.TextChoices):
        PANEL = "panel", _("panel")
        TALK = "talk", _("talk")
        WORKSHOP = "workshop", _("workshop")
        BREAK = "break", _("break")
        OTHER = "other", _("other")

    event = models.ForeignKey(
        "events.Event",
        on_delete=models.CASCADE,
        related_name="programme_parts",
        verbose_name=_("event"),
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.PANEL)
    description = models.TextField(_("description"), blank=True)
    room = models.CharField(_("room"), max_length=100, blank=True)
    languages = models.ManyToManyField(
        Language, related_name="+", blank=True, verbose_name=_("languages")
    )
    capacity = models.PositiveIntegerField(
        _("seats in the workshop"),
        null=True,
        blank=True,
        help_text=_("Only for workshops. Leave empty for no limit."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ProgrammePartQuerySet.as_manager()

    class Meta:
        verbose_name = _("programme part")
        verbose_name_plural = _("programme parts")
        ordering = ["starts_at", "ends_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_at__lt=F("ends_at")), name="programme_part_starts_before_end"
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(kind="workshop"),
                name="programme_part_only_workshops_have_seats",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_workshop(self) -> bool:
        return self.kind == self.Kind.WORKSHOP

    def seats_left(self) -> int | None:
        """Free seats of a workshop with a limit (needs ``with_seats_taken``), else None."""
        if self.capacity is None:
            return None
        taken = getattr(self, "workshop_seats_taken", None)
        if taken is None:
            taken = self.registrations.filter(status__in=CURRENT_STATUSES).aggregate(
                total=Coalesce(Sum("seats"), 0)
            )["total"]
        return max(self.capacity - int(taken), 0)

    @property
    def is_full(self) -> bool:
        return self.seats_left() == 0


class Speaker(models.Model):
    """Somebody who speaks at an event, as the organisers present them. Not an account: the
    organisers enter them with the speaker's agreement and may remove them at any time."""

    event = models.ForeignKey(
        "events.Event",
        on_delete=models.CASCADE,
        related_name="speakers",
        verbose_name=_("event"),
    )
    name = models.CharField(_("name"), max_length=150)
    role = models.CharField(_("role"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_speakers",
        verbose_name=_("organisation in the directory"),
    )
    organisation_name = models.CharField(
        _("organisation (if not in the directory)"), max_length=200, blank=True
    )
    pronouns = models.CharField(_("pronouns"), max_length=50, blank=True)
    photo_consent = models.BooleanField(_("agrees to be photographed"), default=False)
    parts = models.ManyToManyField(
        ProgrammePart, related_name="speakers", blank=True, verbose_name=_("programme parts")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def organisation_label(self) -> str:
        if self.organisation_id:
            return str(self.organisation)
        return self.organisation_name


class EventResultQuerySet(models.QuerySet["EventResult"]):
    def published(self) -> EventResultQuerySet:
        return self.filter(published_at__isnull=False)


class EventResult(models.Model):
    """What came out of an event, published by its organisers after it ended."""

    event = models.OneToOneField(
        "events.Event", on_delete=models.CASCADE, related_name="result", verbose_name=_("event")
    )
    summary = models.TextField(_("summary"))
    published_at = models.DateTimeField(_("published on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = EventResultQuerySet.as_manager()

    class Meta:
        verbose_name = _("results of an event")
        verbose_name_plural = _("results of events")

    def __str__(self) -> str:
        return str(self.event)


RESULT_FOLDER = "events/results"


class EventResultFile(models.Model):
    """A document or photo published with an event's results. Photos only with the consent of
    everyone recognisable on them, which the organiser confirms when uploading."""

    class Kind(models.TextChoices):
        DOCUMENT = "document", _("document")
        PHOTO = "photo", _("photo")

    result = models.ForeignKey(
        EventResult, on_delete=models.CASCADE, related_name="files", verbose_name=_("results")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), max_length=255, upload_to=RESULT_FOLDER)
    filename = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=120)
    size = models.PositiveBigIntegerField(_("size"))
    consent_confirmed = models.BooleanField(
        _("everyone recognisable agreed to be shown"), default=False
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("file of the results")
        verbose_name_plural = _("files of the results")
        ordering = ["kind", "uploaded_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="photo") | Q(consent_confirmed=True),
                name="result_photo_needs_consent",
            )
        ]

    def __str__(self) -> str:
        return self.title
