"""The co-organisers of an event: districts, networks and organisations that run it together with
its lead organiser.

Why a lead plus co-organisers, and not one table of organisers: the event row keeps exactly one
lead organiser (``event_has_exactly_one_organiser``), so "an event has at least one organiser" is
a plain CHECK on one row that PostgreSQL enforces on every insert and update, with no deferred
trigger that counts rows of another table. Everything that needs one organiser (the iCalendar
ORGANIZER, the district an event belongs to, "members only needs a network", merging) keeps its
meaning; a co-organiser can leave at any time and can never be the last organiser, because the
lead stays. Each row here names exactly one party, at most once per event.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from networks.models import Network
from organisations.models import District, Organisation

Organiser = District | Network | Organisation


PARTIES = ("district", "network", "organisation")


def exactly_one_party(prefix: str = "") -> Q:
    """The condition of a row that names exactly one of district, network and organisation."""
    condition = Q()
    for chosen in PARTIES:
        condition |= Q(**{f"{prefix}{party}__isnull": party != chosen for party in PARTIES})
    return condition


def organiser_field(organiser: Organiser) -> str:
    """The field that names this kind of party: district, network or organisation."""
    if isinstance(organiser, District):
        return "district"
    return "network" if isinstance(organiser, Network) else "organisation"


def organiser_name(organiser: Organiser) -> str:
    """A party by its full name: "District office Pankow", not just "Pankow"."""
    return organiser.office_name if isinstance(organiser, District) else str(organiser)


def organiser_url(organiser: Organiser) -> str:
    """The page of a network or organisation; a district office has none of its own."""
    return "" if isinstance(organiser, District) else organiser.get_absolute_url()


class EventCoOrganiser(models.Model):
    event = models.ForeignKey(
        "events.Event",
        on_delete=models.CASCADE,
        related_name="co_organisers",
        verbose_name=_("event"),
    )
    # A party that is deleted simply stops co-organising: the event keeps its lead organiser.
    district = models.ForeignKey(
        District,
        on_delete=models.CASCADE,
        related_name="co_organised_events",
        null=True,
        blank=True,
        verbose_name=_("district"),
    )
    network = models.ForeignKey(
        Network,
        on_delete=models.CASCADE,
        related_name="co_organised_events",
        null=True,
        blank=True,
        verbose_name=_("network"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="co_organised_events",
        null=True,
        blank=True,
        verbose_name=_("organisation"),
    )
    added_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("co-organiser")
        verbose_name_plural = _("co-organisers")
        ordering = ["added_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=exactly_one_party(), name="event_co_organiser_is_one_party"
            ),
            models.UniqueConstraint(
                fields=["event", "district"], name="event_co_organiser_district_once"
            ),
            models.UniqueConstraint(
                fields=["event", "network"], name="event_co_organiser_network_once"
            ),
            models.UniqueConstraint(
                fields=["event", "organisation"], name="event_co_organiser_organisation_once"
            ),
        ]

    def __str__(self) -> str:
        return organiser_name(self.party)

    @property
    def party(self) -> Organiser:
        party = self.district or self.network or self.organisation
        assert party is not None  # guaranteed by event_co_organiser_is_one_party
        return party

    @property
    def is_public(self) -> bool:
        """Whether its name may be shown to everyone (an unpublished organisation's may not)."""
        return not isinstance(self.party, Organisation) or self.party.is_public
