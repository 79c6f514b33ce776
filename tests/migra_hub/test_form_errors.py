"""The GOV.UK error pattern on every form: summary, title prefix, errors tied to their fields;
empty select options that say what they mean; long checkbox lists."""

from __future__ import annotations

import re

import pytest
from django import forms
from django.template import Context, Template
from django.test import Client
from django.utils import translation

from migra_hub.forms import ChoiceList, PleaseChooseMixin
from migra_hub.templatetags.form_errors import ErrorItem, error_items_of
from tests.conftest import Cast
from tests.factories import EventFactory, LanguageFactory, OrganisationKindFactory
from tests.test_quality import QualityPages, quality_pages  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english() -> object:
    with translation.override("en"):
        yield


class ExampleForm(PleaseChooseMixin, forms.Form):
    name = forms.CharField(label="Name", help_text="As on your letterhead.")
    colour = forms.ChoiceField(label="Colour", choices=[("", "---------"), ("red", "Red")])
    languages = forms.MultipleChoiceField(
        label="Languages", choices=[(str(n), f"Language {n}") for n in range(3)], widget=ChoiceList
    )
    token = forms.CharField(widget=forms.HiddenInput)

    def clean(self) -> dict[str, object]:
        raise forms.ValidationError("The whole form is wrong.")


def title_of(html: str) -> str:
    match = re.search(r"<title>(.*?)</title>", html, re.S)
    assert match
    return " ".join(match.group(1).split())


def summary_of(html: str) -> str:
    match = re.search(r'<div class="error-summary".*?</div>', html, re.S)
    return match.group(0) if match else ""


def test_the_summary_lists_every_error_with_a_link_to_its_field() -> None:
    form = ExampleForm(data={"colour": ""})
    assert error_items_of(form) == [
        ErrorItem("The whole form is wrong."),
        ErrorItem("Name: This field is required.", "id_name"),
        ErrorItem("Colour: This field is required.", "id_colour"),
        ErrorItem("Languages: This field is required.", "id_languages_0"),
        ErrorItem("Token: This field is required."),
    ]


def test_an_unbound_or_valid_form_has_no_summary() -> None:
    html = Template('{% include "includes/_error_summary.html" %}').render(
        Context({"form": ExampleForm()})
    )
    assert html.strip() == ""


def test_each_error_is_next_to_its_field_and_tied_to_it() -> None:
    form = ExampleForm(data={})
    html = str(form["name"].as_field_group())
    assert 'aria-describedby="id_name_helptext id_name_error"' in html
    assert 'aria-invalid="true"' in html
    # Label, hint, error, input: the error is read before the field.
    order = [
        html.index(part)
        for part in ("<label", 'id="id_name_helptext"', 'id="id_name_error"', "<input")
    ]
    assert order == sorted(order)
    assert re.search(r'id="id_name_error">.*This field is required', html, re.S)


def test_a_group_of_checkboxes_is_described_on_its_fieldset() -> None:
    html = str(ExampleForm(data={})["languages"].as_field_group())
    assert re.search(r'<fieldset aria-describedby="id_languages_error">', html)
    assert 'id="id_languages_0"' in html


def test_selects_of_entry_forms_say_please_choose() -> None:
    html = str(ExampleForm()["colour"])
    assert "---------" not in html
    assert '<option value="" selected>Please choose</option>' in html


def test_a_short_choice_list_has_no_search_box_and_a_long_one_has_one() -> None:
    short = str(ExampleForm()["languages"])
    assert "data-choice-list" not in short
    many = forms.MultipleChoiceField(
        choices=[(str(n), str(n)) for n in range(20)], widget=ChoiceList
    )
    long = many.widget.render("languages", [], {"id": "id_languages"})
    assert "data-choice-list-search" in long
    assert re.search(r'<div class="choice-list__search" hidden>', long)


def test_a_failed_registration_shows_summary_and_title_prefix(cast: Cast, client_for) -> None:
    response = client_for(cast.outsider).post(
        "/en/register/new/",
        {"name": "", "kind": OrganisationKindFactory().pk, "email": "no", "action": "draft"},
    )
    html = response.content.decode()
    assert title_of(html).startswith("Error: ")
    summary = summary_of(html)
    assert "There is a problem" in summary
    assert 'href="#id_name"' in summary and 'href="#id_email"' in summary
    assert 'role="alert"' not in html
    assert 'tabindex="-1" data-error-summary' in summary
    assert "js/error-summary.js" in html


def test_the_title_prefix_is_translated(client: Client) -> None:
    event = EventFactory()
    html = client.post(f"/de/events/{event.slug}/register/", {"email": "x"}).content.decode()
    assert title_of(html).startswith("Fehler: ")
    assert "Es gibt ein Problem" in summary_of(html)


def test_the_allauth_pages_show_the_summary(client: Client) -> None:
    html = client.post("/en/accounts/login/", {"login": "nobody@example.org"}).content.decode()
    assert title_of(html).startswith("Error: ")
    assert 'href="#id_password"' in summary_of(html)


def test_a_page_without_errors_has_no_prefix_and_no_summary_script(client: Client) -> None:
    html = client.get("/en/register/", follow=True).content.decode()
    assert not title_of(html).startswith("Error")
    assert "error-summary.js" not in html
    assert "Set-Cookie" not in str(client.get("/en/").headers)


def test_long_language_lists_are_choice_lists(cast: Cast, client_for) -> None:
    for code in [
        "ar",
        "tr",
        "fa",
        "de",
        "en",
        "ru",
        "uk",
        "pl",
        "es",
        "fr",
        "it",
        "ps",
        "ti",
        "so",
    ]:
        LanguageFactory(code=code)  # names from CLDR
    html = client_for(cast.outsider).get("/en/register/new/?name=X").content.decode()
    assert re.search(r'<div class="choice-list" data-choice-list>', html)


def test_no_page_shows_djangos_empty_option(quality_pages: QualityPages) -> None:  # noqa: F811
    shown = []
    for name, url, user in quality_pages:
        client = Client()
        if user is not None:
            client.force_login(user)
        if "---------" in client.get(url).content.decode():
            shown.append(name)
    assert shown == []
