"""import_hsds: the official examples import cleanly, re-import changes nothing, bad files
change nothing, and what was imported is served again as valid HSDS."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from organisations.models import Offer, Organisation
from organisations.vocabularies import load_vocabularies
from tests.factories import DistrictFactory
from tests.opendata.schemas import EXAMPLES
from tests.opendata.test_hsds_api import assert_all_valid

EXAMPLE_FILES = [
    "organization_full.json",
    "service_full.json",
    "service_at_location_full.json",
    "organization_list.json",
    "service_list.json",
    "service_at_location_list.json",
]
EXAMPLE_ORGANISATION_ID = "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610"
EXAMPLE_SERVICE_ID = "ac148810-d857-441c-9679-408f346de14b"


@pytest.fixture
def vocabularies(db: None) -> None:
    load_vocabularies()
    DistrictFactory(name="Pankow")


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("import_hsds", *args, stdout=out)
    return out.getvalue()


def snapshot() -> list[tuple]:
    return sorted(
        [
            *Organisation.objects.values_list("external_id", "updated_at"),
            *Offer.objects.values_list("external_id", "updated_at"),
        ]
    )


@pytest.mark.parametrize("name", EXAMPLE_FILES)
def test_official_example_imports_cleanly_and_is_served_as_valid_hsds(
    client: Client, vocabularies: None, name: str
) -> None:
    output = run(str(EXAMPLES / name), "--district", "pankow", "--status", "published")
    organisation = Organisation.objects.get(external_id=EXAMPLE_ORGANISATION_ID)
    assert organisation.name == "Example Organization Inc."
    assert organisation.status == Organisation.Status.PUBLISHED
    assert list(organisation.districts.values_list("slug", flat=True)) == ["pankow"]
    assert "records with errors: 0" in output
    assert "Summary: organisations created: 1" in output
    if name != "organization_list.json":
        offer = Offer.objects.get(external_id=EXAMPLE_SERVICE_ID)
        assert offer.organisation == organisation
        assert offer.title == "Community Counselling"
    assert_all_valid(client)


def test_full_example_keeps_what_we_have_a_place_for(vocabularies: None) -> None:
    run(str(EXAMPLES / "organization_full.json"), "--district", "Pankow")
    organisation = Organisation.objects.get(external_id=EXAMPLE_ORGANISATION_ID)
    assert organisation.status == Organisation.Status.DRAFT
    assert (organisation.short_name, organisation.founding_year) == ("Example Org", 2011)
    assert organisation.email == "email@example.com"
    assert organisation.phone == "+44 1234 234567"
    assert organisation.street == "1-30 Main Street, MyVillage"
    assert (organisation.postcode, organisation.locality) == ("ABC 1234", "MyCity")
    # The example's latitude 100 is outside the earth; it is reported and left out.
    assert organisation.latitude is None
    assert list(organisation.languages.values_list("code", flat=True)) == ["ur"]
    offer = organisation.offers.get()
    assert offer.at_organisation_address is True
    assert list(offer.languages.values_list("code", flat=True)) == ["ur"]
    assert offer.cost == Offer.Cost.PAID
    assert "induction loops" in offer.accessibility_notes


def test_importing_every_example_twice_changes_nothing(vocabularies: None) -> None:
    for name in EXAMPLE_FILES:
        run(str(EXAMPLES / name), "--district", "pankow")
    before = snapshot()
    for name in ["organization_full.json", "service_full.json"]:
        output = run(str(EXAMPLES / name), "--district", "pankow")
        assert "created: 0, updated: 0" in output
        assert "skip (unchanged) organisation 'Example Organization Inc.'" in output
    assert snapshot() == before
    assert Organisation.objects.count() == 1
    assert Offer.objects.count() == 1


def test_dry_run_reports_and_writes_nothing(vocabularies: None) -> None:
    output = run(str(EXAMPLES / "organization_full.json"), "--district", "pankow", "--dry-run")
    assert "create organisation 'Example Organization Inc.'" in output
    assert "create offer 'Community Counselling'" in output
    assert "warning: locations[0].latitude: 100 is not a coordinate" in output
    assert "Dry run: nothing was written." in output
    assert Organisation.objects.count() == 0


def test_malformed_json_is_reported_with_its_line(vocabularies: None, tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n  "id": "x",\n  "name": oops\n}', encoding="utf-8")
    with pytest.raises(CommandError, match=r"line 3, column 11: not valid JSON"):
        run(str(path))
    assert Organisation.objects.count() == 0


def test_one_bad_document_in_a_list_writes_nothing_at_all(
    vocabularies: None, tmp_path: Path
) -> None:
    good = json.loads((EXAMPLES / "organization_full.json").read_text())
    bad = {"id": "11111111-1111-4111-8111-111111111111", "description": "no name"}
    path = tmp_path / "list.json"
    path.write_text(json.dumps([good, bad, "not an object"]), encoding="utf-8")
    out = io.StringIO()
    with pytest.raises(CommandError, match="2 records have errors"):
        call_command("import_hsds", str(path), "--district", "pankow", stdout=out)
    assert "[1]: organisation '?': NOT IMPORTED" in out.getvalue()
    assert "error: name: missing" in out.getvalue()
    assert "[2]: organisation '?': NOT IMPORTED" in out.getvalue()
    assert Organisation.objects.count() == 0


def test_a_new_organisation_needs_a_district(vocabularies: None) -> None:
    with pytest.raises(CommandError):
        run(str(EXAMPLES / "organization_full.json"))
    assert Organisation.objects.count() == 0


def test_files_over_the_size_limit_are_refused(vocabularies: None, settings) -> None:
    settings.IMPORT_MAX_BYTES = 100
    with pytest.raises(CommandError, match="more than the limit of 100 bytes"):
        run(str(EXAMPLES / "organization_full.json"), "--district", "pankow")
    assert Organisation.objects.count() == 0


def test_our_own_api_output_imports_back_without_changing_the_organisation(
    client: Client, vocabularies: None, tmp_path: Path
) -> None:
    run(str(EXAMPLES / "organization_full.json"), "--district", "pankow", "--status", "published")
    organisation = Organisation.objects.get()
    document = client.get(f"/api/hsds/organizations/{organisation.uuid}").json()
    path = tmp_path / "roundtrip.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    output = run(str(path), "--district", "pankow")
    assert "skip (unchanged) organisation 'Example Organization Inc.'" in output
    refreshed = Organisation.objects.get()
    assert refreshed.updated_at == organisation.updated_at
    assert refreshed.external_id == EXAMPLE_ORGANISATION_ID


# --- Files built to break the reader -----------------------------------------------------------


def example(name: str = "organization_full.json") -> dict:
    return json.loads((EXAMPLES / name).read_text())


def write_json(tmp_path: Path, data: object, name: str = "import.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize("dry_run", [[], ["--dry-run"]], ids=["real run", "dry run"])
def test_a_nul_character_in_a_text_is_a_clear_error(
    vocabularies: None, tmp_path: Path, dry_run: list[str]
) -> None:
    document = example()
    document["services"][0]["name"] = "Beratung\x00"
    path = write_json(tmp_path, document)
    with pytest.raises(
        CommandError, match=r"document\.services\[0\]\.name: contains a NUL character"
    ):
        run(str(path), "--district", "pankow", *dry_run)
    assert Organisation.objects.count() == 0


def test_a_nul_character_in_a_key_is_a_clear_error(vocabularies: None, tmp_path: Path) -> None:
    document = example()
    document["extra\x00"] = 1
    with pytest.raises(CommandError, match=r"document: a key contains a NUL character"):
        run(str(write_json(tmp_path, document)), "--district", "pankow")


@pytest.mark.parametrize("depth", [40, 100_000])
def test_deeply_nested_json_is_a_clear_error(
    vocabularies: None, tmp_path: Path, depth: int
) -> None:
    path = tmp_path / "deep.json"
    path.write_text('{"id": "x", "name": "Tief", "a": ' + "[" * depth + "]" * depth + "}")
    with pytest.raises(
        CommandError, match=r"nested more than 32 levels deep\. Nothing was written"
    ):
        run(str(path), "--district", "pankow", "--dry-run")
    assert Organisation.objects.count() == 0


def test_a_number_too_long_to_read_is_a_clear_error(vocabularies: None, tmp_path: Path) -> None:
    path = tmp_path / "long.json"
    path.write_text('{"id": "x", "name": "Lang", "year_incorporated": ' + "9" * 5000 + "}")
    with pytest.raises(CommandError, match="not valid JSON"):
        run(str(path), "--district", "pankow", "--dry-run")


def test_two_organisations_with_one_id_are_reported_in_the_dry_run(
    vocabularies: None, tmp_path: Path
) -> None:
    first = example()
    second = {"id": first["id"], "name": "Andere Organisation", "description": ""}
    path = write_json(tmp_path, [first, second])
    out = io.StringIO()
    with pytest.raises(CommandError, match="1 records have errors"):
        call_command("import_hsds", str(path), "--district", "pankow", "--dry-run", stdout=out)
    assert "[1]: organisation 'Andere Organisation': NOT IMPORTED" in out.getvalue()
    assert "error: the same id as [0]" in out.getvalue()
    assert Organisation.objects.count() == 0


def test_two_services_with_one_id_are_reported_in_the_dry_run_not_failing_the_real_run(
    vocabularies: None, tmp_path: Path
) -> None:
    document = example()
    twin = dict(document["services"][0], name="Zwilling")
    document["services"].append(twin)
    path = write_json(tmp_path, document)
    for dry_run in (["--dry-run"], []):
        out = io.StringIO()
        with pytest.raises(CommandError, match="1 records have errors"):
            call_command("import_hsds", str(path), "--district", "pankow", *dry_run, stdout=out)
        assert "services[1]: offer 'Zwilling': NOT IMPORTED" in out.getvalue()
        assert "error: the same id as document.services[0]" in out.getvalue()
    assert (Organisation.objects.count(), Offer.objects.count()) == (0, 0)


def test_two_services_matching_one_offer_of_the_directory_are_reported(
    vocabularies: None, tmp_path: Path
) -> None:
    run(str(EXAMPLES / "organization_full.json"), "--district", "pankow")
    document = example()
    # A new id, but the title of the offer the first service updates: the same offer.
    document["services"].append(
        dict(document["services"][0], id="0d7a9a52-3e0b-4c8e-9d55-2f1f3c1b7e11")
    )
    out = io.StringIO()
    with pytest.raises(CommandError, match="1 records have errors"):
        call_command("import_hsds", str(write_json(tmp_path, document)), "--dry-run", stdout=out)
    assert "error: the same offer as document.services[0]" in out.getvalue()
