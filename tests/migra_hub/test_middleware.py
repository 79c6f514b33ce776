"""Request limits: a NUL byte anywhere in a request or a body over the limit is refused before
a view (and the database) sees it."""

from __future__ import annotations

import pytest
from django.test import Client

from organisations.models import ProblemReport
from tests.conftest import Cast
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/api/hsds/organizations?search=a%00b",
        "/de/organisations/?q=beratung%00",
        "/de/organisations/?%00=1",
        "/de/events/?q=x&q=%00",
        "/de/organisations/%00/",
    ],
)
def test_nul_byte_in_query_or_path_is_a_bad_request(client: Client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "NUL" in response.content.decode()


def test_nul_byte_in_a_form_field_is_refused_and_nothing_is_saved(client: Client) -> None:
    organisation = OrganisationFactory()
    response = client.post(
        f"/de/organisations/{organisation.slug}/report/",
        {"message": "Alte\x00Adresse", "reporter_email": ""},
    )
    assert response.status_code == 400
    assert not ProblemReport.objects.exists()


def test_nul_byte_in_a_form_field_name_is_refused(client_for, cast: Cast) -> None:  # type: ignore[no-untyped-def]
    response = client_for(cast.owner).post(
        f"/de/organisations/{cast.organisation.slug}/edit/", {"name\x00": "x"}
    )
    assert response.status_code == 400


def test_nul_byte_in_an_urlencoded_form_is_refused(client: Client) -> None:
    organisation = OrganisationFactory()
    response = client.post(
        f"/de/organisations/{organisation.slug}/report/",
        "message=Alte%00Adresse",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400
    assert not ProblemReport.objects.exists()


def test_the_refusal_speaks_the_language_of_the_page(client: Client) -> None:
    response = client.get("/en/organisations/?q=%00")
    assert response.status_code == 400
    assert response.content.decode() == (
        "The request contains a character that is not allowed (a NUL byte)."
    )


def test_a_body_over_the_limit_is_refused_before_it_is_read(client: Client, settings) -> None:  # type: ignore[no-untyped-def]
    organisation = OrganisationFactory()
    settings.REQUEST_MAX_BYTES = 1000
    response = client.post(
        f"/de/organisations/{organisation.slug}/report/",
        {"message": "x" * 2000},
    )
    assert response.status_code == 413
    assert not ProblemReport.objects.exists()


def test_a_fifty_megabyte_upload_to_the_problem_report_form_is_refused(client: Client) -> None:
    organisation = OrganisationFactory()
    body = b"x" * (50 * 1024 * 1024)
    response = client.generic(
        "POST",
        f"/de/organisations/{organisation.slug}/report/",
        body,
        content_type="multipart/form-data; boundary=BoUnDaRy",
    )
    assert response.status_code == 413
    assert not ProblemReport.objects.exists()


def test_a_body_within_the_limit_reaches_the_view(client: Client) -> None:
    organisation = OrganisationFactory()
    response = client.post(
        f"/de/organisations/{organisation.slug}/report/",
        {"message": "Die Adresse stimmt nicht mehr."},
    )
    assert response.status_code == 302
    assert ProblemReport.objects.get().organisation == organisation


def test_the_body_limit_is_also_djangos_limit_for_form_data() -> None:
    from django.conf import settings as live

    assert live.DATA_UPLOAD_MAX_MEMORY_SIZE == live.REQUEST_MAX_BYTES
    assert live.FILE_UPLOAD_MAX_MEMORY_SIZE == live.REQUEST_MAX_BYTES
    assert live.REQUEST_MAX_BYTES < 50 * 1024 * 1024
