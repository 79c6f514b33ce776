"""Fictional demo events: past and upcoming events of each kind, one fully booked with a waiting
list, one with interpretation and childcare, registrations with needs."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from events.models import Event, ProgrammePart, Registration
from events.services import (
    EventData,
    PartData,
    SignupData,
    SpeakerData,
    event_add_organiser,
    event_create,
    event_publish,
    programme_part_create,
    registration_create,
    speaker_create,
)
from events.services.events import Organiser
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


DESCRIPTION = (
    "Wir laden Migrant*innenorganisationen, Initiativen und die Verwaltung ein, "
    "gemeinsam über Bedarfe im Bezirk zu sprechen. Die Teilnahme ist kostenlos."
)


@dataclass(frozen=True)
class Plan:
    """One demo event: what it is like and who comes."""

    kind: str
    title: str
    day: datetime.date
    index: int
    past: bool

    @property
    def fully_booked(self) -> bool:
        return self.kind == Event.Kind.WORKSHOP and not self.past

    @property
    def with_needs(self) -> bool:
        return self.kind == Event.Kind.ROUND_TABLE

    @property
    def people(self) -> list[str]:
        return PEOPLE[: 6 if self.fully_booked else (len(PEOPLE) if self.with_needs else 3)]


def _plans(today: datetime.date) -> list[Plan]:
    plans = []
    for index, kind in enumerate(Event.Kind):
        upcoming, past = TITLES[kind]
        plans.append(
            Plan(kind, upcoming, today + datetime.timedelta(days=6 + index * 5), index, False)
        )
        plans.append(Plan(kind, past, today - datetime.timedelta(days=20 + index * 9), index, True))
    return plans


def _translations(title: str) -> dict[str, dict[str, str]]:
    return {
        language: {
            "description": text,
            **(
                {"title": EVENT_TITLE_VERSIONS[title][language]}
                if language in EVENT_TITLE_VERSIONS.get(title, {})
                else {}
            ),
        }
        for language, text in EVENT_DESCRIPTION_VERSIONS.items()
    }


def _event_data(plan: Plan, languages: dict[str, Language]) -> EventData:
    interpretation = [languages[code] for code in ("ar", "fa", "uk") if code in languages]
    return EventData(
        title=plan.title,
        kind=plan.kind,
        description=DESCRIPTION,
        translations=_translations(plan.title),
        starts_at=_at(plan.day, 17),
        ends_at=_at(plan.day, 19),
        venue_name="Nachbarschaftshaus am Park",
        venue_address="Parkstraße 12, 13187 Berlin",
        step_free=plan.index % 2 == 0,
        accessible_toilet=plan.index % 3 == 0,
        hearing_loop=plan.with_needs,
        online_link="https://meet.example.org/demo" if plan.kind == Event.Kind.INFORMATION else "",
        childcare=plan.with_needs,
        capacity=4 if plan.fully_booked else 40,
        waiting_list=True,
        max_seats_per_signup=3 if plan.with_needs else 2,
        max_seats_per_organisation=5 if plan.with_needs else None,
        contact_email=f"veranstaltungen@{DEMO_DOMAIN}",
        languages=tuple(language for code, language in languages.items() if code == "de"),
        interpretation_languages=tuple(interpretation) if plan.with_needs else (),
    )


def _signup(
    plan: Plan, number: int, name: str, event: Event, organisation: Organisation
) -> SignupData:
    interpretation = list(event.interpretation_languages.all())
    with_organisation = number % 3 == 0
    return SignupData(
        name=name,
        email=f"teilnahme{number}+{event.slug}@{DEMO_DOMAIN}",
        organisation=organisation if with_organisation else None,
        organisation_name="" if with_organisation else "Nachbarschaftsinitiative",
        interpretation_language=interpretation[number % len(interpretation)]
        if interpretation and number % 2 == 0
        else None,
        childcare_children=(number % 3) if plan.with_needs else 0,
        childcare_ages="3 und 6" if plan.with_needs and number % 3 else "",
        needs_step_free=number == 1,
        accessibility_needs="Bitte Sitzplatz nah am Eingang." if number == 2 else "",
    )


def _sign_up(plan: Plan, event: Event, organisation: Organisation, member: User) -> None:
    """Upcoming events fill through the sign-up service (the workshop's waiting list too)."""
    for number, name in enumerate(plan.people):
        data = _signup(plan, number, name, event, organisation)
        registration_create(event=event, data=data, user=member if data.organisation else None)


def _history(plan: Plan, event: Event, organisation: Organisation) -> None:
    """A past event's sign-ups as they ended (came or cancelled): history, which no service
    takes any more once sign-up has closed."""
    for number, name in enumerate(plan.people):
        data = _signup(plan, number, name, event, organisation)
        came = bool(number % 4)
        Registration.objects.create(
            event=event,
            **{field: getattr(data, field) for field in HISTORY_FIELDS},
            consent_at=timezone.now(),
            status=Registration.Status.ATTENDED if came else Registration.Status.CANCELLED,
            checked_in_at=_at(plan.day, 17) if came else None,
            created_at=timezone.now() + datetime.timedelta(seconds=number),
        )


HISTORY_FIELDS = (
    "name",
    "email",
    "organisation",
    "organisation_name",
    "seats",
    "interpretation_language",
    "childcare_children",
    "childcare_ages",
    "needs_step_free",
    "accessibility_needs",
)


def _programme(event: Event, organisation: Organisation, languages: dict[str, Language]) -> None:
    """A round table's programme: a panel, a break, then two workshops of ten seats each."""
    start = event.starts_at
    german = tuple(language for code, language in languages.items() if code == "de")
    hour = datetime.timedelta(hours=1)
    parts = [
        PartData(
            title="Podium: Was brauchen Migrantinnen im Bezirk?",
            kind=ProgrammePart.Kind.PANEL,
            starts_at=start,
            ends_at=start + 0.75 * hour,
            room="Saal",
            languages=german,
        ),
        PartData(
            title="Pause",
            kind=ProgrammePart.Kind.BREAK,
            starts_at=start + 0.75 * hour,
            ends_at=start + hour,
        ),
        PartData(
            title="Workshop A: Arbeit und Anerkennung",
            kind=ProgrammePart.Kind.WORKSHOP,
            starts_at=start + hour,
            ends_at=start + 2 * hour,
            room="Raum 1",
            capacity=10,
            languages=german,
        ),
        PartData(
            title="Workshop B: Kinderbetreuung und Kita",
            kind=ProgrammePart.Kind.WORKSHOP,
            starts_at=start + hour,
            ends_at=start + 2 * hour,
            room="Raum 2",
            capacity=10,
            languages=german,
        ),
    ]
    panel, *_rest = [programme_part_create(event=event, data=part) for part in parts]
    speakers = [
        SpeakerData(name="Amina Haddad", role="Moderation", organisation=organisation),
        SpeakerData(
            name="Olena Kovalenko",
            role="Integrationsbeauftragte",
            organisation_name="Bezirksamt Pankow",
            pronouns="sie/ihr",
            photo_consent=True,
        ),
    ]
    for speaker in speakers:
        speaker_create(event=event, data=replace(speaker, parts=(panel,)))


@transaction.atomic
def seed(logins: DemoLogins) -> None:
    staff = User.objects.filter(email=f"staff.pankow@{DEMO_DOMAIN}").first()
    pankow = District.objects.filter(name="Pankow").first()
    organisation = Organisation.objects.published().order_by("pk").first()
    if staff is None or pankow is None or organisation is None:
        return  # the organisations demo did not run
    member = User.objects.filter(organisation_memberships__organisation=organisation).first()
    organisers: list[Organiser] = [pankow, _network(pankow), organisation]
    languages = {language.code: language for language in Language.objects.all()}
    for plan in _plans(timezone.localdate()):
        if Event.objects.filter(title=plan.title, created_by=staff).exists():
            continue  # seeded before
        event = event_create(
            data=_event_data(plan, languages),
            organiser=organisers[plan.index % len(organisers)],
            user=staff,
        )
        if plan.kind == Event.Kind.ROUND_TABLE and event.organiser != organisation:
            # The district office and an organisation run the round tables together.
            event_add_organiser(event=event, organiser=organisation, user=staff)
        if plan.kind == Event.Kind.ROUND_TABLE and not plan.past:
            _programme(event, organisation, languages)
        event_publish(event=event)
        if plan.past:
            _history(plan, event, organisation)
        elif member is not None:
            _sign_up(plan, event, organisation, member)
    logins.add("Event organiser (district staff, Pankow)", staff.email)
