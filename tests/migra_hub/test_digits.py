"""Persian pages show Persian digits in their text (CLDR's default for fa), and only there:
tags, attributes, code, form values and user content marked ltr/auto keep 0-9."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import formats, translation

from migra_hub.languages import digit_table, localise_digits
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "digits"),
    [("fa", "۰۱۲۳۴۵۶۷۸۹"), ("ar", None), ("de", None), ("en", None), ("tr", None)],
)
def test_cldr_decides_which_languages_get_their_own_digits(
    language: str, digits: str | None
) -> None:
    table = digit_table(language)
    assert (table and "0123456789".translate(table)) == digits


def test_text_gets_persian_digits_but_markup_does_not() -> None:
    html = (
        '<p class="x1"><a href="/fa/events/2026-12/?page=2">صفحه 2</a> &#39;12&#x27; 2026</p>'
        '<time datetime="2026-12-03">3 دسامبر 2026</time>'
        '<input name="q" value="10115"><br/>14:30'
    )
    assert localise_digits(html, language="fa") == (
        '<p class="x1"><a href="/fa/events/2026-12/?page=2">صفحه ۲</a> &#39;۱۲&#x27; ۲۰۲۶</p>'
        '<time datetime="2026-12-03">۳ دسامبر ۲۰۲۶</time>'
        '<input name="q" value="10115"><br/>۱۴:۳۰'
    )


@pytest.mark.parametrize(
    "kept",
    [
        "<script>var a = 1 < 2;</script>",
        "<style>.a { margin: 0 4px }</style>",
        "<code>pip install babel==2.19.0</code>",
        "<pre>line 1\nline 2</pre>",
        "<textarea name='t'>Text 42</textarea>",
        "<bdi>Verein 2000 e.V.</bdi>",
        '<a dir="ltr" href="tel:+4930123">+49 30 123</a>',
        '<span dir="auto">Karl-Marx-Str. 12, <b>12043</b> Berlin</span>',
        '<div lang="de"><p>Seit 1998 in Neukölln</p></div>',
        '<span translate="no">ID 77</span>',
        "<!-- 2026 -->",
    ],
)
def test_code_and_isolated_user_content_keep_their_digits(kept: str) -> None:
    html = f"<p>1 {kept} 2</p>"
    assert localise_digits(html, language="fa") == f"<p>۱ {kept} ۲</p>"


def test_unclosed_elements_do_not_leak_keeping_into_the_rest_of_the_page() -> None:
    html = '<ul><li><span dir="ltr">030 1</span><li>5</ul><p>6</p>'
    assert localise_digits(html, language="fa") == (
        '<ul><li><span dir="ltr">030 1</span><li>۵</ul><p>۶</p>'
    )


def test_other_languages_are_left_untouched() -> None:
    assert localise_digits("<p>2026</p>", language="ar") == "<p>2026</p>"


def test_persian_number_format_uses_persian_separators() -> None:
    with translation.override("fa"):
        assert formats.number_format(1234.5, decimal_pos=1, force_grouping=True) == "1٬234٫5"


def test_persian_event_page_shows_dates_in_persian_digits(client: Client) -> None:
    event = EventFactory(title="Elterncafé 2026")
    response = client.get(f"/fa/events/{event.slug}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert int(response["Content-Length"]) == len(response.content)
    with translation.override("fa"):
        day = formats.date_format(event.starts_at.astimezone(), "j F Y")
    assert day.translate(digit_table("fa")) in html
    assert f'href="/fa/events/{event.slug}/' in html  # links keep their digits


def test_arabic_and_german_pages_keep_western_digits(client: Client) -> None:
    event = EventFactory()
    for language in ("ar", "de"):
        html = client.get(f"/{language}/events/{event.slug}/").content.decode()
        assert not any(
            "\u0660" <= char <= "\u0669" or "\u06f0" <= char <= "\u06f9" for char in html
        )
