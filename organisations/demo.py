"""Fictional demo data for the directory: one city, its districts, organisations and offers."""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from migra_hub.demo import DemoLogins, demo_user
from migra_hub.demo_languages import (
    DESCRIPTION_VERSIONS,
    OFFER_TITLE_VERSIONS,
    OWN_LANGUAGE_ORIGINALS,
)
from organisations.demo_postcodes import BERLIN_POSTCODES, demo_postcode
from organisations.demo_review import seed_city_wide_review, seed_review_queue
from organisations.models import (
    City,
    CityStaff,
    District,
    DistrictPostcode,
    DistrictStaff,
    Language,
    Offer,
    OfferKind,
    Organisation,
    OrganisationKind,
    OrganisationMembership,
    TargetGroup,
    Topic,
)
from organisations.search import organisation_search_refresh
from organisations.services import (
    OfferData,
    OrganisationData,
    offer_create,
    organisation_create,
)
from organisations.vocabularies import load_vocabularies

BERLIN_DISTRICTS = [
    ("Mitte", (52.5200, 13.4050)),
    ("Friedrichshain-Kreuzberg", (52.5000, 13.4300)),
    ("Pankow", (52.5690, 13.4020)),
    ("Charlottenburg-Wilmersdorf", (52.5000, 13.2900)),
    ("Spandau", (52.5350, 13.2000)),
    ("Steglitz-Zehlendorf", (52.4350, 13.2400)),
    ("Tempelhof-Schöneberg", (52.4650, 13.3850)),
    ("Neukölln", (52.4800, 13.4350)),
    ("Treptow-Köpenick", (52.4450, 13.5750)),
    ("Marzahn-Hellersdorf", (52.5350, 13.5800)),
    ("Lichtenberg", (52.5150, 13.4950)),
    ("Reinickendorf", (52.5900, 13.3300)),
]

# Fictional organisation names built from parts; any likeness to real groups is accidental.
NAME_PARTS = [
    ("Verein", "Brücke der Kulturen"),
    ("Initiative", "Nachbarschaft ohne Grenzen"),
    ("Verein", "Frauen im Aufbruch"),
    ("Netzwerk", "Stimmen der Diaspora"),
    ("Verein", "Ukrainische Gemeinschaft"),
    ("Initiative", "Sprachcafé"),
    ("Verein", "Afghanischer Kulturverein"),
    ("Verein", "Eritreische Jugend"),
    ("Initiative", "Mütter-Treff"),
    ("Verein", "Türkisch-Deutsche Elternschaft"),
    ("Verein", "Arabisches Frauenforum"),
    ("Initiative", "Vietnamesische Nachbarschaftshilfe"),
    ("Verein", "Kurdisches Kulturzentrum"),
    ("Netzwerk", "Syrische Ärztinnen"),
    ("Verein", "Polnischer Kulturkreis"),
    ("Initiative", "Roma-Empowerment"),
    ("Verein", "Afrikanisches Bildungsforum"),
    ("Verein", "Persischer Literaturkreis"),
    ("Initiative", "Queer Refugees Support"),
    ("Verein", "Russischsprachige Senioren"),
]
SUFFIXES = ["", " Nord", " Süd", " e.V."]

DESCRIPTIONS = [
    "Wir beraten Familien in ihrer Herkunftssprache und begleiten sie zu Ämtern.",
    "Ehrenamtliche organisieren Hausaufgabenhilfe, Sprachcafés und Ausflüge.",
    "Wir stärken Frauen durch Peer-Beratung, Kurse und einen offenen Treffpunkt.",
    "Unser Verein bietet Kulturveranstaltungen, Musik und Literatur aus der Heimat.",
    "Wir unterstützen Jugendliche beim Übergang von der Schule in Ausbildung und Beruf.",
    "Beratung zu Asyl und Aufenthalt sowie Begleitung bei Anhörungen.",
    "Antidiskriminierungsberatung und Empowerment-Workshops.",
]

OFFER_TITLES = [
    ("counselling", "Sozialberatung"),
    ("counselling", "Beratung für Frauen"),
    ("course", "Deutschkurs für Anfängerinnen"),
    ("peer-group", "Elterncafé"),
    ("meeting-place", "Offener Treff"),
    ("mentoring", "Ausbildungspatenschaften"),
    ("culture", "Lesungen und Musikabende"),
    ("translation", "Begleitung zu Ämtern"),
    ("homework", "Hausaufgabenhilfe"),
    ("sport", "Fußball für Mädchen"),
]

STREETS = ["Linden", "Birken", "Hafen", "Markt"]

DEMO_ORGANISATION_COUNT = 64


def _city_and_districts() -> tuple[City, list[District]]:
    city, _ = City.objects.get_or_create(slug="berlin", defaults={"name": "Berlin"})
    districts = []
    for name, _coords in BERLIN_DISTRICTS:
        district, _ = District.objects.get_or_create(
            city=city, slug=slugify(name), defaults={"name": name}
        )
        for postcode in BERLIN_POSTCODES[name].split():
            DistrictPostcode.objects.get_or_create(district=district, postcode=postcode)
        districts.append(district)
    return city, districts


def _organisation_name(index: int) -> str:
    kind, base = NAME_PARTS[index % len(NAME_PARTS)]
    suffix = SUFFIXES[(index // len(NAME_PARTS)) % len(SUFFIXES)]
    return f"{base}{suffix}" if kind != "Netzwerk" else f"Netzwerk {base}{suffix}"


@transaction.atomic
def seed(logins: DemoLogins) -> None:
    load_vocabularies()
    _city, districts = _city_and_districts()
    by_name = {district.name: district for district in districts}
    pankow, treptow = by_name["Pankow"], by_name["Treptow-Köpenick"]

    admin = demo_user("admin", "Ada Admin", superuser=True)
    logins.add("Site administrator (Django admin)", admin.email)
    for local, name, district in (
        ("staff.pankow", "Paula Pankow", pankow),
        ("staff.treptow", "Theo Treptow", treptow),
    ):
        user = demo_user(local, name)
        DistrictStaff.objects.get_or_create(user=user, district=district)
        logins.add(f"District staff, {district.name}", user.email)
    city_staff = demo_user("staff.city", "Clara City")
    CityStaff.objects.get_or_create(user=city_staff)
    logins.add("City-wide staff (districts without staff)", city_staff.email)

    organisations = _seed_organisations(districts)
    organisation_search_refresh(organisation_ids=[o.pk for o in organisations])

    owner = demo_user("owner", "Olga Owner")
    editor = demo_user("editor", "Emre Editor")
    first = organisations[0]
    OrganisationMembership.objects.get_or_create(
        user=owner, organisation=first, defaults={"role": OrganisationMembership.Role.OWNER}
    )
    OrganisationMembership.objects.get_or_create(
        user=editor, organisation=first, defaults={"role": OrganisationMembership.Role.EDITOR}
    )
    logins.add(f"Owner of “{first.name}”", owner.email)
    logins.add(f"Editor of “{first.name}”", editor.email)
    seed_review_queue(logins, pankow)
    seed_city_wide_review(logins)


# Languages many organisations in the demo city speak besides German.
COMMON_LANGUAGES = [
    "ar",
    "tr",
    "uk",
    "ru",
    "fa",
    "prs",
    "ti",
    "kmr",
    "pl",
    "vi",
    "fr",
    "en",
    "ro",
    "so",
]


def _seed_organisations(districts: list[District]) -> list[Organisation]:
    """The published entries with their offers, through the same services as the site."""
    rng = random.Random(20261122)
    kinds = list(OrganisationKind.objects.exclude(slug="public-office"))
    offer_kinds = {kind.slug: kind for kind in OfferKind.objects.all()}
    topics = list(Topic.objects.all())
    groups = list(TargetGroup.objects.all())
    common = list(Language.objects.filter(code__in=COMMON_LANGUAGES))
    german = Language.objects.get(code="de")
    now = timezone.now()

    organisations = []
    for index in range(DEMO_ORGANISATION_COUNT):
        name = _organisation_name(index)
        slug = slugify(name)
        if Organisation.objects.filter(slug=slug).exists():
            organisations.append(Organisation.objects.get(slug=slug))
            continue
        home = districts[index % len(districts)]
        lat, lon = dict(BERLIN_DISTRICTS)[home.name]
        hidden = index % 9 == 4
        description, original_language, translations = _description_versions(index)
        spoken = rng.sample(common, 3)
        organisation = organisation_create(
            data=OrganisationData(
                name=name,
                short_name="".join(word[0] for word in name.split() if word[0].isupper())[:6],
                kind=kinds[index % len(kinds)],
                migrant_led=index % 5 != 3,
                description=description,
                original_language=original_language,
                translations=translations,
                founding_year=1980 + (index * 7) % 44,
                street="" if hidden else f"{rng.choice(STREETS)}straße {index + 1}",
                postcode="" if hidden else demo_postcode(home, rng.randint(2000, 4999)),
                locality="Berlin",
                latitude=None if hidden else Decimal(str(round(lat + rng.uniform(-0.02, 0.02), 6))),
                longitude=None
                if hidden
                else Decimal(str(round(lon + rng.uniform(-0.03, 0.03), 6))),
                no_public_address=hidden,
                website=f"https://{slug}.example.org",
                email=f"kontakt@{slug}.example.org",
                phone=f"030 {rng.randint(1000000, 9999999)}",
                districts=(home, districts[(index * 5 + 3) % len(districts)]),
                languages=(german, *spoken),
                counselling_languages=tuple(spoken[:2]),
                topics=tuple(rng.sample(topics, 3)),
                target_groups=tuple(rng.sample(groups, 2)),
            ),
            user=None,
            status=Organisation.Status.PUBLISHED,
        )
        _backdate(organisation, index, now)
        for number in range(index % 4 + 1):
            _seed_offer(organisation, index, number, rng, offer_kinds, topics, groups, spoken)
        organisations.append(organisation)
    return organisations


def _backdate(organisation: Organisation, index: int, now: datetime.datetime) -> None:
    """A directory that looks lived in: published a while ago, confirmed at various times,
    some verified. These are the dates the review steps would have set back then."""
    Organisation.objects.filter(pk=organisation.pk).update(
        published_at=now - datetime.timedelta(days=30 + index),
        last_confirmed_at=now - datetime.timedelta(days=(index * 17) % 600),
        verified_at=now - datetime.timedelta(days=60) if index % 3 == 0 else None,
    )


def _seed_offer(
    organisation: Organisation,
    index: int,
    number: int,
    rng: random.Random,
    offer_kinds: dict[str, OfferKind],
    topics: list[Topic],
    groups: list[TargetGroup],
    spoken: list[Language],
) -> None:
    kind_slug, title = OFFER_TITLES[(index + number) % len(OFFER_TITLES)]
    ended = number == 2
    today = timezone.localdate()
    description = DESCRIPTIONS[(index + number) % len(DESCRIPTIONS)]
    offer_create(
        organisation=organisation,
        data=OfferData(
            title=title,
            description=f"{title} – {description}",
            translations=_offer_versions(title, description),
            kind=offer_kinds[kind_slug],
            cost=[Offer.Cost.FREE, Offer.Cost.FREE, Offer.Cost.REDUCED, Offer.Cost.PAID][
                (index + number) % 4
            ],
            schedule=rng.choice(
                [
                    "Dienstags 16–18 Uhr",
                    "Montags und Mittwochs 10–12 Uhr",
                    "Nach Vereinbarung",
                    "Jeden ersten Samstag im Monat",
                ]
            ),
            step_free=number % 2 == 0,
            accessible_toilet=number % 3 == 0,
            registration_required=number % 2 == 1,
            starts_on=today - datetime.timedelta(days=400) if ended else None,
            ends_on=today - datetime.timedelta(days=20) if ended else None,
            topics=tuple(rng.sample(topics, 2)),
            target_groups=tuple(rng.sample(groups, 1)),
            languages=tuple(spoken[: number % 3 + 1]),
        ),
        user=None,
    )


def _description_versions(index: int) -> tuple[str, str, dict[str, dict[str, str]]]:
    """Texts in several languages: a few organisations write in Ukrainian, Arabic or Turkish
    first (with a German version); of the others, every third has its description in English,
    Arabic, Turkish and Ukrainian, every third in English and Ukrainian, the rest in German
    only (pages in other languages show the note). The same index gives the same texts."""
    _kind, base = NAME_PARTS[index % len(NAME_PARTS)]
    german = DESCRIPTIONS[index % len(DESCRIPTIONS)]
    if base in OWN_LANGUAGE_ORIGINALS:
        language, original, german_version = OWN_LANGUAGE_ORIGINALS[base]
        return original, language, {"de": {"description": german_version}}
    wanted = [("en", "ar", "tr", "uk"), ("en", "uk"), ()][index % 3]
    versions = DESCRIPTION_VERSIONS.get(german, {})
    return (
        german,
        "de",
        {
            language: {"description": versions[language]}
            for language in wanted
            if language in versions
        },
    )


def _offer_versions(title: str, description: str) -> dict[str, dict[str, str]]:
    """Offer titles in every interface language, descriptions where the demo has them."""
    descriptions = DESCRIPTION_VERSIONS.get(description, {})
    return {
        language: {
            "title": version,
            **(
                {"description": f"{version} – {descriptions[language]}"}
                if language in descriptions
                else {}
            ),
        }
        for language, version in OFFER_TITLE_VERSIONS.get(title, {}).items()
    }
