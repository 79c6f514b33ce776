"""Funding programmes and calls: who funds what, for whom, how much and until when.

A call is for a district, a whole city or a network; who may post and change it follows from
that scope (``funding/access.py``). Its deadline is a day with an optional time: without a time
the call is open until the end of that day in the site's time zone."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from networks.models import Network
from organisations.models import City, District, TargetGroup, Topic


class FundingCallQuerySet(models.QuerySet["FundingCall"]):
    def published(self) -> FundingCallQuerySet:
        return self.filter(status=FundingCall.Status.PUBLISHED)

    def open(self) -> FundingCallQuerySet:
        """Published calls whose deadline has not passed (the deadline's day counts until its
        time, or to its end when the call names no time)."""
        now = timezone.localtime()
        today = now.date()
        return self.published().filter(
            Q(deadline_date__gt=today)
            | Q(deadline_date=today, deadline_time__isnull=True)
            | Q(deadline_date=today, deadline_time__gte=now.time())
        )

    def closed(self) -> FundingCallQuerySet:
        """Published calls whose deadline has passed (the archive)."""
        return self.published().exclude(pk__in=self.open().values("pk"))

    def deadline_after(self, day: datetime.date) -> FundingCallQuerySet:
        """Calls whose deadline is on ``day`` or later (e.g. for a digest: still to apply for)."""
        return self.filter(deadline_date__gte=day)

    def deadline_before(self, day: datetime.date) -> FundingCallQuerySet:
        """Calls whose deadline is on ``day`` or earlier (e.g. deadlines within four weeks)."""
        return self.filter(deadline_date__lte=day)

    def published_since(self, moment: datetime.datetime) -> FundingCallQuerySet:
        """Calls published at ``moment`` or later (what is new since a digest)."""
        return self.published().filter(published_at__gte=moment)

    def in_district(self, district: District) -> FundingCallQuerySet:
        """Calls for the district, for its whole city, or of a network working in it."""
        return self.in_districts(District.objects.filter(pk=district.pk))

    def in_districts(self, districts: models.QuerySet[District]) -> FundingCallQuerySet:
        """Calls for one of the districts, for a city they lie in, or of a network working
        in one of them."""
        return self.filter(
            Q(district__in=districts)
            | Q(scope=FundingCall.Scope.CITY, city__in=districts.values("city"))
            | Q(network__district__in=districts)
        )

    def by_deadline(self) -> FundingCallQuerySet:
        return self.order_by("deadline_date", models.F("deadline_time").asc(nulls_last=True), "pk")

    def for_listing(self) -> FundingCallQuerySet:
        return self.select_related("district", "city", "network").prefetch_related("topics")


class FundingCall(models.Model):
    class Scope(models.TextChoices):
        DISTRICT = "district", _("district")
        CITY = "city", _("city-wide")
        NETWORK = "network", _("network")

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")
        UNPUBLISHED = "unpublished", _("unpublished")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    funder = models.CharField(
        _("funder"), max_length=200, help_text=_("Who gives the money, e.g. a foundation.")
    )
    description = models.TextField(_("description"), max_length=10000)
    eligibility = models.TextField(
        _("who can apply"),
        max_length=5000,
        help_text=_("In plain words, e.g. “registered associations in Pankow”."),
    )
    topics = models.ManyToManyField(
        Topic, related_name="funding_calls", blank=True, verbose_name=_("topics")
    )
    target_groups = models.ManyToManyField(
        TargetGroup, related_name="funding_calls", blank=True, verbose_name=_("target groups")
    )
    amount_min = models.PositiveIntegerField(_("amount from (euros)"), null=True, blank=True)
    amount_max = models.PositiveIntegerField(_("amount up to (euros)"), null=True, blank=True)
    deadline_date = models.DateField(_("deadline"))
    deadline_time = models.TimeField(
        _("deadline time"),
        null=True,
        blank=True,
        help_text=_("Optional. Without a time, applications are open until the end of the day."),
    )
    url = models.URLField(_("link to the call"), max_length=500)
    scope = models.CharField(_("for"), max_length=20, choices=Scope.choices)
    city = models.ForeignKey(
        City,
        on_delete=models.PROTECT,
        related_name="funding_calls",
        verbose_name=_("city"),
        null=True,
        blank=True,
    )
    district = models.ForeignKey(
        District,
        on_delete=models.PROTECT,
        related_name="funding_calls",
        verbose_name=_("district"),
        null=True,
        blank=True,
    )
    network = models.ForeignKey(
        Network,
        on_delete=models.CASCADE,
        related_name="funding_calls",
        verbose_name=_("network"),
        null=True,
        blank=True,
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    # Counts the saves of the call's own fields: an edit form opened on an older revision
    # knows that someone else has saved since.
    revision = models.PositiveIntegerField(_("revision"), default=1, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = FundingCallQuerySet.as_manager()

    class Meta:
        verbose_name = _("funding call")
        verbose_name_plural = _("funding calls")
        ordering = ["deadline_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_min__isnull=True)
                | Q(amount_max__isnull=True)
                | Q(amount_min__lte=models.F("amount_max")),
                name="funding_call_amount_range_in_order",
            ),
            models.CheckConstraint(
                condition=(
                    Q(scope="district", district__isnull=False, network__isnull=True)
                    | Q(
                        scope="city",
                        city__isnull=False,
                        district__isnull=True,
                        network__isnull=True,
                    )
                    | Q(scope="network", network__isnull=False, district__isnull=True)
                ),
                name="funding_call_scope_has_its_place",
            ),
        ]
        indexes = [models.Index(fields=["status", "deadline_date"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("funding:detail", kwargs={"slug": self.slug})

    @property
    def deadline(self) -> datetime.datetime:
        """The last moment to apply, in the site's time zone."""
        time = self.deadline_time or datetime.time(23, 59, 59)
        return timezone.make_aware(datetime.datetime.combine(self.deadline_date, time))

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.PUBLISHED and self.deadline >= timezone.now()

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def place(self) -> City | District | Network:
        """Where the call applies: the district, the city or the network."""
        place = self.district or self.network or self.city
        assert place is not None  # the database's constraint
        return place

    @property
    def place_name(self) -> str:
        return str(self.place)


class FundingCallChange(models.Model):
    """Who did what to a call when (created, edited, published, unpublished)."""

    class Action(models.TextChoices):
        CREATED = "created", _("created")
        EDITED = "edited", _("edited")
        PUBLISHED = "published", _("published")
        UNPUBLISHED = "unpublished", _("unpublished")

    call = models.ForeignKey(
        FundingCall, on_delete=models.CASCADE, related_name="changes", verbose_name=_("call")
    )
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    fields = models.JSONField(_("changed fields"), default=list, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    # A copy of the name, so that the history reads the same after the account's name changes;
    # emptied when the account is deleted (funding/privacy.py).
    actor_name = models.CharField(_("by (name)"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("change of a funding call")
        verbose_name_plural = _("changes of funding calls")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.call}: {self.get_action_display()}"
