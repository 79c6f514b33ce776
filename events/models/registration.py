"""The people signed up for an event: their seats, needs and status."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organisations.models import Language, Organisation


def new_token() -> str:
    return secrets.token_urlsafe(32)


class RegistrationQuerySet(models.QuerySet["Registration"]):
    def active(self) -> RegistrationQuerySet:
        """Holding seats: confirmed or already checked in."""
        return self.filter(status__in=ACTIVE_STATUSES)

    def waitlisted(self) -> RegistrationQuerySet:
        return self.filter(status=Registration.Status.WAITLISTED).order_by("created_at", "pk")

    def current(self) -> RegistrationQuerySet:
        """Not cancelled: holding a seat or waiting for one."""
        return self.filter(status__in=CURRENT_STATUSES)

    def not_anonymised(self) -> RegistrationQuerySet:
        return self.filter(anonymised_at__isnull=True)

    def seat_total(self) -> int:
        return int(self.aggregate(total=Coalesce(Sum("seats"), 0))["total"])


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmed")
        WAITLISTED = "waitlisted", _("on the waiting list")
        CANCELLED = "cancelled", _("cancelled")
        ATTENDED = "attended", _("attended")

    event = models.ForeignKey(
        "events.Event",
        on_delete=models.CASCADE,
        related_name="registrations",
        verbose_name=_("event"),
    )
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail"))
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_registrations",
        verbose_name=_("organisation"),
    )
    organisation_name = models.CharField(
        _("organisation (if not in the directory)"), max_length=200, blank=True
    )
    seats = models.PositiveSmallIntegerField(_("seats"), default=1)
    interpretation_language = models.ForeignKey(
        Language,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("interpretation into"),
    )
    childcare_children = models.PositiveSmallIntegerField(_("children for childcare"), default=0)
    childcare_ages = models.CharField(_("ages of the children"), max_length=100, blank=True)
    needs_step_free = models.BooleanField(_("needs step-free access"), default=False)
    accessibility_needs = models.TextField(_("other needs for accessibility"), blank=True)
    workshop = models.ForeignKey(
        "events.ProgrammePart",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="registrations",
        verbose_name=_("workshop"),
    )
    consent_at = models.DateTimeField(_("consent given on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.CONFIRMED
    )
    token = models.CharField(_("private token"), max_length=64, unique=True, default=new_token)
    language = models.CharField(_("language for e-mails"), max_length=10, default="de")
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_registrations",
        verbose_name=_("registered by"),
    )
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    promoted_at = models.DateTimeField(
        _("moved up from the waiting list on"), null=True, blank=True
    )
    reminder_sent_at = models.DateTimeField(_("reminder sent on"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("personal data deleted on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=Q(status__in=["confirmed", "waitlisted", "attended"])
                & Q(anonymised_at__isnull=True),
                name="one_current_registration_per_event_and_email",
            ),
            models.CheckConstraint(
                condition=Q(seats__gte=1), name="registration_at_least_one_seat"
            ),
        ]
        indexes = [models.Index(fields=["event", "status"], name="registration_event_status")]

    def __str__(self) -> str:
        return f"{self.name} ({self.event})"

    def get_absolute_url(self) -> str:
        return reverse("events:registration", kwargs={"token": self.token})

    @property
    def is_confirmed(self) -> bool:
        return self.status in ACTIVE_STATUSES

    @property
    def is_waitlisted(self) -> bool:
        return self.status == self.Status.WAITLISTED

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def is_attended(self) -> bool:
        return self.status == self.Status.ATTENDED

    @property
    def organisation_label(self) -> str:
        if self.organisation_id:
            return str(self.organisation)
        return self.organisation_name

    def waitlist_position(self) -> int | None:
        if not self.is_waitlisted:
            return None
        return (
            self.event.registrations.waitlisted()
            .filter(
                Q(created_at__lt=self.created_at) | Q(created_at=self.created_at, pk__lte=self.pk)
            )
            .count()
        )


ACTIVE_STATUSES = (Registration.Status.CONFIRMED, Registration.Status.ATTENDED)
CURRENT_STATUSES = (*ACTIVE_STATUSES, Registration.Status.WAITLISTED)
