"""District networks and which organisations belong to them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from migra_hub.multilingual import MultilingualEntry
from organisations.models import City, District, Organisation, Topic


class NetworkQuerySet(models.QuerySet["Network"]):
    def public(self) -> NetworkQuerySet:
        """Networks shown to everyone (all but those still being set up)."""
        return self.exclude(status=Network.Status.SETTING_UP)

    def open_for_requests(self) -> NetworkQuerySet:
        return self.filter(
            join_policy=Network.JoinPolicy.OPEN,
            status__in=[Network.Status.ACTIVE, Network.Status.DORMANT],
        )

    def with_member_count(self) -> NetworkQuerySet:
        return self.annotate(
            member_count=models.Count(
                "memberships",
                filter=Q(
                    memberships__status="active",
                    memberships__organisation__status="published",
                ),
            )
        )


class Network(MultilingualEntry):
    multilingual_fields = ("goal", "description")

    class Scope(models.TextChoices):
        DISTRICT = "district", _("district")
        CITY = "city", _("city-wide")
        NATIONAL = "national", _("national")
        INTERNATIONAL = "international", _("international")

    class JoinPolicy(models.TextChoices):
        OPEN = "open", _("open for requests")
        INVITATION = "invitation", _("by invitation only")

    class Status(models.TextChoices):
        SETTING_UP = "setting_up", _("being set up")
        ACTIVE = "active", _("active")
        DORMANT = "dormant", _("dormant")
        CLOSED = "closed", _("closed")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    scope = models.CharField(
        _("scope"), max_length=20, choices=Scope.choices, default=Scope.DISTRICT
    )
    city = models.ForeignKey(
        City,
        on_delete=models.PROTECT,
        related_name="networks",
        verbose_name=_("city"),
        null=True,
        blank=True,
    )
    district = models.ForeignKey(
        District,
        on_delete=models.PROTECT,
        related_name="networks",
        verbose_name=_("district"),
        null=True,
        blank=True,
    )
    goal = models.TextField(_("goal"), help_text=_("What does the network want to achieve?"))
    description = models.TextField(_("description"), blank=True)
    topics = models.ManyToManyField(
        Topic, related_name="networks", blank=True, verbose_name=_("topics")
    )
    meeting_rhythm = models.CharField(
        _("meeting rhythm"),
        max_length=200,
        blank=True,
        help_text=_("In words, e.g. “every second month”."),
    )
    join_policy = models.CharField(
        _("how to join"), max_length=20, choices=JoinPolicy.choices, default=JoinPolicy.OPEN
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    contact_email = models.EmailField(_("public contact address"), blank=True)
    curators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="curated_networks",
        blank=True,
        verbose_name=_("staff curators"),
        help_text=_("Staff named for this network (needed for networks without a district)."),
    )
    # Counts the saves of the network's own fields: an edit form opened on an older revision
    # knows that someone else has saved since.
    revision = models.PositiveIntegerField(_("revision"), default=1, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = NetworkQuerySet.as_manager()

    class Meta:
        verbose_name = _("network")
        verbose_name_plural = _("networks")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(scope="district") | Q(district__isnull=False),
                name="district_network_has_a_district",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("networks:detail", kwargs={"slug": self.slug})

    @property
    def accepts_requests(self) -> bool:
        """Organisations may ask to join (open, and neither being set up nor closed)."""
        return self.join_policy == self.JoinPolicy.OPEN and self.status in (
            self.Status.ACTIVE,
            self.Status.DORMANT,
        )

    @property
    def is_public(self) -> bool:
        return self.status != self.Status.SETTING_UP


class NetworkMembershipQuerySet(models.QuerySet["NetworkMembership"]):
    def active(self) -> NetworkMembershipQuerySet:
        return self.filter(status=NetworkMembership.Status.ACTIVE)

    def current(self) -> NetworkMembershipQuerySet:
        return self.filter(status__in=NetworkMembership.CURRENT_STATUSES)

    def requested(self) -> NetworkMembershipQuerySet:
        return self.filter(status=NetworkMembership.Status.REQUESTED)

    def invited(self) -> NetworkMembershipQuerySet:
        return self.filter(status=NetworkMembership.Status.INVITED)

    def open(self) -> NetworkMembershipQuerySet:
        """Requests and invitations that wait for an answer."""
        return self.filter(
            status__in=[NetworkMembership.Status.REQUESTED, NetworkMembership.Status.INVITED]
        )

    def coordinators(self) -> NetworkMembershipQuerySet:
        return self.active().filter(role=NetworkMembership.Role.COORDINATOR)

    def public(self) -> NetworkMembershipQuerySet:
        """Active memberships of published organisations: what the network page shows."""
        return self.active().filter(organisation__status=Organisation.Status.PUBLISHED)


class NetworkMembership(models.Model):
    class Status(models.TextChoices):
        REQUESTED = "requested", _("requested")
        INVITED = "invited", _("invited")
        ACTIVE = "active", _("active")
        DECLINED = "declined", _("declined")
        LEFT = "left", _("left")
        REMOVED = "removed", _("removed")
        WITHDRAWN = "withdrawn", _("request withdrawn")

    class Role(models.TextChoices):
        MEMBER = "member", _("member")
        COORDINATOR = "coordinator", _("coordinator")

    # A membership in one of these states blocks a second one for the same organisation.
    CURRENT_STATUSES = (Status.REQUESTED, Status.INVITED, Status.ACTIVE)

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("network")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="network_memberships",
        verbose_name=_("organisation"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.REQUESTED
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    note = models.CharField(_("note"), max_length=500, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = NetworkMembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("network membership")
        verbose_name_plural = _("network memberships")
        ordering = ["network__name", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "organisation"],
                condition=Q(status__in=["requested", "invited", "active"]),
                name="one_current_membership_per_network_and_organisation",
            ),
            # Only an active member can coordinate; leaving or removal ends the role too.
            models.CheckConstraint(
                condition=Q(role="member") | Q(status="active"),
                name="only_active_members_coordinate",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} in {self.network} ({self.get_status_display()})"

    @property
    def is_coordinator(self) -> bool:
        return self.role == self.Role.COORDINATOR and self.status == self.Status.ACTIVE


class MembershipChange(models.Model):
    """One entry of a network's history: who changed which membership, when, how and why.

    The actor's name is kept as text as well, so the history survives deleted accounts.
    """

    class Action(models.TextChoices):
        REQUESTED = "requested", _("asked to join")
        WITHDRAWN = "withdrawn", _("withdrew the request")
        INVITED = "invited", _("was invited")
        INVITATION_ACCEPTED = "invitation_accepted", _("accepted the invitation")
        INVITATION_DECLINED = "invitation_declined", _("declined the invitation")
        APPROVED = "approved", _("request approved")
        DECLINED = "declined", _("request declined")
        LEFT = "left", _("left the network")
        REMOVED = "removed", _("removed from the network")
        INVITATION_WITHDRAWN = "invitation_withdrawn", _("invitation withdrawn")
        COORDINATOR_NAMED = "coordinator_named", _("named coordinator")
        COORDINATOR_REMOVED = "coordinator_removed", _("no longer coordinator")

    membership = models.ForeignKey(
        NetworkMembership,
        on_delete=models.CASCADE,
        related_name="changes",
        verbose_name=_("membership"),
    )
    action = models.CharField(_("what"), max_length=30, choices=Action.choices)
    status_before = models.CharField(
        _("status before"), max_length=20, choices=NetworkMembership.Status.choices, blank=True
    )
    status_after = models.CharField(
        _("status after"), max_length=20, choices=NetworkMembership.Status.choices
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    actor_name = models.CharField(_("who (name)"), max_length=200, blank=True)
    message = models.TextField(_("why"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("membership change")
        verbose_name_plural = _("membership changes")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.membership}: {self.get_action_display()}"


class NetworkNoteQuerySet(models.QuerySet["NetworkNote"]):
    def newest_first(self) -> NetworkNoteQuerySet:
        return self.order_by("-date", "-created_at")


class NetworkNote(models.Model):
    """Minutes and decisions, so that what the network knows stays with the network."""

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="notes", verbose_name=_("network")
    )
    title = models.CharField(_("title"), max_length=200)
    date = models.DateField(
        _("date"), default=timezone.localdate, help_text=_("e.g. the day of the meeting")
    )
    text = models.TextField(_("text"), max_length=20000)
    attachment_url = models.URLField(
        _("link to an attachment"),
        blank=True,
        help_text=_("Optional: a link to minutes or documents stored elsewhere."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("author"),
    )
    author_name = models.CharField(_("author (name)"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = NetworkNoteQuerySet.as_manager()

    class Meta:
        verbose_name = _("network note")
        verbose_name_plural = _("network notes")
        ordering = ["-date", "-created_at"]

    def __str__(self) -> str:
        return self.title
