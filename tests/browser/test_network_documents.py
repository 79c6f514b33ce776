"""A member uploads the minutes of a meeting as a PDF, then a corrected version; both versions
stay downloadable for members, and an outsider finds nothing at the document's address."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from networks.models import NetworkDocument, NetworkMembership
from organisations.models import OrganisationMembership
from tests.browser.test_networks import assert_accessible, logged_in
from tests.factories import (
    DistrictFactory,
    MembershipFactory,
    NetworkFactory,
    NetworkMembershipFactory,
    OrganisationFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64


def test_a_member_uploads_minutes_and_a_new_version(
    live_server, browser: Browser, page: Page, tmp_path: Path
) -> None:
    district = DistrictFactory(name="Pankow")
    network = NetworkFactory(name="Netzwerk Mehrsprachigkeit", district=district)
    member_organisation = OrganisationFactory(name="Sprachcafé Pankow", districts=[district])
    member = MembershipFactory(
        organisation=member_organisation, role=OrganisationMembership.Role.EDITOR
    ).user
    NetworkMembershipFactory(
        network=network,
        organisation=member_organisation,
        role=NetworkMembership.Role.COORDINATOR,
    )
    minutes = tmp_path / "Protokoll 3. März.pdf"
    minutes.write_bytes(PDF)
    corrected = tmp_path / "Protokoll 3. März korrigiert.pdf"
    corrected.write_bytes(PDF + b"%corrected\n")
    program = tmp_path / "Protokoll.pdf"
    program.write_bytes(EXE)

    member_context = logged_in(browser, live_server, member)
    member_context.set_default_timeout(30_000)  # uploads on a busy machine
    member_page = member_context.new_page()
    member_page.goto(f"{live_server.url}/en/networks/{network.slug}/")
    member_page.get_by_role("link", name="Documents of the network").click()
    assert_accessible(member_page)

    # A program renamed .pdf is refused next to the field; the title typed stays.
    member_page.get_by_label("Title").fill("Protokoll Netzwerktreffen März")
    member_page.get_by_label("Kind").select_option("minutes")
    member_page.get_by_label("File").set_input_files(str(program))
    member_page.get_by_role("button", name="Upload", exact=True).click()
    expect(member_page.locator("#id_file_error")).to_contain_text(
        "This kind of file cannot be uploaded"
    )
    expect(member_page.get_by_label("Title")).to_have_value("Protokoll Netzwerktreffen März")
    assert not NetworkDocument.objects.exists()

    member_page.get_by_label("File").set_input_files(str(minutes))
    member_page.get_by_role("button", name="Upload", exact=True).click()
    expect(member_page.locator(".messages")).to_contain_text("The document has been uploaded.")
    expect(member_page.get_by_role("heading", level=1)).to_have_text(
        "Protokoll Netzwerktreffen März"
    )
    assert_accessible(member_page)

    # A corrected version: the first one stays in the list.
    member_page.get_by_role("region", name="Upload a new version").get_by_label(
        "New version"
    ).set_input_files(str(corrected))
    member_page.get_by_label("What changed").fill("Names corrected")
    member_page.get_by_role("button", name="Upload new version").click()
    expect(member_page.locator(".messages")).to_contain_text("The new version has been uploaded.")
    rows = member_page.locator("table tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("Protokoll 3. März korrigiert.pdf")
    expect(rows.nth(0)).to_contain_text("Names corrected")
    expect(rows.nth(1)).to_contain_text("Protokoll 3. März.pdf")

    with member_page.expect_download() as download_info:
        member_page.get_by_role("link", name="Protokoll 3. März.pdf").click()
    download = download_info.value
    assert download.suggested_filename == "Protokoll 3. März.pdf"
    assert Path(download.path()).read_bytes() == PDF

    # Someone outside the network finds nothing at the document's address.
    document = NetworkDocument.objects.get()
    outsider_page = logged_in(browser, live_server, UserFactory()).new_page()
    response = outsider_page.goto(
        f"{live_server.url}/en/networks/{network.slug}/documents/{document.pk}/"
    )
    assert response is not None and response.status == 404
