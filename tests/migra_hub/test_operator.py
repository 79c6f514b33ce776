"""The operator of an installation: configured by settings, shown on every page and in the
imprint and privacy policy, and a deploy warning while the demo operator is in place."""

import pytest
from django.core.checks import run_checks
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def pankow_operator(settings):  # type: ignore[no-untyped-def]
    settings.OPERATOR_NAME = "Bezirksamt Pankow von Berlin"
    settings.OPERATOR_URL = "https://www.berlin.de/ba-pankow/"
    settings.OPERATOR_ADDRESS = "Breite Straße 24-26|13187 Berlin"
    settings.OPERATOR_EMAIL = "migra-hub@ba-pankow.berlin.de"
    settings.OPERATOR_PHONE = "030 90295 0"
    settings.OPERATOR_PRIVACY_CONTACT = "datenschutz@ba-pankow.berlin.de"
    return settings


def test_header_and_footer_name_the_operator(client: Client, pankow_operator) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/de/").content.decode()
    header, footer = html.split("</header>")[0], html.split('<footer class="site-footer">')[1]
    link = '<a class="operator__name" href="https://www.berlin.de/ba-pankow/">'
    for part in (header, footer):
        assert "Ein Angebot von" in part
        assert link + "Bezirksamt Pankow von Berlin</a>" in part


def test_imprint_shows_the_operator_address_instead_of_placeholders(
    client: Client,
    pankow_operator,  # type: ignore[no-untyped-def]
) -> None:
    html = client.get("/en/imprint/").content.decode()
    assert "Bezirksamt Pankow von Berlin<br>Breite Straße 24-26<br>13187 Berlin" in html
    assert 'href="mailto:migra-hub@ba-pankow.berlin.de"' in html
    assert 'href="tel:030902950"' in html
    assert "made up" not in html
    assert "Address of the operator" not in html


def test_privacy_policy_names_the_controller_and_the_data_protection_contact(
    client: Client,
    pankow_operator,  # type: ignore[no-untyped-def]
) -> None:
    html = client.get("/de/privacy/").content.decode()
    assert "Bezirksamt Pankow von Berlin<br>Breite Straße 24-26" in html
    assert "Datenschutz-Kontakt:" in html
    assert 'href="mailto:datenschutz@ba-pankow.berlin.de"' in html


def test_demo_operator_is_marked_as_made_up(client: Client) -> None:
    html = client.get("/en/imprint/").content.decode()
    assert "Bezirksamt Musterstadt (Demo)" in html
    assert "the operator named here is made up" in html


def test_deploy_check_warns_while_the_operator_is_the_demo_default() -> None:
    ids = [message.id for message in run_checks(include_deployment_checks=True)]
    assert "migra_hub.W001" in ids


def test_deploy_check_is_quiet_with_a_real_operator(pankow_operator) -> None:  # type: ignore[no-untyped-def]
    ids = [message.id for message in run_checks(include_deployment_checks=True)]
    assert "migra_hub.W001" not in ids


def test_ordinary_checks_do_not_warn_about_the_demo_operator() -> None:
    ids = [message.id for message in run_checks(include_deployment_checks=False)]
    assert "migra_hub.W001" not in ids
