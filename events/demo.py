"""Fictional demo events: past and upcoming events of each kind, one fully booked with a waiting
list, one with interpretation and childcare, registrations with needs."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from events.models import Event, Registration
from migra_hub.demo import DEMO_DOMAIN, DemoLogins
from migra_hub.demo_languages import EVENT_DESCRIPTION_VERSIONS, EVENT_TITLE_VERSIONS
from networks.models import Network
from organisations.models import District, Language, Organisation

TITLES = {
    Event.Kind.ROUND_TABLE: ("Runder Tisch Migrantinnen", "Runder Tisch Frauen und Arbeit"),
    Event.Kind.NETWORK_MEETING: ("Netzwerktreffen Frühjahr", "Netzwerktreffen Herbst"),
    Event.Kind.WORKSHOP: ("Workshop Förderanträge schreiben", "Workshop Pressearbeit"),
    Event.Kind.PANEL: ("Podium: Teilhabe im Bezirk", "Podium: Wohnen und Ankommen"),
    Event.Kind.INFORMATION: ("Infoabend Ausbildung", "Infoabend Kita-Platz"),
    Event.Kind.TRAINING: ("Schulung Antidiskriminierung", "Schulung Vereinsrecht"),
    Event.Kind.OTHER: ("Nachbarschaftsfest", "Sprachcafé-Abend"),
}

PEOPLE = [
    "Amina Haddad",
    "Olena Kovalenko",
    "Farid Rahimi",
    "Selin Yılmaz",
    "Thi Lan Nguyen",
    "Mariam Tesfay",
    "Jana Nowak",
    "Samir Khalil",
    "Leyla Ahmadi",
    "Irina Petrova",
]


def _network(pankow: District) -> Network:
    """The networks demo (another app) may have made one; else a small one of our own."""
    existing = Network.objects.filter(district=pankow).order_by("pk").first()
    if existing is not None:
        return existing
    network, _ = Network.objects.get_or_create(
        slug="netzwerk-integration-pankow",
        defaults={
            "name": "Netzwerk Integration Pankow",
            "scope": Network.Scope.DISTRICT,
            "city": pankow.city,
            "district": pankow,
            "goal": "Migrant*innenorganisationen und Verwaltung im Bezirk vernetzen.",
        },
    )
    return network


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


@transaction.atomic
def seed(logins: DemoLogins) -> None:
    staff = User.objects.filter(email=f"staff.pankow@{DEMO_DOMAIN}").first()
    pankow = District.objects.filter(name="Pankow").first()
    organisation = Organisation.objects.published().order_by("pk").first()
    if staff is None or pankow is None or organisation is None:
        return  # the organisations demo did not run
    network = _network(pankow)
    languages = {language.code: language for language in Language.objects.all()}
    german = languages.get("de")
    interpretation = [languages[code] for code in ("ar", "fa", "uk") if code in languages]
    today = timezone.localdate()

    organisers: list[dict[str, Any]] = [
        {"organiser_district": pankow},
        {"organiser_network": network},
        {"organiser_organisation": organisation},
    ]
    for index, kind in enumerate(Event.Kind):
        upcoming_title, past_title = TITLES[kind]
        for past, title in ((False, upcoming_title), (True, past_title)):
            slug = f"demo-{kind.value.replace('_', '-')}-{'past' if past else 'upcoming'}"
            if Event.objects.filter(slug=slug).exists():
                continue
            day = (
                today - datetime.timedelta(days=20 + index * 9)
                if past
                else today + datetime.timedelta(days=6 + index * 5)
            )
            fully_booked = kind == Event.Kind.WORKSHOP and not past
            with_needs = kind == Event.Kind.ROUND_TABLE
            event = Event.objects.create(
                title=title,
                slug=slug,
                kind=kind,
                description=(
                    "Wir laden Migrant*innenorganisationen, Initiativen und die Verwaltung ein, "
                    "gemeinsam über Bedarfe im Bezirk zu sprechen. Die Teilnahme ist kostenlos."
                ),
                translations={
                    language: {
                        "description": text,
                        **(
                            {"title": EVENT_TITLE_VERSIONS[title][language]}
                            if language in EVENT_TITLE_VERSIONS.get(title, {})
                            else {}
                        ),
                    }
                    for language, text in EVENT_DESCRIPTION_VERSIONS.items()
                },
                **organisers[index % len(organisers)],
                starts_at=_at(day, 17),
                ends_at=_at(day, 19),
                venue_name="Nachbarschaftshaus am Park",
                venue_address="Parkstraße 12, 13187 Berlin",
                step_free=index % 2 == 0,
                accessible_toilet=index % 3 == 0,
                hearing_loop=with_needs,
                online_link="https://meet.example.org/demo"
                if kind == Event.Kind.INFORMATION
                else "",
                childcare=with_needs,
                capacity=4 if fully_booked else 40,
                waiting_list=True,
                max_seats_per_signup=3 if with_needs else 2,
                max_seats_per_organisation=5 if with_needs else None,
                status=Event.Status.PUBLISHED,
                published_at=timezone.now(),
                contact_email=f"veranstaltungen@{DEMO_DOMAIN}",
                created_by=staff,
            )
            if german:
                event.languages.set([german])
            if with_needs:
                event.interpretation_languages.set(interpretation)
            count = 6 if fully_booked else (len(PEOPLE) if with_needs else 3)
            for number, name in enumerate(PEOPLE[:count]):
                if past:
                    status = (
                        Registration.Status.ATTENDED
                        if number % 4
                        else Registration.Status.CANCELLED
                    )
                elif fully_booked:
                    status = (
                        Registration.Status.CONFIRMED
                        if number < 4
                        else Registration.Status.WAITLISTED
                    )
                else:
                    status = Registration.Status.CONFIRMED
                Registration.objects.create(
                    event=event,
                    name=name,
                    email=f"teilnahme{number}+{slug}@{DEMO_DOMAIN}",
                    organisation=organisation if number % 3 == 0 else None,
                    organisation_name="" if number % 3 == 0 else "Nachbarschaftsinitiative",
                    seats=1,
                    interpretation_language=interpretation[number % len(interpretation)]
                    if with_needs and interpretation and number % 2 == 0
                    else None,
                    childcare_children=(number % 3) if with_needs else 0,
                    childcare_ages="3 und 6" if with_needs and number % 3 else "",
                    needs_step_free=number == 1,
                    accessibility_needs="Bitte Sitzplatz nah am Eingang." if number == 2 else "",
                    consent_at=timezone.now(),
                    status=status,
                    checked_in_at=_at(day, 17) if status == Registration.Status.ATTENDED else None,
                    created_at=timezone.now() + datetime.timedelta(seconds=number),
                )
    logins.add("Event organiser (district staff, Pankow)", staff.email)
