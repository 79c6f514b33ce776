"""What district staff decide on: problem reports, review decisions, ownership claims."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organisations.models.organisation import Organisation


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
        CREATED = "created", _("entered the organisation")
        MERGED = "merged", _("merged another entry into this one")

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
