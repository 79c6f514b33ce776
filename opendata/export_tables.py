"""The tables of the open-data exports: for each, its file name, its rows (from a set of
organisations) and its columns, each with a description for the README of the bundle.

Addresses and coordinates of organisations with "no public address" are never written. The
organisation columns are the column layout of ``import_organisations`` (docs/import.md), so a
district can re-import an export.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from events.models import Event
from opendata.selectors import (
    events_of,
    network_memberships_of,
    offers_of,
    organisations_for_export,
)
from organisations.models import Offer, Organisation

LIST_SEPARATOR = "; "


@dataclass(frozen=True)
class Column:
    name: str
    description: str | Promise
    value: Callable[[Any], object]


@dataclass(frozen=True)
class Table:
    filename: str
    description: str | Promise
    columns: list[Column]
    rows: Callable[[QuerySet[Organisation]], Iterable[Any]]


def joined(values: Iterable[object]) -> str:
    return LIST_SEPARATOR.join(str(value) for value in values)


def yes_no(value: bool) -> str:
    return "yes" if value else "no"


def iso(value: Any) -> str:
    return value.isoformat() if value else ""


def local_iso(value: datetime.datetime) -> str:
    """In the site's time zone, with its offset (events are planned in local time)."""
    return timezone.localtime(value).isoformat()


def blank_if_none(value: object) -> object:
    return "" if value is None else value


# What a column shows of its row's attribute ``path`` (dotted for a related row): most columns
# are one of these, so a column reads as its name, its description and which kind of value.
Value = Callable[[Any], object]


def plain(path: str) -> Value:
    return attrgetter(path)


def flag(path: str) -> Value:
    """yes or no."""
    get = attrgetter(path)
    return lambda row: yes_no(get(row))


def moment(path: str) -> Value:
    """ISO 8601, empty when not set."""
    get = attrgetter(path)
    return lambda row: iso(get(row))


def names(path: str) -> Value:
    """The related rows of a many-to-many field, separated by semicolons."""
    get = attrgetter(path)
    return lambda row: joined(get(row).all())


def language_codes(path: str) -> Value:
    """The ISO 639 codes of a many-to-many field of languages, separated by semicolons."""
    get = attrgetter(path)
    return lambda row: joined(language.code for language in get(row).all())


def page_url(row: Any) -> str:
    return settings.SITE_URL + row.get_absolute_url()


def public_address(field: str) -> Value:
    """A part of the organisation's address: empty when the address is not public."""

    def value(organisation: Organisation) -> object:
        if organisation.no_public_address:
            return ""
        return blank_if_none(getattr(organisation, field))

    return value


# --- Columns of several tables: one definition each, so that they read the same everywhere ------


ID = Column("id", _("Stable identifier (UUID), the same as in the HSDS API."), plain("uuid"))
TITLE = Column("title", _("Title."), plain("title"))
DESCRIPTION = Column("description", _("Description."), plain("description"))
TOPICS = Column("topics", _("Topics, separated by semicolons."), names("topics"))
TARGET_GROUPS = Column(
    "target_groups", _("Target groups, separated by semicolons."), names("target_groups")
)
STEP_FREE = Column("step_free", _("Step-free access: yes or no."), flag("step_free"))
UPDATED_AT = Column("updated_at", _("Last change (ISO 8601)."), moment("updated_at"))
ORGANISATION_NAME = Column(
    "organisation", _("The organisation's name."), plain("organisation.name")
)
ORGANISATION_ID = Column(
    "organisation_id",
    _("The organisation's id (see organisations.csv)."),
    plain("organisation.uuid"),
)


# --- Organisations -----------------------------------------------------------------------------


ORGANISATION_COLUMNS = [
    ID,
    Column(
        "external_id", _("Identifier in the source it was imported from."), plain("external_id")
    ),
    Column("name", _("Name."), plain("name")),
    Column("short_name", _("Short name or abbreviation."), plain("short_name")),
    Column("kind", _("Kind of organisation."), plain("kind.name")),
    Column("migrant_led", _("Migrant-led (self-declared): yes or no."), flag("migrant_led")),
    DESCRIPTION,
    Column("founding_year", _("Founding year."), lambda o: o.founding_year or ""),
    Column("districts", _("Districts served, separated by semicolons."), names("districts")),
    Column(
        "street",
        _("Street and number (empty when the address is not public)."),
        public_address("street"),
    ),
    Column(
        "postcode",
        _("Postcode (empty when the address is not public)."),
        public_address("postcode"),
    ),
    Column(
        "locality",
        _("Town or city (empty when the address is not public)."),
        public_address("locality"),
    ),
    Column(
        "latitude",
        _("Latitude, WGS 84 (empty when the address is not public)."),
        public_address("latitude"),
    ),
    Column(
        "longitude",
        _("Longitude, WGS 84 (empty when the address is not public)."),
        public_address("longitude"),
    ),
    Column(
        "no_public_address",
        _("yes: the organisation does not publish its address."),
        flag("no_public_address"),
    ),
    Column("website", _("Website."), plain("website")),
    Column("email", _("Public e-mail address."), plain("email")),
    Column("phone", _("Public phone number."), plain("phone")),
    Column(
        "languages",
        _("Languages spoken (ISO 639 codes), separated by semicolons."),
        language_codes("languages"),
    ),
    Column(
        "counselling_languages",
        _("Languages of counselling (ISO 639 codes)."),
        language_codes("counselling_languages"),
    ),
    TOPICS,
    TARGET_GROUPS,
    Column("register_court", _("Register court."), plain("register_court")),
    Column("register_number", _("Register number."), plain("register_number")),
    Column("non_profit", _("Recognised as non-profit: yes or no."), flag("non_profit")),
    Column(
        "last_confirmed_at",
        _("When the organisation last confirmed the entry (ISO 8601)."),
        moment("last_confirmed_at"),
    ),
    UPDATED_AT,
    Column("url", _("Page in the directory."), page_url),
]

ORGANISATIONS = Table(
    "organisations.csv",
    _("One row per published organisation."),
    ORGANISATION_COLUMNS,
    organisations_for_export,
)


# --- Offers ------------------------------------------------------------------------------------


def offer_place(field: str) -> Value:
    """A part of the offer's address (the organisation's, if it is held there): empty when the
    organisation's address is not public."""

    def value(offer: Offer) -> object:
        if offer.organisation.no_public_address:
            return ""
        source: Any = offer.organisation if offer.at_organisation_address else offer
        return blank_if_none(getattr(source, field))

    return value


OFFER_COLUMNS = [
    ID,
    ORGANISATION_ID,
    ORGANISATION_NAME,
    TITLE,
    Column("kind", _("Kind of offer."), plain("kind.name")),
    DESCRIPTION,
    TOPICS,
    TARGET_GROUPS,
    Column(
        "languages",
        _("Languages (ISO 639 codes), separated by semicolons."),
        language_codes("languages"),
    ),
    Column("cost", _("free, reduced or paid."), plain("cost")),
    Column("schedule", _("When, in words."), plain("schedule")),
    Column("street", _("Street of the place (empty when not public)."), offer_place("street")),
    Column("postcode", _("Postcode of the place."), offer_place("postcode")),
    Column("locality", _("Town or city of the place."), offer_place("locality")),
    STEP_FREE,
    Column("accessible_toilet", _("Accessible toilet: yes or no."), flag("accessible_toilet")),
    Column("hearing_loop", _("Hearing loop: yes or no."), flag("hearing_loop")),
    Column("accessibility_notes", _("Notes on accessibility."), plain("accessibility_notes")),
    Column(
        "registration_required", _("Registration needed: yes or no."), flag("registration_required")
    ),
    Column("starts_on", _("First day (ISO 8601), if limited."), moment("starts_on")),
    Column("ends_on", _("Last day (ISO 8601), if limited."), moment("ends_on")),
    UPDATED_AT,
]

OFFERS = Table(
    "offers.csv", _("One row per offer of a published organisation."), OFFER_COLUMNS, offers_of
)


# --- Network memberships -----------------------------------------------------------------------


NETWORK_MEMBERSHIP_COLUMNS = [
    Column("network", _("Name of the network."), plain("network.name")),
    Column("network_slug", _("Short identifier of the network."), plain("network.slug")),
    Column(
        "network_scope", _("district, city, national or international."), plain("network.scope")
    ),
    Column(
        "network_district", _("District of a district network."), lambda m: m.network.district or ""
    ),
    ORGANISATION_ID,
    ORGANISATION_NAME,
    Column("role", _("member or coordinator."), plain("role")),
    Column(
        "member_since",
        _("Date the membership was confirmed (ISO 8601)."),
        lambda m: iso(m.decided_at or m.created_at),
    ),
]

NETWORK_MEMBERSHIPS = Table(
    "network_memberships.csv",
    _("One row per active membership of a published organisation in a public network."),
    NETWORK_MEMBERSHIP_COLUMNS,
    network_memberships_of,
)


# --- Events ------------------------------------------------------------------------------------


def event_districts(event: Event) -> str:
    if event.organiser_organisation_id:
        return joined(event.organiser_organisation.districts.all())  # type: ignore[union-attr]
    return str(event.district or "")


def event_organiser_type(event: Event) -> str:
    if event.organiser_district_id:
        return "district"
    return "network" if event.organiser_network_id else "organisation"


def event_seats_left(event: Event) -> object:
    return blank_if_none(event.seats_left())


EVENT_COLUMNS = [
    TITLE,
    Column(
        "kind",
        _("round_table, network_meeting, workshop, panel, information, training or other."),
        plain("kind"),
    ),
    Column(
        "status",
        _("published or cancelled (a cancelled event does not take place)."),
        plain("status"),
    ),
    Column("start", _("Start (ISO 8601 with UTC offset)."), lambda e: local_iso(e.starts_at)),
    Column("end", _("End (ISO 8601 with UTC offset)."), lambda e: local_iso(e.ends_at)),
    Column("venue", _("Name of the venue."), plain("venue_name")),
    Column("venue_address", _("Address of the venue."), plain("venue_address")),
    Column(
        "online",
        _("yes: also online (participants receive the link)."),
        lambda e: yes_no(bool(e.online_link)),
    ),
    Column(
        "district",
        _(
            "District of the organising district office or network, or the districts the "
            "organising organisation serves."
        ),
        event_districts,
    ),
    Column("organiser_type", _("district, network or organisation."), event_organiser_type),
    Column("organiser", _("Name of the organiser."), plain("organiser")),
    Column(
        "organiser_id",
        _("The organising organisation's id (see organisations.csv), if an organisation."),
        lambda e: e.organiser_organisation.uuid if e.organiser_organisation_id else "",
    ),
    Column(
        "co_organisers",
        _("Names of the districts, networks and organisations organising it with the organiser."),
        lambda e: joined(e.organisers[1:]),
    ),
    Column(
        "languages",
        _("Languages of the event (ISO 639 codes), separated by semicolons."),
        language_codes("languages"),
    ),
    Column(
        "interpretation",
        _("Interpretation on offer into these languages (ISO 639 codes)."),
        language_codes("interpretation_languages"),
    ),
    Column("childcare", _("Childcare on offer: yes or no."), flag("childcare")),
    STEP_FREE,
    Column("capacity", _("Seats (empty: unlimited)."), lambda e: blank_if_none(e.capacity)),
    Column("seats_left", _("Seats still free when exported (empty: unlimited)."), event_seats_left),
    Column("url", _("Page of the event."), page_url),
]

EVENTS = Table(
    "events.csv",
    _("One row per upcoming public event (no data about participants)."),
    EVENT_COLUMNS,
    events_of,
)

# The tables of the bundle, in this order.
BUNDLE_TABLES: list[Table] = [ORGANISATIONS, OFFERS, NETWORK_MEMBERSHIPS, EVENTS]
