"""Links people type: URL fields take only web addresses (and lists of links e-mail links);
pages and JSON-LD show only safe links, whatever older data holds."""

from __future__ import annotations

from typing import Any

import pytest
from django import forms
from django.db import models
from django.forms import modelform_factory
from django.test import Client

from migra_hub.links import is_safe_link, safe_links
from organisations.models import Organisation
from tests.factories import OrganisationFactory

UNSAFE = [
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "ftp://files.example.org/",
    "//evil.example.org/",
    "mailto:",
    "mailto:javascript:alert(1)",
]
SAFE = [
    "https://social.example.org/@bruecke",
    "http://bruecke.example.org/",
    "mailto:info@bruecke.example.org",
    "mailto:info@bruecke.example.org?subject=Hallo",
]


@pytest.mark.parametrize("link", UNSAFE)
def test_unsafe_links_are_not_safe(link: str) -> None:
    assert not is_safe_link(link)


@pytest.mark.parametrize("link", SAFE)
def test_web_addresses_and_mail_links_are_safe(link: str) -> None:
    assert is_safe_link(link)


def test_safe_links_keeps_only_the_safe_lines() -> None:
    text = "  https://a.example.org \n\njavascript:alert(1)\nmailto:x@example.org\n"
    assert safe_links(text) == ["https://a.example.org", "mailto:x@example.org"]


def formfield(field: models.Field, **kwargs: Any) -> forms.Field | None:
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


# The model's validators as every ModelForm of it (the web's, the admin's) runs them.
OrganisationLinksForm = modelform_factory(
    Organisation, fields=["website", "social_links"], formfield_callback=formfield
)


@pytest.mark.django_db
@pytest.mark.parametrize("link", UNSAFE)
def test_social_links_refuse_unsafe_addresses(link: str) -> None:
    organisation = OrganisationFactory(social_links="")
    data = {"website": "", "social_links": f"https://social.example.org/@ok\n{link}"}
    form = OrganisationLinksForm(data, instance=organisation)
    assert not form.is_valid()
    assert form.has_error("social_links", code="invalid")
    assert link in form.errors["social_links"][0]
    organisation.refresh_from_db()
    assert organisation.social_links == ""


@pytest.mark.django_db
@pytest.mark.parametrize("link", ["ftp://files.example.org/", "javascript:alert(1)"])
def test_the_website_must_be_a_web_address(link: str) -> None:
    form = OrganisationLinksForm({"website": link, "social_links": ""})
    assert not form.is_valid()
    assert "website" in form.errors


@pytest.mark.django_db
def test_safe_links_are_accepted() -> None:
    form = OrganisationLinksForm(
        {"website": "https://bruecke.example.org", "social_links": "\n".join(SAFE)}
    )
    assert form.is_valid(), form.errors


@pytest.mark.django_db
def test_the_page_shows_no_unsafe_link_from_older_data(client: Client) -> None:
    organisation = OrganisationFactory()
    # Written before links were checked: the page must not turn them into links.
    Organisation.objects.filter(pk=organisation.pk).update(
        social_links="javascript:alert(1)\nhttps://social.example.org/@bruecke\n"
        "data:text/html,x\nmailto:info@bruecke.example.org"
    )
    html = client.get(organisation.get_absolute_url()).content.decode()
    assert "javascript:" not in html and "data:text" not in html
    assert 'href="https://social.example.org/@bruecke"' in html
    assert 'href="mailto:info@bruecke.example.org"' in html
