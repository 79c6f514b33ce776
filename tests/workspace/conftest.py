"""A small city for the actor analysis: two districts with different offers, so that one has
gaps the other fills, and a network that one organisation of the district belongs to."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.utils import timezone

from networks.models import NetworkMembership
from organisations.models import District, Organisation
from organisations.search import organisation_search_refresh
from tests.factories import (
    DistrictFactory,
    LanguageFactory,
    NetworkMembershipFactory,
    OfferFactory,
    OfferKindFactory,
    OrganisationFactory,
    TargetGroupFactory,
    TopicFactory,
)


@dataclass
class City:
    district: District
    other: District
    networked: Organisation
    alone: Organisation
    elsewhere: Organisation


def build_city(district: District, other: District) -> City:
    """In ``district``: a migrant-led association counselling in Arabic (in a network) and a
    second one without a network, pin or recent confirmation, whose offer ends soon. In
    ``other``: the only housing offer and the only counselling in Farsi."""
    housing = TopicFactory(name_de="Wohnen", name_en="Housing")
    language_course = TopicFactory(name_de="Sprache", name_en="Language")
    families = TargetGroupFactory(name_de="Familien", name_en="Families")
    arabic, farsi = LanguageFactory(code="ar"), LanguageFactory(code="fa")
    counselling, course = (
        OfferKindFactory(slug="counselling"),
        OfferKindFactory(slug="course", name_en="Course", name_de="Kurs"),
    )
    networked = OrganisationFactory(
        name="Brücke",
        districts=[district],
        migrant_led=True,
        latitude=Decimal("52.56"),
        longitude=Decimal("13.40"),
    )
    networked.topics.set([language_course])
    networked.counselling_languages.set([arabic])
    networked.languages.set([arabic])
    offer = OfferFactory(organisation=networked, kind=counselling)
    offer.topics.set([language_course])
    offer.languages.set([arabic])
    NetworkMembershipFactory(
        organisation=networked, network__district=district, status=NetworkMembership.Status.ACTIVE
    )
    long_ago = timezone.now() - datetime.timedelta(days=400)
    alone = OrganisationFactory(
        name="Allein", districts=[district], last_confirmed_at=long_ago, published_at=long_ago
    )
    alone.topics.set([housing])
    OfferFactory(
        organisation=alone, kind=course, ends_on=timezone.localdate() + datetime.timedelta(days=20)
    ).topics.set([language_course])
    OfferFactory(  # ended: counts nowhere
        organisation=alone,
        kind=counselling,
        ends_on=timezone.localdate() - datetime.timedelta(days=1),
    ).topics.set([housing])
    elsewhere = OrganisationFactory(
        name="Anderswo", districts=[other], latitude=Decimal("52.5"), longitude=Decimal("13.2")
    )
    other_offer = OfferFactory(organisation=elsewhere, kind=counselling)
    other_offer.topics.set([housing])
    other_offer.target_groups.set([families])
    other_offer.languages.set([farsi])
    organisation_search_refresh()
    return City(district, other, networked, alone, elsewhere)


@pytest.fixture
def city(db: None) -> City:
    return build_city(DistrictFactory(name="Pankow"), DistrictFactory(name="Spandau"))
