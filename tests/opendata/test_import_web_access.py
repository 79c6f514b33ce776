"""Who may import on the web: district staff into their own districts, nobody else; whoever is
refused changes nothing."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from opendata.models import ImportUpload
from opendata.services import import_upload_create
from organisations.models import Organisation
from organisations.vocabularies import load_vocabularies
from tests.conftest import Cast
from tests.factories import DistrictStaffFactory
from tests.opendata.schemas import EXAMPLES

CSV = b"Name;Bezirk\nNeuer Verein;Pankow\n"
REFUSED = [
    ("anonymous", 302),
    ("outsider", 403),
    ("owner", 403),
    ("editor", 403),
    ("other_member", 403),
]


@pytest.fixture
def pending(cast: Cast) -> ImportUpload:
    """A CSV file the staff of Pankow uploaded and has not confirmed yet."""
    load_vocabularies()
    return import_upload_create(
        user=cast.staff,
        file_name="pankow.csv",
        content=CSV,
        file_format=ImportUpload.Format.CSV,
        district=cast.district,
        status=Organisation.Status.DRAFT,
    )


def log_in(client: Client, cast: Cast, role: str) -> None:
    if role != "anonymous":
        client.force_login(getattr(cast, role))


@pytest.mark.parametrize(("role", "status"), REFUSED)
def test_only_staff_open_the_import_page(
    client: Client, cast: Cast, role: str, status: int
) -> None:
    log_in(client, cast, role)
    assert client.get(reverse("opendata:import")).status_code == status
    response = client.post(
        reverse("opendata:import"), {"file": SimpleUploadedFile("a.csv", CSV), "status": "draft"}
    )
    assert response.status_code == status
    assert not ImportUpload.objects.exists()


@pytest.mark.parametrize(("role", "status"), [*REFUSED, ("other_staff", 404)])
def test_nobody_but_the_uploader_sees_or_confirms_an_upload(
    client: Client, cast: Cast, pending: ImportUpload, role: str, status: int
) -> None:
    url = reverse("opendata:import_report", kwargs={"upload_id": pending.pk})
    log_in(client, cast, role)
    assert client.get(url).status_code == status
    assert client.post(url, {"fingerprint": "x"}).status_code == status
    assert not Organisation.objects.filter(name="Neuer Verein").exists()
    assert ImportUpload.objects.filter(pk=pending.pk).exists()


def test_staff_see_and_confirm_their_own_upload(
    client: Client, cast: Cast, pending: ImportUpload
) -> None:
    url = reverse("opendata:import_report", kwargs={"upload_id": pending.pk})
    client.force_login(cast.staff)
    fingerprint = client.get(url).context["fingerprint"]
    assert client.post(url, {"fingerprint": fingerprint}).status_code == 302
    assert Organisation.objects.get(name="Neuer Verein").districts.get() == cast.district


def test_an_expired_upload_is_gone(client: Client, cast: Cast, pending: ImportUpload) -> None:
    ImportUpload.objects.filter(pk=pending.pk).update(expires_at=pending.created_at)
    client.force_login(cast.staff)
    url = reverse("opendata:import_report", kwargs={"upload_id": pending.pk})
    assert client.get(url).status_code == 404


def test_staff_of_another_district_cannot_create_entries_in_it(client: Client, cast: Cast) -> None:
    load_vocabularies()
    client.force_login(cast.other_staff)
    response = client.post(
        reverse("opendata:import"), {"file": SimpleUploadedFile("a.csv", CSV), "status": "draft"}
    )
    page = client.get(response["Location"]).content.decode()
    assert "Pankow" in page and 'name="fingerprint"' not in page
    assert client.post(response["Location"], {"fingerprint": "x"}).status_code == 302
    assert not Organisation.objects.filter(name="Neuer Verein").exists()


def test_staff_of_another_district_cannot_change_its_entries(client: Client, cast: Cast) -> None:
    load_vocabularies()
    cast.organisation.external_id = "brucke"
    cast.organisation.save()
    document = json.loads((EXAMPLES / "organization_full.json").read_text())
    document.update(id="brucke", name="Übernommen", services=[])
    client.force_login(cast.other_staff)
    response = client.post(
        reverse("opendata:import"),
        {"file": SimpleUploadedFile("a.json", json.dumps(document).encode()), "status": "draft"},
    )
    page = client.get(response["Location"]).content.decode()
    assert 'name="fingerprint"' not in page
    cast.organisation.refresh_from_db()
    assert cast.organisation.name == "Brücke e.V."


def test_staff_cannot_choose_a_district_that_is_not_theirs(client: Client, cast: Cast) -> None:
    load_vocabularies()
    DistrictStaffFactory(user=cast.staff, district__name="Mitte", second_factor=False)
    client.force_login(cast.staff)
    response = client.post(
        reverse("opendata:import"),
        {
            "file": SimpleUploadedFile("a.csv", b"Name\nOhne Bezirk\n"),
            "status": "draft",
            "district": str(cast.other_district.pk),
        },
    )
    assert response.status_code == 200
    assert "district" in response.context["form"].errors
    assert not ImportUpload.objects.exists()
