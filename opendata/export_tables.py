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


def public_address(organisation: Organisation, field: str) -> object:
    if organisation.no_public_address:
        return ""
    value = getattr(organisation, field)
    return "" if value is None else value


# --- Organisations -----------------------------------------------------------------------------


ORGANISATION_COLUMNS = [
    Column("id", _("Stable identifier (UUID), the same as in the HSDS API."), lambda o: o.uuid),
    Column(
        "external_id", _("Identifier in the source it was imported from."), lambda o: o.external_id
    ),
    Column("name", _("Name."), lambda o: o.name),
    Column("short_name", _("Short name or abbreviation."), lambda o: o.short_name),
    Column("kind", _("Kind of organisation."), lambda o: o.kind.name),
    Column(
        "migrant_led", _("Migrant-led (self-declared): yes or no."), lambda o: yes_no(o.migrant_led)
    ),
    Column("description", _("Description."), lambda o: o.description),
    Column("founding_year", _("Founding year."), lambda o: o.founding_year or ""),
    Column(
        "districts",
        _("Districts served, separated by semicolons."),
        lambda o: joined(o.districts.all()),
    ),
    Column(
        "street",
        _("Street and number (empty when the address is not public)."),
        lambda o: public_address(o, "street"),
    ),
    Column(
        "postcode",
        _("Postcode (empty when the address is not public)."),
        lambda o: public_address(o, "postcode"),
    ),
    Column(
        "locality",
        _("Town or city (empty when the address is not public)."),
        lambda o: public_address(o, "locality"),
    ),
    Column(
        "latitude",
        _("Latitude, WGS 84 (empty when the address is not public)."),
        lambda o: public_address(o, "latitude"),
    ),
    Column(
        "longitude",
        _("Longitude, WGS 84 (empty when the address is not public)."),
        lambda o: public_address(o, "longitude"),
    ),
    Column(
        "no_public_address",
        _("yes: the organisation does not publish its address."),
        lambda o: yes_no(o.no_public_address),
    ),
    Column("website", _("Website."), lambda o: o.website),
    Column("email", _("Public e-mail address."), lambda o: o.email),
    Column("phone", _("Public phone number."), lambda o: o.phone),
    Column(
        "languages",
        _("Languages spoken (ISO 639 codes), separated by semicolons."),
        lambda o: joined(lang.code for lang in o.languages.all()),
    ),
    Column(
        "counselling_languages",
        _("Languages of counselling (ISO 639 codes)."),
        lambda o: joined(lang.code for lang in o.counselling_languages.all()),
    ),
    Column("topics", _("Topics, separated by semicolons."), lambda o: joined(o.topics.all())),
    Column(
        "target_groups",
        _("Target groups, separated by semicolons."),
        lambda o: joined(o.target_groups.all()),
    ),
    Column("register_court", _("Register court."), lambda o: o.register_court),
    Column("register_number", _("Register number."), lambda o: o.register_number),
    Column("non_profit", _("Recognised as non-profit: yes or no."), lambda o: yes_no(o.non_profit)),
    Column(
        "last_confirmed_at",
        _("When the organisation last confirmed the entry (ISO 8601)."),
        lambda o: iso(o.last_confirmed_at),
    ),
    Column("updated_at", _("Last change (ISO 8601)."), lambda o: iso(o.updated_at)),
    Column("url", _("Page in the directory."), lambda o: settings.SITE_URL + o.get_absolute_url()),
]

ORGANISATIONS = Table(
    "organisations.csv",
    _("One row per published organisation."),
    ORGANISATION_COLUMNS,
    organisations_for_export,
)


# --- Offers ------------------------------------------------------------------------------------


def offer_place(offer: Offer, field: str) -> object:
    if offer.organisation.no_public_address:
        return ""
    source: Any = offer.organisation if offer.at_organisation_address else offer
    value = getattr(source, field)
    return "" if value is None else value


OFFER_COLUMNS = [
    Column("id", _("Stable identifier (UUID), the same as in the HSDS API."), lambda o: o.uuid),
    Column(
        "organisation_id",
        _("The organisation's id (see organisations.csv)."),
        lambda o: o.organisation.uuid,
    ),
    Column("organisation", _("The organisation's name."), lambda o: o.organisation.name),
    Column("title", _("Title."), lambda o: o.title),
    Column("kind", _("Kind of offer."), lambda o: o.kind.name),
    Column("description", _("Description."), lambda o: o.description),
    Column("topics", _("Topics, separated by semicolons."), lambda o: joined(o.topics.all())),
    Column(
        "target_groups",
        _("Target groups, separated by semicolons."),
        lambda o: joined(o.target_groups.all()),
    ),
    Column(
        "languages",
        _("Languages (ISO 639 codes), separated by semicolons."),
        lambda o: joined(lang.code for lang in o.languages.all()),
    ),
    Column("cost", _("free, reduced or paid."), lambda o: o.cost),
    Column("schedule", _("When, in words."), lambda o: o.schedule),
    Column(
        "street",
        _("Street of the place (empty when not public)."),
        lambda o: offer_place(o, "street"),
    ),
    Column("postcode", _("Postcode of the place."), lambda o: offer_place(o, "postcode")),
    Column("locality", _("Town or city of the place."), lambda o: offer_place(o, "locality")),
    Column("step_free", _("Step-free access: yes or no."), lambda o: yes_no(o.step_free)),
    Column(
        "accessible_toilet",
        _("Accessible toilet: yes or no."),
        lambda o: yes_no(o.accessible_toilet),
    ),
    Column("hearing_loop", _("Hearing loop: yes or no."), lambda o: yes_no(o.hearing_loop)),
    Column("accessibility_notes", _("Notes on accessibility."), lambda o: o.accessibility_notes),
    Column(
        "registration_required",
        _("Registration needed: yes or no."),
        lambda o: yes_no(o.registration_required),
    ),
    Column("starts_on", _("First day (ISO 8601), if limited."), lambda o: iso(o.starts_on)),
    Column("ends_on", _("Last day (ISO 8601), if limited."), lambda o: iso(o.ends_on)),
    Column("updated_at", _("Last change (ISO 8601)."), lambda o: iso(o.updated_at)),
]

OFFERS = Table(
    "offers.csv", _("One row per offer of a published organisation."), OFFER_COLUMNS, offers_of
)


# --- Network memberships -----------------------------------------------------------------------


NETWORK_MEMBERSHIP_COLUMNS = [
    Column("network", _("Name of the network."), lambda m: m.network.name),
    Column("network_slug", _("Short identifier of the network."), lambda m: m.network.slug),
    Column(
        "network_scope", _("district, city, national or international."), lambda m: m.network.scope
    ),
    Column(
        "network_district", _("District of a district network."), lambda m: m.network.district or ""
    ),
    Column(
        "organisation_id",
        _("The organisation's id (see organisations.csv)."),
        lambda m: m.organisation.uuid,
    ),
    Column("organisation", _("The organisation's name."), lambda m: m.organisation.name),
    Column("role", _("member or coordinator."), lambda m: m.role),
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
    left = event.seats_left()
    return "" if left is None else left


EVENT_COLUMNS = [
    Column("title", _("Title."), lambda e: e.title),
    Column(
        "kind",
        _("round_table, network_meeting, workshop, panel, information, training or other."),
        lambda e: e.kind,
    ),
    Column(
        "status",
        _("published or cancelled (a cancelled event does not take place)."),
        lambda e: e.status,
    ),
    Column("start", _("Start (ISO 8601 with UTC offset)."), lambda e: local_iso(e.starts_at)),
    Column("end", _("End (ISO 8601 with UTC offset)."), lambda e: local_iso(e.ends_at)),
    Column("venue", _("Name of the venue."), lambda e: e.venue_name),
    Column("venue_address", _("Address of the venue."), lambda e: e.venue_address),
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
    Column("organiser", _("Name of the organiser."), lambda e: e.organiser),
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
        lambda e: joined(lang.code for lang in e.languages.all()),
    ),
    Column(
        "interpretation",
        _("Interpretation on offer into these languages (ISO 639 codes)."),
        lambda e: joined(lang.code for lang in e.interpretation_languages.all()),
    ),
    Column("childcare", _("Childcare on offer: yes or no."), lambda e: yes_no(e.childcare)),
    Column("step_free", _("Step-free access: yes or no."), lambda e: yes_no(e.step_free)),
    Column(
        "capacity",
        _("Seats (empty: unlimited)."),
        lambda e: "" if e.capacity is None else e.capacity,
    ),
    Column(
        "seats_left",
        _("Seats still free when exported (empty: unlimited)."),
        event_seats_left,
    ),
    Column("url", _("Page of the event."), lambda e: settings.SITE_URL + e.get_absolute_url()),
]

EVENTS = Table(
    "events.csv",
    _("One row per upcoming public event (no data about participants)."),
    EVENT_COLUMNS,
    events_of,
)

# The tables of the bundle, in this order.
BUNDLE_TABLES: list[Table] = [ORGANISATIONS, OFFERS, NETWORK_MEMBERSHIPS, EVENTS]
