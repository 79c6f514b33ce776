"""User content is isolated from the translated sentences around it (<bdi>, dir="auto"), and
what is always left to right (e-mail addresses, URLs, phone numbers) is marked so."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.test import Client
from django.utils import translation

from tests.factories import EventFactory, OfferFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def render(source: str, **values: object) -> str:
    return Template("{% load bidi %}" + source).render(Context(values))


def test_bdi_filter_escapes_and_isolates() -> None:
    assert render("{{ name|bdi }}", name="<b>Café & Co</b>") == (
        "<bdi>&lt;b&gt;Café &amp; Co&lt;/b&gt;</bdi>"
    )


def test_ltr_filter_forces_left_to_right() -> None:
    assert render("{{ email|ltr }}", email="a@b.example") == '<bdi dir="ltr">a@b.example</bdi>'


def test_isolated_value_inside_a_translated_sentence() -> None:
    with translation.override("en"):
        html = render(
            "{% load i18n %}{% blocktranslate with title=title|bdi %}Sign up: {{ title }}"
            "{% endblocktranslate %}",
            title="Elterncafé",
        )
    assert html == "Sign up: <bdi>Elterncafé</bdi>"


def test_arabic_sign_up_page_isolates_the_german_event_title(client: Client) -> None:
    event = EventFactory(title="Elterncafé Neukölln")
    html = client.get(f"/ar/events/{event.slug}/register/").content.decode()
    assert "<bdi>Elterncafé Neukölln</bdi>" in html


def test_organisation_page_isolates_name_and_marks_contacts_left_to_right(
    client: Client,
) -> None:
    entry = OrganisationFactory(
        name="Brücke e.V.",
        description="Wir beraten.",
        email="info@bruecke.example.org",
        website="https://bruecke.example.org/",
        phone="030 123456",
    )
    html = client.get(f"/ar/organisations/{entry.slug}/").content.decode()
    assert '<h1 id="organisation-heading"><bdi>Brücke e.V.</bdi>' in html
    assert 'dir="auto"><p>Wir beraten.</p></div>' in html
    assert 'href="mailto:info@bruecke.example.org" dir="ltr"' in html
    assert 'href="https://bruecke.example.org/" rel="noopener" dir="ltr"' in html
    assert 'href="tel:030123456" dir="ltr"' in html


def test_directory_cards_isolate_names_and_descriptions(client: Client) -> None:
    offer = OfferFactory(title="Sprachcafé")
    html = client.get("/ar/offers/").content.decode()
    assert 'dir="auto">Sprachcafé</span></a>' in html
    assert f"<bdi>{offer.organisation.name}</bdi>" in html
