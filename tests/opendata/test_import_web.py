"""Imports on the web: upload, the dry-run report, the confirmation in one transaction; bad
files named next to the file field."""

from __future__ import annotations

import io
import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import Workbook

from opendata.models import ImportUpload
from organisations.models import DistrictPostcode, Offer, Organisation
from organisations.vocabularies import load_vocabularies
from tests.conftest import Cast
from tests.factories import DistrictStaffFactory, OrganisationFactory
from tests.opendata.schemas import EXAMPLES
from tests.opendata.test_import_hsds import EXAMPLE_FILES, EXAMPLE_ORGANISATION_ID

HEADER = ["Externe ID", "Name", "Art", "Bezirk", "PLZ", "Gründungsjahr", "Sprachen"]


@pytest.fixture
def staff_client(cast: Cast, client: Client) -> Client:
    load_vocabularies()
    client.force_login(cast.staff)
    return client


def upload(client: Client, name: str, content: bytes, **data: str):  # type: ignore[no-untyped-def]
    data.setdefault("status", "draft")
    file = SimpleUploadedFile(name, content)
    return client.post(reverse("opendata:import"), {"file": file, **data})


def confirm(client: Client, report_url: str):  # type: ignore[no-untyped-def]
    page = client.get(report_url).content.decode()
    fingerprint = re.search(r'name="fingerprint" value="([0-9a-f]+)"', page)
    assert fingerprint, "the report offers no confirmation"
    return client.post(report_url, {"fingerprint": fingerprint.group(1)})


def workbook(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in [HEADER, *rows]:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def district_rows(bad_row: int | None = None) -> list[list[object]]:
    """Eight organisations of Pankow in rows 2 to 9; ``bad_row`` gets an impossible year."""
    rows: list[list[object]] = []
    for row in range(2, 10):
        year = "19x5" if row == bad_row else 2000 + row
        rows.append([f"pk-{row}", f"Verein {row}", "initiative", "Pankow", 13187, year, "ar, tr"])
    return rows


@pytest.mark.parametrize("name", EXAMPLE_FILES)
def test_official_hsds_examples_import_through_the_web_into_the_staffs_district(
    staff_client: Client, cast: Cast, name: str
) -> None:
    response = upload(staff_client, name, (EXAMPLES / name).read_bytes())
    assert response.status_code == 302
    report = staff_client.get(response["Location"])
    assert "Example Organization Inc." in report.content.decode()
    assert Organisation.objects.filter(external_id=EXAMPLE_ORGANISATION_ID).count() == 0

    done = confirm(staff_client, response["Location"])

    assert done.status_code == 302
    organisation = Organisation.objects.get(external_id=EXAMPLE_ORGANISATION_ID)
    assert list(organisation.districts.all()) == [cast.district]
    assert organisation.status == Organisation.Status.DRAFT
    if name != "organization_list.json":  # the list has no services
        assert Offer.objects.get(organisation=organisation).title == "Community Counselling"
    assert not ImportUpload.objects.exists()


def test_a_workbook_with_an_error_in_row_7_reports_the_row_and_writes_nothing(
    staff_client: Client,
) -> None:
    before = Organisation.objects.count()
    response = upload(staff_client, "pankow.xlsx", workbook(district_rows(bad_row=7)))
    page = staff_client.get(response["Location"]).content.decode()

    assert "Zeile 7" in page
    assert "founding_year: &#x27;19x5&#x27; is not a year" in page
    assert 'name="fingerprint"' not in page
    assert staff_client.post(response["Location"], {"fingerprint": "0" * 64}).status_code == 302
    assert Organisation.objects.count() == before


def test_the_corrected_workbook_imports_every_row(staff_client: Client, cast: Cast) -> None:
    upload(staff_client, "pankow.xlsx", workbook(district_rows(bad_row=7)))
    response = upload(staff_client, "pankow.xlsx", workbook(district_rows()))

    confirm(staff_client, response["Location"])

    imported = Organisation.objects.filter(external_id__startswith="pk-")
    assert imported.count() == 8
    row_7 = imported.get(external_id="pk-7")
    assert row_7.history.get().history_change_reason == "import-draft pankow.xlsx"
    assert row_7.founding_year == 2007
    assert row_7.postcode == "13187"
    assert list(row_7.districts.all()) == [cast.district]


def test_a_confirmation_after_the_directory_changed_writes_nothing(
    staff_client: Client, cast: Cast
) -> None:
    response = upload(staff_client, "pankow.xlsx", workbook(district_rows()))
    staff_client.get(response["Location"])
    OrganisationFactory(name="Verein 3", external_id="pk-3", districts=[cast.district])
    before = Organisation.objects.count()

    stale = staff_client.post(response["Location"], {"fingerprint": "0" * 64})

    assert stale.status_code == 302
    assert stale["Location"] == response["Location"]
    assert Organisation.objects.count() == before


def test_an_address_names_its_district_by_region_or_known_postcode(
    client: Client, cast: Cast
) -> None:
    load_vocabularies()
    staff = DistrictStaffFactory(district=cast.district).user
    DistrictStaffFactory(user=staff, district=cast.other_district, second_factor=False)
    DistrictPostcode.objects.create(district=cast.district, postcode="13187")
    documents = []
    for index, (region, postcode) in enumerate([("Spandau", ""), ("", "13187")]):
        document = json.loads((EXAMPLES / "organization_full.json").read_text())
        document.update(id=f"00000000-0000-4000-8000-00000000000{index}", name=f"Org {index}")
        document["services"] = []
        address = document["locations"][0]["addresses"][0]
        address.update(region=region, postal_code=postcode)
        documents.append(document)
    client.force_login(staff)

    response = upload(client, "city.json", json.dumps(documents).encode())
    confirm(client, response["Location"])

    assert list(Organisation.objects.get(name="Org 0").districts.all()) == [cast.other_district]
    assert list(Organisation.objects.get(name="Org 1").districts.all()) == [cast.district]


BAD_FILES = [
    ("list.pdf", b"%PDF-1.4", "upload a .csv, .xlsx or .json file"),
    ("old.xls", b"\xd0\xcf\x11\xe0", "old Excel format"),
    ("broken.xlsx", b"PK\x03\x04 broken", "not an Excel workbook"),
    ("renamed.xlsx", b"Name;Bezirk\n", "not an Excel workbook"),
    ("latin1.csv", "Name;Bezirk\nBrücke;Pankow\n".encode("latin-1"), "line 2 is not UTF-8"),
    ("broken.json", b'{\n  "name": oops\n}', "line 2, column 11: not valid JSON"),
    ("empty.csv", b"", "The submitted file is empty"),
    ("columns.csv", b"Titel;Bezirk\nx;Pankow\n", "no column"),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_FILES)
def test_a_bad_file_is_named_next_to_the_file_field_in_english(
    staff_client: Client, name: str, content: bytes, message: str
) -> None:
    response = staff_client.post(
        reverse("opendata:import").replace("/de/", "/en/"),
        {"file": SimpleUploadedFile(name, content), "status": "draft"},
    )
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["file"])
    assert not ImportUpload.objects.exists()


def test_a_bad_file_is_explained_in_the_pages_language(staff_client: Client) -> None:
    response = upload(staff_client, "list.pdf", b"%PDF-1.4")
    assert response.status_code == 200
    assert "Laden Sie eine .csv-, .xlsx- oder .json-Datei hoch" in response.content.decode()


def test_a_file_over_the_size_limit_is_refused(staff_client: Client, settings) -> None:  # type: ignore[no-untyped-def]
    settings.IMPORT_MAX_BYTES = 50
    response = upload(staff_client, "pankow.xlsx", workbook(district_rows()))
    assert response.status_code == 200
    assert "50" in " ".join(response.context["form"].errors["file"])
    assert not ImportUpload.objects.exists()


def test_the_pages_cost_the_same_few_queries_whatever_the_directory_holds(
    staff_client: Client, cast: Cast, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    OrganisationFactory.create_batch(5, districts=[cast.district])
    with django_assert_max_num_queries(12):
        assert staff_client.get(reverse("opendata:import")).status_code == 200
