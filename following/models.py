"""What a person follows, how often they want to hear about it, and what they were sent."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from networks.models import Network
from organisations.models import District, Organisation

if TYPE_CHECKING:
    from accounts.models import User

# What a person can follow: one of these, or None for the peer exchange.
Target = Organisation | Network | District | None


class FollowQuerySet(models.QuerySet["Follow"]):
    def of(self, user: User) -> FollowQuerySet:
        return self.filter(user=user)


class Follow(models.Model):
    """One thing a person follows: an organisation, a network, a district or the exchange."""

    class Kind(models.TextChoices):
        ORGANISATION = "organisation", _("organisation")
        NETWORK = "network", _("network")
        DISTRICT = "district", _("district")
        EXCHANGE = "exchange", _("peer exchange")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="follows",
        verbose_name=_("person"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="followers",
        verbose_name=_("organisation"),
    )
    network = models.ForeignKey(
        Network,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="followers",
        verbose_name=_("network"),
    )
    district = models.ForeignKey(
        District,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="followers",
        verbose_name=_("district"),
    )
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    objects = FollowQuerySet.as_manager()

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        ordering = ["kind", "created_at", "pk"]
        constraints = [
            # Exactly the target that the kind names, and nothing else.
            models.CheckConstraint(
                condition=(
                    Q(
                        kind="organisation",
                        organisation__isnull=False,
                        network__isnull=True,
                        district__isnull=True,
                    )
                    | Q(
                        kind="network",
                        organisation__isnull=True,
                        network__isnull=False,
                        district__isnull=True,
                    )
                    | Q(
                        kind="district",
                        organisation__isnull=True,
                        network__isnull=True,
                        district__isnull=False,
                    )
                    | Q(
                        kind="exchange",
                        organisation__isnull=True,
                        network__isnull=True,
                        district__isnull=True,
                    )
                ),
                name="follow_names_the_target_of_its_kind",
            ),
            models.UniqueConstraint(
                fields=["user", "organisation"],
                condition=Q(kind="organisation"),
                name="follow_organisation_once",
            ),
            models.UniqueConstraint(
                fields=["user", "network"], condition=Q(kind="network"), name="follow_network_once"
            ),
            models.UniqueConstraint(
                fields=["user", "district"],
                condition=Q(kind="district"),
                name="follow_district_once",
            ),
            models.UniqueConstraint(
                fields=["user"], condition=Q(kind="exchange"), name="follow_exchange_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} follows {self.target_name}"

    @property
    def target(self) -> Organisation | Network | District | None:
        return self.organisation or self.network or self.district

    @property
    def key(self) -> str:
        return target_key(self.target)

    @property
    def target_name(self) -> str:
        target = self.target
        return str(target) if target is not None else str(self.get_kind_display())


def target_fields(target: Target) -> dict[str, object]:
    """The fields of a follow of ``target``, for lookups and new rows."""
    if isinstance(target, Organisation):
        return {"kind": Follow.Kind.ORGANISATION, "organisation": target}
    if isinstance(target, Network):
        return {"kind": Follow.Kind.NETWORK, "network": target}
    if isinstance(target, District):
        return {"kind": Follow.Kind.DISTRICT, "district": target}
    return {"kind": Follow.Kind.EXCHANGE}


def target_key(target: Target) -> str:
    """How forms name ``target``: an organisation's or network's slug, a district's number,
    nothing for the exchange."""
    if isinstance(target, District):
        return str(target.pk)
    return target.slug if target is not None else ""


class DigestSettingQuerySet(models.QuerySet["DigestSetting"]):
    def due(self, frequency: str, today: datetime.date) -> DigestSettingQuerySet:
        """Settings of this frequency whose person has not had their run of this period yet."""
        return self.filter(frequency=frequency).filter(
            Q(last_run_on__isnull=True) | Q(last_run_on__lte=today - DigestSetting.gap(frequency))
        )


class DigestSetting(models.Model):
    """How often a person hears about what they follow, and up to when they have heard it.

    ``covered_until`` is the end of the last digest's window: the next digest shows only what
    appeared after it, so a digest never repeats what an earlier one said.
    """

    class Frequency(models.TextChoices):
        DAILY = "daily", _("once a day")
        WEEKLY = "weekly", _("once a week")
        NEVER = "never", _("no e-mails")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="digest_setting",
        verbose_name=_("person"),
    )
    frequency = models.CharField(
        _("e-mail digest"), max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    covered_until = models.DateTimeField(_("digests cover up to"), default=timezone.now)
    last_run_on = models.DateField(_("last digest run on"), null=True, blank=True)

    objects = DigestSettingQuerySet.as_manager()

    class Meta:
        verbose_name = _("digest setting")
        verbose_name_plural = _("digest settings")

    def __str__(self) -> str:
        return f"{self.user}: {self.get_frequency_display()}"

    @staticmethod
    def gap(frequency: str) -> datetime.timedelta:
        """How long after a run the next one of this frequency is due. A weekly digest allows
        a day's slack, so that a cron job a little earlier than last week's still sends it."""
        return datetime.timedelta(days=1 if frequency == DigestSetting.Frequency.DAILY else 6)

    def is_due(self, frequency: str, today: datetime.date) -> bool:
        return self.frequency == frequency and (
            self.last_run_on is None or self.last_run_on <= today - self.gap(frequency)
        )


class DigestLog(models.Model):
    """One digest sent: to whom, which window of time it covered and how much it held."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="digest_logs",
        verbose_name=_("person"),
    )
    frequency = models.CharField(
        _("frequency"), max_length=10, choices=DigestSetting.Frequency.choices
    )
    covered_from = models.DateTimeField(_("covers from"))
    covered_until = models.DateTimeField(_("covers up to"))
    item_count = models.PositiveIntegerField(_("items"))
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        verbose_name = _("digest sent")
        verbose_name_plural = _("digests sent")
        ordering = ["-sent_at", "-pk"]
        constraints = [
            # A window is mailed once, whatever runs overlap.
            models.UniqueConstraint(
                fields=["user", "covered_until"], name="one_digest_per_person_and_window"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.covered_from:%Y-%m-%d} – {self.covered_until:%Y-%m-%d}"
