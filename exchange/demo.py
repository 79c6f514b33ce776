"""Fictional demo posts of the peer exchange: rooms, equipment, interpretation, press contacts
and help with funding applications, some public, one for a network's members only, with an
answer. Built through the services, like everything the demo data holds."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from exchange.models import Post
from exchange.services import PostData, answer_create, post_create
from migra_hub.demo import DemoLogins
from networks.demo import _representative as representative
from networks.models import Network
from organisations.models import District, Organisation

Kind, Category, Audience = Post.Kind, Post.Category, Post.Audience
NETWORK = "netzwerk-mehrsprachigkeit-pankow"


@dataclass(frozen=True)
class DemoPost:
    organisation: str  # slug
    kind: str
    category: str
    title: str
    text: str
    districts: tuple[str, ...]  # names
    days_left: int
    audience: str = Audience.PUBLIC
    in_network: bool = False
    answer: tuple[str, str, str] | None = None  # answering organisation, message, contact


POSTS = [
    DemoPost(
        "sprachcafe",
        Kind.OFFER,
        Category.ROOMS,
        "Raum für 20 Personen am Samstag frei",
        "Unser Gruppenraum (Erdgeschoss, stufenlos) ist samstags von 10 bis 18 Uhr frei: "
        "Stühle, Tische, Beamer und eine kleine Küche. Kostenlos für gemeinnützige Gruppen.",
        ("Pankow",),
        21,
        in_network=True,
        answer=(
            "ukrainische-gemeinschaft",
            "Wir würden den Raum gern am 14. für unser Elterncafé nutzen (etwa 15 Personen).",
            "Olena, 030 555 01 23",
        ),
    ),
    DemoPost(
        "afghanischer-kulturverein",
        Kind.NEED,
        Category.INTERPRETATION,
        "Dolmetscherin für Dari zum Elternabend gesucht",
        "Für einen Elternabend an einer Grundschule suchen wir eine Sprachmittlerin für Dari, "
        "etwa zwei Stunden an einem Dienstagabend.",
        ("Pankow",),
        14,
        audience=Audience.NETWORKS,
        in_network=True,
    ),
    DemoPost(
        "vietnamesische-nachbarschaftshilfe",
        Kind.OFFER,
        Category.EQUIPMENT,
        "Beamer und Leinwand zu verleihen",
        "Ein Beamer mit Leinwand und Lautsprecher, für Veranstaltungen abzuholen und "
        "zurückzubringen.",
        ("Pankow", "Lichtenberg"),
        60,
        in_network=True,
    ),
    DemoPost(
        "frauen-im-aufbruch",
        Kind.NEED,
        Category.FUNDING,
        "Wer hilft beim ersten Förderantrag?",
        "Wir stellen zum ersten Mal einen Antrag beim bezirklichen Integrationsfonds und "
        "suchen eine Organisation mit Erfahrung, die einmal über unseren Entwurf schaut.",
        ("Mitte", "Neukölln"),
        30,
    ),
    DemoPost(
        "ukrainische-gemeinschaft",
        Kind.OFFER,
        Category.PRESS,
        "Kontakte zu ukrainischsprachigen Medien",
        "Wir teilen unsere Liste von Redaktionen und Kanälen, die über Veranstaltungen für "
        "Geflüchtete aus der Ukraine berichten.",
        ("Pankow", "Mitte"),
        45,
    ),
    DemoPost(
        "kurdisches-kulturzentrum",
        Kind.OFFER,
        Category.KNOW_HOW,
        "Schulung: Vereinsbuchhaltung für Ehrenamtliche",
        "Zwei Abende zu Kassenbuch, Spendenquittungen und Verwendungsnachweis, auf Deutsch "
        "und Kurmancî.",
        ("Treptow-Köpenick",),
        50,
    ),
]


@transaction.atomic
def seed(logins: DemoLogins) -> None:
    organisations = {o.slug: o for o in Organisation.objects.published()}
    districts = {d.name: d for d in District.objects.filter(city__slug="berlin")}
    network = Network.objects.filter(slug=NETWORK).first()
    today = timezone.localdate()
    for spec in POSTS:
        organisation = organisations.get(spec.organisation)
        chosen = tuple(districts[name] for name in spec.districts if name in districts)
        if organisation is None or not chosen:
            continue  # the directory's demo data is missing
        if Post.objects.filter(organisation=organisation, title=spec.title).exists():
            continue  # seeded before
        shared = (network,) if spec.in_network and network is not None else ()
        if spec.audience == Audience.NETWORKS and not shared:
            continue
        post = post_create(
            organisation=organisation,
            user=representative(organisation),
            data=PostData(
                kind=spec.kind,
                category=spec.category,
                title=spec.title,
                text=spec.text,
                districts=chosen,
                audience=spec.audience,
                networks=shared,
                ends_on=today + datetime.timedelta(days=spec.days_left),
            ),
        )
        answering = organisations.get(spec.answer[0]) if spec.answer else None
        if spec.answer and answering is not None:
            answer_create(
                post=post,
                organisation=answering,
                user=representative(answering),
                message=spec.answer[1],
                contact=spec.answer[2],
            )
