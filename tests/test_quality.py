"""Every page passes the Nu HTML checker and axe-core (WCAG 2.1 AA, no serious findings).

Each area adds its pages to ``quality_pages``: (name, url, user or None for anonymous).
"""

from __future__ import annotations

import pytest
from django.test import Client
from playwright.sync_api import Page

from accounts.models import User
from tests.conftest import Cast
from tests.quality import axe_findings, html_errors

QualityPages = list[tuple[str, str, User | None]]


@pytest.fixture
def quality_pages(cast: Cast) -> QualityPages:
    organisation = cast.organisation
    pages: QualityPages = []
    for language in ("de", "en"):
        pages += [
            (f"home {language}", f"/{language}/", None),
            (f"home logged in {language}", f"/{language}/", cast.owner),
            (f"imprint {language}", f"/{language}/imprint/", None),
            (f"privacy {language}", f"/{language}/privacy/", None),
            (f"accessibility {language}", f"/{language}/accessibility/", None),
            (f"login {language}", f"/{language}/accounts/login/", None),
            (f"signup {language}", f"/{language}/accounts/signup/", None),
            (f"password reset {language}", f"/{language}/accounts/password/reset/", None),
            (f"password change {language}", f"/{language}/accounts/password/change/", cast.owner),
            (f"e-mail addresses {language}", f"/{language}/accounts/email/", cast.owner),
        ]
    pages += [
        ("directory", "/de/organisations/", None),
        ("organisation", organisation.get_absolute_url(), None),
        ("networks", "/de/networks/", None),
        ("events", "/de/events/", None),
    ]
    pages += _directory_pages(cast)
    return pages


# --- Directory (organisations, offers, map) ------------------------------------------------------


def _directory_pages(cast: Cast) -> QualityPages:
    import datetime

    from django.utils import timezone

    from organisations.search import organisation_search_refresh
    from tests.factories import LanguageFactory, OfferFactory

    organisation = cast.organisation
    organisation.latitude, organisation.longitude = 52.55, 13.4
    organisation.description = "Wir beraten Familien."
    organisation.save()
    organisation.languages.set([LanguageFactory()])
    OfferFactory(organisation=organisation, title="Sozialberatung", schedule="Dienstags")
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    OfferFactory(organisation=organisation, title="Altes Angebot", ends_on=yesterday)
    organisation_search_refresh()
    district = cast.district.pk
    pages: QualityPages = []
    for language in ("de", "en"):
        pages += [
            (f"directory {language}", f"/{language}/organisations/", None),
            (
                f"directory filtered {language}",
                f"/{language}/organisations/?district={district}&language=ar&sort=updated",
                None,
            ),
            (f"directory search {language}", f"/{language}/organisations/?q=Familien", None),
            (
                f"directory no results {language}",
                f"/{language}/organisations/?q=nichts&migrant_led=on&district={district}",
                None,
            ),
            (f"directory map {language}", f"/{language}/organisations/map/?language=ar", None),
            (f"organisation {language}", f"/{language}/organisations/{organisation.slug}/", None),
            (
                f"organisation for its owner {language}",
                f"/{language}/organisations/{organisation.slug}/",
                cast.owner,
            ),
            (f"offers {language}", f"/{language}/offers/", None),
            (f"offers with ended {language}", f"/{language}/offers/?ended=on&q=Angebot", None),
            (f"offers no results {language}", f"/{language}/offers/?kind=nothing&q=nichts", None),
        ]
    return pages


def test_pages_are_valid_html(quality_pages: QualityPages) -> None:
    documents = {}
    for name, url, user in quality_pages:
        client = Client()
        if user is not None:
            client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200, f"{name}: {url} answered {response.status_code}"
        documents[name] = response.content.decode()
    errors = html_errors(documents)
    assert errors == [], "\n".join(errors)


def test_sign_up_form_with_errors_is_valid_html(client: Client, db: None) -> None:
    response = client.post("/en/accounts/signup/", {"email": "not-an-address"})
    assert response.status_code == 200
    errors = html_errors({"signup with errors": response.content.decode()})
    assert errors == [], "\n".join(errors)


@pytest.mark.browser
def test_pages_have_no_serious_accessibility_findings(
    quality_pages: QualityPages, live_server, page: Page, transactional_db: None
) -> None:
    findings = []
    anonymous = [(name, url) for name, url, user in quality_pages if user is None]
    for name, url in anonymous:
        page.goto(live_server.url + url)
        findings += [f"{name}: {finding}" for finding in axe_findings(page)]
    assert findings == [], "\n".join(findings)
