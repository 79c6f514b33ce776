"""import_organisations: a district's spreadsheet, checked row by row, written all or nothing."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from opendata.exports import organisations_csv
from organisations.models import District, Organisation, OrganisationKind
from organisations.vocabularies import load_vocabularies
from tests.factories import DistrictFactory, OrganisationFactory

GOOD = """\ufeffExterne ID;Name;Art;Bezirk;Straße;PLZ;Ort;Sprachen;Themen;MSO;Gründungsjahr;E-Mail
pk-1;Brücke e.V.;Eingetragener Verein;Pankow;Hauptstraße 1;13187;Berlin;ar, tr;Bildung|Kultur;ja;\
2004;info@bruecke.example.org
pk-2;Sprachcafé Nord;initiative;pankow;;;;Ukrainisch;;nein;;
"""

BAD = """name,kind,districts,founding_year,email,latitude,longitude,languages
Gute Initiative,initiative,Pankow,2010,,,,
,initiative,Pankow,,,,,
Falsches Jahr,initiative,Pankow,19x5,kein-mail,52.5,,Klingonisch
Unbekannt,nope,Atlantis,,,,,
=HYPERLINK("http://evil.example"),initiative,Pankow,,,,,
"Kaputte Zeile",initiative
"""


@pytest.fixture
def places(db: None) -> None:
    load_vocabularies()
    DistrictFactory(name="Pankow")


def write(tmp_path: Path, text: str, name: str = "import.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run(path: Path, *args: str) -> str:
    out = io.StringIO()
    call_command("import_organisations", str(path), *args, stdout=out)
    return out.getvalue()


def test_a_good_file_creates_organisations_with_a_summary(places: None, tmp_path: Path) -> None:
    output = run(write(tmp_path, GOOD), "--status", "published")
    brucke = Organisation.objects.get(external_id="pk-1")
    assert brucke.name == "Brücke e.V."
    assert brucke.status == Organisation.Status.PUBLISHED
    assert brucke.published_at is not None
    assert brucke.kind.slug == "association"
    assert brucke.migrant_led is True
    assert brucke.founding_year == 2004
    assert sorted(brucke.languages.values_list("code", flat=True)) == ["ar", "tr"]
    assert sorted(brucke.topics.values_list("slug", flat=True)) == ["culture", "education"]
    assert list(brucke.districts.values_list("slug", flat=True)) == ["pankow"]
    cafe = Organisation.objects.get(external_id="pk-2")
    assert cafe.kind.slug == "initiative"
    assert "line 2: create organisation 'Brücke e.V.'" in output
    assert "line 3: create organisation 'Sprachcafé Nord'" in output
    assert "Summary: organisations created: 2, updated: 0, skipped (unchanged): 0" in output


def test_new_organisations_are_drafts_unless_asked(places: None, tmp_path: Path) -> None:
    run(write(tmp_path, GOOD))
    assert set(Organisation.objects.values_list("status", flat=True)) == {"draft"}


def test_a_file_with_errors_lists_every_problem_by_line_and_writes_nothing(
    places: None, tmp_path: Path
) -> None:
    path = write(tmp_path, BAD)
    out = io.StringIO()
    with pytest.raises(CommandError, match="5 records have errors"):
        call_command("import_organisations", str(path), "--dry-run", stdout=out)
    report = out.getvalue()
    assert "line 2: create organisation 'Gute Initiative'" in report
    assert "line 3: organisation '': NOT IMPORTED" in report
    assert "error: name: missing" in report
    assert "error: founding_year: '19x5' is not a year" in report
    assert "error: email: 'kein-mail' is not an e-mail address" in report
    assert "error: latitude and longitude: give both or neither" in report
    assert "error: languages: unknown language 'Klingonisch'" in report
    assert "line 5: organisation 'Unbekannt': NOT IMPORTED" in report
    assert "error: kind: unknown kind of organisation 'nope'" in report
    assert "error: districts: unknown district 'Atlantis'" in report
    assert "line 6" in report and "spreadsheet formula" in report
    assert "line 7: organisation 'Kaputte Zeile': NOT IMPORTED" in report
    assert "2 cells instead of 8" in report
    assert "Dry run: nothing was written." in report

    with pytest.raises(CommandError, match="Nothing was written"):
        run(path)
    assert Organisation.objects.count() == 0


def test_reimporting_the_same_file_changes_nothing(places: None, tmp_path: Path) -> None:
    path = write(tmp_path, GOOD)
    run(path)
    before = list(Organisation.objects.order_by("pk").values_list("pk", "updated_at"))
    output = run(path)
    assert "Summary: organisations created: 0, updated: 0, skipped (unchanged): 2" in output
    assert list(Organisation.objects.order_by("pk").values_list("pk", "updated_at")) == before


def test_rows_match_by_external_id_then_by_name_and_district(places: None, tmp_path: Path) -> None:
    association = OrganisationKind.objects.get(slug="association")
    pankow = District.objects.get(slug="pankow")
    weissensee = DistrictFactory(name="Weißensee")
    by_name = OrganisationFactory(name="Sprachcafé Nord", kind=association, districts=[pankow])
    elsewhere = OrganisationFactory(name="Brücke e.V.", kind=association, districts=[weissensee])
    by_id = OrganisationFactory(
        name="Alter Name", kind=association, external_id="pk-1", districts=[weissensee]
    )
    output = run(write(tmp_path, GOOD))
    by_id.refresh_from_db()
    by_name.refresh_from_db()
    elsewhere.refresh_from_db()
    assert by_id.name == "Brücke e.V."
    assert list(by_id.districts.all()) == [pankow]
    assert by_name.external_id == "pk-2"
    assert elsewhere.external_id == ""
    assert Organisation.objects.count() == 3
    assert "line 2: update organisation 'Brücke e.V.' (name," in output
    assert "line 3: update organisation 'Sprachcafé Nord'" in output


def test_long_files_show_progress(places: None, tmp_path: Path) -> None:
    rows = "\n".join(f"Verein {number},initiative,Pankow" for number in range(250))
    output = run(write(tmp_path, "name,kind,districts\n" + rows + "\n"))
    assert "… checked 100 of 250" in output
    assert "… checked 250 of 250" in output
    assert "… written 200 of 250" in output
    assert Organisation.objects.count() == 250


def test_files_over_the_limit_are_refused(places: None, tmp_path: Path, settings) -> None:
    settings.IMPORT_MAX_BYTES = 50
    with pytest.raises(CommandError, match="more than the limit of 50 bytes"):
        run(write(tmp_path, GOOD))
    assert Organisation.objects.count() == 0


def test_files_that_are_not_utf8_are_refused_with_the_line(places: None, tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes("name,districts\nGute Initiative,Pankow\nMüller,Pankow\n".encode("latin-1"))
    with pytest.raises(CommandError, match="line 3 is not UTF-8"):
        run(path)
    assert Organisation.objects.count() == 0


def test_a_file_without_a_name_column_is_refused(places: None, tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="no column “name”"):
        run(write(tmp_path, "title,districts\nX,Pankow\n"))


def test_our_own_export_imports_back_unchanged(places: None, tmp_path: Path) -> None:
    run(write(tmp_path, GOOD), "--status", "published")
    before = list(Organisation.objects.order_by("pk").values_list("pk", "updated_at"))
    exported = write(tmp_path, organisations_csv(Organisation.objects.all()), "export.csv")
    output = run(exported)
    assert "skipped (unchanged): 2" in output
    assert list(Organisation.objects.order_by("pk").values_list("pk", "updated_at")) == before


def test_a_nul_character_is_refused_with_its_line(places: None, tmp_path: Path) -> None:
    path = write(tmp_path, "name,kind,districts\nGute Initiative,initiative,Pankow\nA\x00B,x,y\n")
    with pytest.raises(CommandError, match="line 3 contains a NUL character"):
        run(path, "--dry-run")
    assert Organisation.objects.count() == 0


def test_two_rows_with_one_id_are_reported_in_the_dry_run(places: None, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "external_id,name,kind,districts\n"
        "pk-1,Brücke e.V.,initiative,Pankow\n"
        "pk-1,Brücke Nord,initiative,Pankow\n",
    )
    out = io.StringIO()
    with pytest.raises(CommandError, match="1 records have errors"):
        call_command("import_organisations", str(path), "--dry-run", stdout=out)
    assert "line 3: organisation 'Brücke Nord': NOT IMPORTED" in out.getvalue()
    assert "error: the same id as line 2" in out.getvalue()
    assert Organisation.objects.count() == 0
