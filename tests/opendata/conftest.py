"""A small directory with everything the open-data layer must show or hide."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

import pytest

from organisations.models import Offer, Organisation
from tests.factories import (
    DistrictFactory,
    LanguageFactory,
    OfferFactory,
    OfferKindFactory,
    OrganisationFactory,
    TargetGroupFactory,
    TopicFactory,
)


@dataclass
class Directory:
    public: Organisation
    hidden_address: Organisation
    draft: Organisation
    offer_at_home: Offer
    offer_elsewhere: Offer
    ended_offer: Offer
    hidden_offer: Offer
    draft_offer: Offer


@pytest.fixture
def directory(db: None) -> Directory:
    pankow = DistrictFactory(name="Pankow")
    arabic = LanguageFactory(code="ar")
    turkish = LanguageFactory(code="tr")
    education = TopicFactory(slug="education", name_de="Bildung", name_en="Education")
    women = TargetGroupFactory(slug="women", name_de="Frauen", name_en="Women")
    public = OrganisationFactory(
        name="Brücke der Kulturen",
        short_name="BdK",
        districts=[pankow],
        migrant_led=True,
        latitude=Decimal("52.569000"),
        longitude=Decimal("13.402000"),
        phone="+49 30 1234567",
        website="https://bruecke.example.org",
        register_court="Amtsgericht Charlottenburg",
        register_number="VR 12345 B",
        founding_year=2004,
    )
    public.languages.set([arabic])
    public.counselling_languages.set([turkish])
    public.topics.set([education])
    public.target_groups.set([women])
    offer_at_home = OfferFactory(organisation=public, title="Sozialberatung", step_free=True)
    offer_at_home.languages.set([arabic, turkish])
    offer_at_home.topics.set([education])
    offer_elsewhere = OfferFactory(
        organisation=public,
        title="Sprachcafé",
        kind=OfferKindFactory(slug="course", name_de="Kurs", name_en="Course"),
        at_organisation_address=False,
        street="Gartenweg 5",
        postcode="13187",
        locality="Berlin",
        schedule="Dienstags 16–18 Uhr",
        cost=Offer.Cost.PAID,
    )
    ended_offer = OfferFactory(
        organisation=public,
        title="Sommerkurs",
        starts_on=datetime.date(2020, 7, 1),
        ends_on=datetime.date(2020, 8, 31),
    )
    hidden_address = OrganisationFactory(
        name="Frauenhaus Geheim",
        districts=[pankow],
        no_public_address=True,
        street="Verstecktstraße 99",
        postcode="10999",
        latitude=Decimal("52.111111"),
        longitude=Decimal("13.999999"),
    )
    hidden_offer = OfferFactory(
        organisation=hidden_address,
        title="Beratung vor Ort",
        at_organisation_address=False,
        street="Verborgener Weg 98",
        latitude=Decimal("52.222222"),
        longitude=Decimal("13.888888"),
    )
    draft = OrganisationFactory(
        name="Entwurf e.V.",
        districts=[pankow],
        status=Organisation.Status.DRAFT,
        published_at=None,
    )
    draft_offer = OfferFactory(organisation=draft, title="Geheimer Entwurf")
    return Directory(
        public=public,
        hidden_address=hidden_address,
        draft=draft,
        offer_at_home=offer_at_home,
        offer_elsewhere=offer_elsewhere,
        ended_offer=ended_offer,
        hidden_offer=hidden_offer,
        draft_offer=draft_offer,
    )
