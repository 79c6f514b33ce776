"""The peer exchange: what organisations offer each other or need, and the answers they get."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from networks.models import Network, NetworkMembership
from organisations.models import (
    CityStaff,
    District,
    DistrictStaff,
    Organisation,
    OrganisationMembership,
)

if TYPE_CHECKING:
    from organisations.access import AnyUser

# How long a post stays up unless its author says otherwise, and at most: what organisations
# offer or need changes, and an old post nobody closed would mislead.
DEFAULT_RUNTIME = datetime.timedelta(days=28)
LONGEST_RUNTIME = datetime.timedelta(days=92)


def default_end() -> datetime.date:
    return timezone.localdate() + DEFAULT_RUNTIME


class PostQuerySet(models.QuerySet["Post"]):
    def not_hidden(self) -> PostQuerySet:
        return self.filter(hidden_at__isnull=True)

    def current(self) -> PostQuerySet:
        """Open for answers: neither matched, closed, hidden nor past its end date."""
        return self.filter(
            status=Post.Status.OPEN, hidden_at__isnull=True, ends_on__gte=timezone.localdate()
        )

    def finished(self) -> PostQuerySet:
        """Matched, closed or past its end date (hidden ones count by their status)."""
        return self.filter(~Q(status=Post.Status.OPEN) | Q(ends_on__lt=timezone.localdate()))

    def new_since(self, when: datetime.datetime) -> PostQuerySet:
        return self.filter(created_at__gte=when)

    def shared_with(self, network: Network) -> PostQuerySet:
        return self.filter(networks=network)

    def of_organisations_of(self, user: AnyUser) -> PostQuerySet:
        """Posts of the organisations the user is an owner or editor of."""
        return self.filter(
            Exists(
                OrganisationMembership.objects.filter(
                    organisation=OuterRef("organisation"), user_id=int(user.pk or 0)
                )
            )
        )

    def moderated_by(self, user: AnyUser) -> PostQuerySet:
        """Posts this user may hide: staff of one of the post's districts, city-wide staff
        and site administrators."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self.all()
        return self.filter(self._moderates(user))

    def _moderates(self, user: AnyUser) -> Q:
        pk = int(user.pk or 0)  # callers have made sure the user is logged in
        of_district = Post.districts.through.objects.filter(
            post=OuterRef("pk"),
            district__in=DistrictStaff.objects.filter(user_id=pk).values("district"),
        )
        return Q(Exists(CityStaff.objects.filter(user_id=pk))) | Q(Exists(of_district))

    def visible_to(self, user: AnyUser) -> PostQuerySet:
        """Posts the user may open, in any state. Everyone sees public posts of published
        organisations; posts shared only with networks are for the members of those networks;
        hidden posts only for the posting organisation and the staff who may hide them. The
        organisation's own people and the moderating staff see all its posts."""
        open_to_all = Q(hidden_at__isnull=True, organisation__status=Organisation.Status.PUBLISHED)
        if not user.is_authenticated:
            return self.filter(open_to_all, audience=Post.Audience.PUBLIC)
        if user.is_superuser:
            return self.all()
        pk = int(user.pk or 0)
        own = OrganisationMembership.objects.filter(
            organisation=OuterRef("organisation"), user_id=pk
        )
        in_network = Post.networks.through.objects.filter(
            post=OuterRef("pk"),
            network__memberships__status=NetworkMembership.Status.ACTIVE,
            network__memberships__organisation__memberships__user_id=pk,
        )
        shared = Q(audience=Post.Audience.PUBLIC) | Q(Exists(in_network))
        return self.filter(Q(Exists(own)) | self._moderates(user) | (open_to_all & shared))


class Post(models.Model):
    """What an organisation offers other organisations, or needs from them."""

    class Kind(models.TextChoices):
        OFFER = "offer", _("offer")
        NEED = "need", _("need")

    class Category(models.TextChoices):
        ROOMS = "rooms", _("rooms and space")
        EQUIPMENT = "equipment", _("equipment")
        PRESS = "press", _("press and public relations contacts")
        KNOW_HOW = "know_how", _("know-how and training")
        VOLUNTEERS = "volunteers", _("volunteers")
        INTERPRETATION = "interpretation", _("interpretation")
        FUNDING = "funding", _("help with funding applications")
        OTHER = "other", _("other")

    class Audience(models.TextChoices):
        PUBLIC = "public", _("everyone")
        NETWORKS = "networks", _("only the chosen networks")

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        MATCHED = "matched", _("matched")
        CLOSED = "closed", _("closed")

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="exchange_posts",
        verbose_name=_("organisation"),
    )
    kind = models.CharField(_("offer or need"), max_length=10, choices=Kind.choices)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    title = models.CharField(_("title"), max_length=150)
    text = models.TextField(_("description"), max_length=4000)
    districts = models.ManyToManyField(
        District, related_name="exchange_posts", verbose_name=_("districts")
    )
    audience = models.CharField(
        _("shared with"), max_length=10, choices=Audience.choices, default=Audience.PUBLIC
    )
    networks = models.ManyToManyField(
        Network, related_name="exchange_posts", blank=True, verbose_name=_("networks")
    )
    ends_on = models.DateField(_("ends on"), default=default_end)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("author"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    finished_at = models.DateTimeField(_("matched or closed"), null=True, blank=True)
    # Hiding is recorded: who, when and why; the posting organisation sees it.
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("hidden by"),
    )
    hidden_by_name = models.CharField(_("hidden by (name)"), max_length=200, blank=True)
    hidden_reason = models.TextField(_("reason for hiding"), max_length=2000, blank=True)

    objects = PostQuerySet.as_manager()

    class Meta:
        verbose_name = _("exchange post")
        verbose_name_plural = _("exchange posts")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "ends_on"], name="exchange_post_open_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(hidden_at__isnull=True) | ~Q(hidden_reason=""),
                name="exchange_hidden_post_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("exchange:detail", kwargs={"pk": self.pk})

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    @property
    def has_ended(self) -> bool:
        return self.ends_on < timezone.localdate()

    @property
    def is_current(self) -> bool:
        return self.status == self.Status.OPEN and not self.is_hidden and not self.has_ended


class Answer(models.Model):
    """A message of another organisation to the posting organisation, e-mailed to its owners.
    The answerer writes how to reach them; nobody's address is shown or sent to anyone."""

    post = models.ForeignKey(
        Post, on_delete=models.CASCADE, related_name="answers", verbose_name=_("post")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="exchange_answers",
        verbose_name=_("answering organisation"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="exchange_answers",
        verbose_name=_("author"),
    )
    author_name = models.CharField(_("author (name)"), max_length=200, blank=True)
    message = models.TextField(_("message"), max_length=4000)
    contact = models.CharField(
        _("how to reach you"),
        max_length=300,
        help_text=_(
            "A phone number, an e-mail address or another way. Only the posting organisation "
            "sees it."
        ),
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("exchange answer")
        verbose_name_plural = _("exchange answers")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.organisation} → {self.post}"
