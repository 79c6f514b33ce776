"""Who works on an entry: members and their invitations, district and city-wide staff."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organisations.models.organisation import Organisation
from organisations.models.places import District


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


class CityStaff(models.Model):
    """A person working for the city as a whole.

    They see and decide everything, and they are the reviewers of entries that no district's
    staff look after (districts without staff accounts, entries serving no district); where a
    district has staff, those stay the first reviewers.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="city_staff_role",
        verbose_name=_("user"),
    )
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        verbose_name = _("city-wide staff member")
        verbose_name_plural = _("city-wide staff")
        ordering = ["user__email"]

    def __str__(self) -> str:
        return str(self.user)


class ReviewerMailSetting(models.Model):
    """How a reviewer (district or city-wide staff) hears of what waits for them."""

    class Frequency(models.TextChoices):
        EACH = "each", _("one e-mail for each item")
        DIGEST = "digest", _("one e-mail a day with everything new")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="reviewer_mail_setting",
        verbose_name=_("user"),
    )
    frequency = models.CharField(
        _("e-mails about what waits"),
        max_length=10,
        choices=Frequency.choices,
        default=Frequency.EACH,
    )
    # The day of the last digest, so that running the command twice a day sends one.
    digest_sent_on = models.DateField(_("last digest sent on"), null=True, blank=True)

    class Meta:
        verbose_name = _("reviewer's e-mail setting")
        verbose_name_plural = _("reviewers' e-mail settings")

    def __str__(self) -> str:
        return f"{self.user} ({self.get_frequency_display()})"


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
