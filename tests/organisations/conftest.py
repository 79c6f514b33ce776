"""A small directory in which every filter separates one organisation from the other."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.utils import timezone

from organisations.models import District, Language, Offer, Organisation
from organisations.search import organisation_search_refresh
from tests.factories import (
    DistrictFactory,
    LanguageFactory,
    OfferFactory,
    OfferKindFactory,
    OrganisationFactory,
    OrganisationKindFactory,
    TargetGroupFactory,
    TopicFactory,
)


@dataclass
class Directory:
    pankow: District
    spandau: District
    arabic: Language
    farsi: Language
    turkish: Language
    match: Organisation  # has every value the filters ask for
    other: Organisation  # has none of them


@pytest.fixture
def directory(db: None) -> Directory:
    pankow = DistrictFactory(name="Pankow")
    spandau = DistrictFactory(name="Spandau")
    arabic = LanguageFactory(code="ar")
    farsi = LanguageFactory(code="fa")
    turkish = LanguageFactory(code="tr")
    women = TopicFactory(slug="women", name_de="Frauen", name_en="Women")
    health = TopicFactory(slug="health", name_de="Gesundheit", name_en="Health")
    refugees = TargetGroupFactory(slug="refugees", name_de="Geflüchtete", name_en="Refugees")
    children = TargetGroupFactory(slug="children", name_de="Kinder", name_en="Children")
    initiative = OrganisationKindFactory(
        slug="initiative", name_de="Initiative", name_en="Initiative"
    )
    association = OrganisationKindFactory(
        slug="association", name_de="Eingetragener Verein", name_en="Registered association"
    )
    counselling = OfferKindFactory(slug="counselling", name_de="Beratung", name_en="Counselling")
    course = OfferKindFactory(slug="course", name_de="Kurs", name_en="Course")

    match = OrganisationFactory(
        name="Frauenforum Nord",
        kind=initiative,
        migrant_led=True,
        districts=[pankow],
        latitude=Decimal("52.569"),
        longitude=Decimal("13.402"),
    )
    match.languages.set([arabic])
    match.counselling_languages.set([farsi])
    match.topics.set([women])
    match.target_groups.set([refugees])
    OfferFactory(organisation=match, title="Beratung für Frauen", kind=counselling)

    other = OrganisationFactory(
        name="Elternverein Süd",
        kind=association,
        migrant_led=False,
        districts=[spandau],
        latitude=Decimal("52.535"),
        longitude=Decimal("13.2"),
    )
    other.languages.set([turkish])
    other.counselling_languages.set([turkish])
    other.topics.set([health])
    other.target_groups.set([children])
    OfferFactory(organisation=other, title="Kurs für Eltern", kind=course, cost=Offer.Cost.PAID)
    # Ended offers count for nothing: not for "free offers only", not for the kind of offer.
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    OfferFactory(
        organisation=other,
        title="Alte Beratung",
        kind=counselling,
        cost=Offer.Cost.FREE,
        starts_on=yesterday - datetime.timedelta(days=300),
        ends_on=yesterday,
    )
    organisation_search_refresh()
    return Directory(pankow, spandau, arabic, farsi, turkish, match, other)
