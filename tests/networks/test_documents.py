"""Documents kept with the network, notes edited with their history, and partners."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from accounts.privacy import Person
from migra_hub.files import check_upload
from networks import privacy, services
from networks.models import DocumentVersion, NetworkDocument, NetworkMembership, NoteVersion
from tests.factories import NetworkNoteFactory
from tests.networks.conftest import PDF, Kept, World, pdf_upload

pytestmark = pytest.mark.django_db

EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64


def documents_url(world: World) -> str:
    return reverse("networks:documents", args=[world.network.slug])


def test_a_member_uploads_minutes_as_pdf(kept: Kept, client_for, settings: Any) -> None:
    world = kept.world
    response = client_for(world.cast.owner).post(
        documents_url(world),
        {"title": "Protokoll April", "kind": "minutes", "file": pdf_upload("Protokoll April.pdf")},
    )
    document = NetworkDocument.objects.get(title="Protokoll April")
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "networks:document", args=[world.network.slug, document.pk]
    )
    version = document.versions.get()
    assert version.number == 1
    assert version.filename == "Protokoll April.pdf"
    assert version.content_type == "application/pdf"
    assert version.uploaded_by == world.cast.owner
    assert document.organisation == world.cast.organisation
    stored = Path(settings.MEDIA_ROOT) / str(version.file.name)
    assert stored.read_bytes() == PDF
    assert "Protokoll" not in stored.name  # stored under a random name


def test_the_member_downloads_the_document_as_an_attachment(kept: Kept, client_for) -> None:
    world = kept.world
    url = reverse("networks:document_download", args=[world.network.slug, kept.document.pk])
    response = client_for(world.cast.editor).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "attachment" in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == PDF + b"%v2\n"  # the newest version
    response.close()


def test_an_old_version_is_still_downloadable(kept: Kept, client_for) -> None:
    world = kept.world
    url = reverse("networks:document_version", args=[world.network.slug, kept.document.pk, 1])
    response = client_for(world.cast.editor).get(url)
    assert b"".join(response.streaming_content) == PDF
    response.close()


def test_an_outsider_gets_404_for_the_document_and_its_versions(kept: Kept, client_for) -> None:
    world = kept.world
    slug, pk = world.network.slug, kept.document.pk
    client = client_for(world.cast.other_member)
    for url in [
        reverse("networks:documents", args=[slug]),
        reverse("networks:document", args=[slug, pk]),
        reverse("networks:document_download", args=[slug, pk]),
        reverse("networks:document_version", args=[slug, pk, 1]),
        reverse("networks:document_version", args=[slug, pk, 2]),
    ]:
        response = client.get(url)
        assert response.status_code == 404, url
        assert "Protokoll" not in response.content.decode()


def test_the_coordinators_organisation_leaves_and_the_documents_stay(
    kept: Kept, client_for
) -> None:
    world = kept.world
    # A network keeps at least one coordinator: the owner's organisation takes over first.
    services.membership_name_coordinator(membership=world.request, user=world.cast.staff)
    services.membership_leave(membership=world.coordination, user=world.coordinator)
    world.coordination.refresh_from_db()
    assert world.coordination.status == NetworkMembership.Status.LEFT
    document = NetworkDocument.objects.get(pk=kept.document.pk)
    assert document.versions.count() == 2
    version = document.versions.get(number=2)
    assert version.uploaded_by == world.coordinator
    assert version.uploaded_by_name == str(world.coordinator)
    # The remaining members still have them; the coordinator who left no longer does.
    response = client_for(world.cast.editor).get(documents_url(world))
    assert "Protokoll März" in response.content.decode()
    assert client_for(world.coordinator).get(documents_url(world)).status_code == 404


def test_deleting_the_uploaders_account_keeps_the_document_without_the_name(kept: Kept) -> None:
    editor = kept.world.cast.editor
    privacy.before_account_deletion(Person.of(editor))
    editor.delete()
    version = DocumentVersion.objects.get(document=kept.document, number=1)
    assert version.uploaded_by is None
    assert version.uploaded_by_name == ""
    assert NetworkDocument.objects.get(pk=kept.document.pk).created_by is None


def test_the_data_download_lists_the_persons_uploads_and_note_versions(kept: Kept) -> None:
    services.note_update(
        note=kept.note,
        user=kept.world.coordinator,
        data=services.NoteData(
            title="Treffen im März", text="Neuer Text", date=datetime.date(2026, 3, 5)
        ),
    )
    data = privacy.personal_data(Person.of(kept.world.coordinator))
    assert [v["file_name"] for v in data["network_document_versions"]] == [
        "Protokoll März korrigiert.pdf"
    ]
    assert [v["text"] for v in data["network_note_versions"]] == [
        "Wir treffen uns in der Bibliothek."
    ]


def test_a_program_renamed_pdf_gets_an_error_next_to_the_field_and_keeps_the_title(
    kept: Kept, client_for
) -> None:
    response = client_for(kept.world.cast.owner).post(
        documents_url(kept.world),
        {
            "title": "Vereinbarung Raumnutzung",
            "kind": "agreement",
            "file": pdf_upload("Vereinbarung.pdf", EXE),
        },
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "This kind of file cannot be uploaded" in html
    assert 'id="id_file_error"' in html or "id_file" in html
    assert 'value="Vereinbarung Raumnutzung"' in html
    assert '<option value="agreement" selected>' in html
    assert not NetworkDocument.objects.filter(title="Vereinbarung Raumnutzung").exists()


def test_a_too_large_file_gets_an_error_next_to_the_field(
    kept: Kept, client_for, settings: Any
) -> None:
    settings.UPLOAD_MAX_BYTES = 1000
    response = client_for(kept.world.cast.owner).post(
        documents_url(kept.world),
        {
            "title": "Großes Protokoll",
            "kind": "minutes",
            "file": pdf_upload(content=PDF + b"0" * 2000),
        },
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "files may be at most" in html
    assert 'value="Großes Protokoll"' in html
    assert not NetworkDocument.objects.filter(title="Großes Protokoll").exists()


def test_an_upload_larger_than_the_request_limit_reaches_the_form(
    kept: Kept, client_for, settings: Any
) -> None:
    """The request limit lets bodies up to the file limit through to upload pages only."""
    settings.REQUEST_MAX_BYTES = 2000
    settings.UPLOAD_MAX_BYTES = 1000
    client = client_for(kept.world.cast.owner)
    big = {"title": "Protokoll", "kind": "minutes", "file": pdf_upload(content=PDF + b"0" * 1500)}
    response = client.post(documents_url(kept.world), big)
    assert response.status_code == 400
    assert "files may be at most" in response.content.decode()
    note_url = reverse("networks:notes", args=[kept.world.network.slug])
    assert client.post(note_url, {"text": "x" * 2500}).status_code == 413


def test_a_new_version_keeps_the_old_ones(kept: Kept, client_for) -> None:
    world = kept.world
    url = reverse("networks:document", args=[world.network.slug, kept.document.pk])
    response = client_for(world.cast.owner).post(
        url, {"file": pdf_upload("Protokoll v3.pdf"), "comment": "Anhang ergänzt"}
    )
    assert response.status_code == 302
    assert list(kept.document.versions.values_list("number", "filename")) == [
        (3, "Protokoll v3.pdf"),
        (2, "Protokoll März korrigiert.pdf"),
        (1, "Protokoll März.pdf"),
    ]
    page = client_for(world.cast.owner).get(url).content.decode()
    assert "Anhang ergänzt" in page and "Names corrected" in page


def test_a_failed_upload_leaves_no_file_behind(kept: Kept, settings: Any) -> None:
    media = Path(settings.MEDIA_ROOT)
    before = set(media.rglob("*.pdf"))
    with pytest.raises(PermissionDenied):
        services.document_add_version(
            document=kept.document,
            user=kept.world.cast.other_member,
            upload=check_upload(pdf_upload()),
        )
    with pytest.raises(ValidationError):  # the title is too long for its column
        services.document_create(
            network=kept.world.network,
            user=kept.world.cast.owner,
            title="x" * 500,
            kind="minutes",
            upload=check_upload(pdf_upload()),
        )
    assert set(media.rglob("*.pdf")) == before


def test_archived_documents_leave_the_current_list_and_come_back(kept: Kept, client_for) -> None:
    world = kept.world
    client = client_for(world.cast.owner)
    archive = reverse("networks:document_archive", args=[world.network.slug, kept.document.pk])
    client.post(archive, {"archived": "1"})
    document = NetworkDocument.objects.get(pk=kept.document.pk)
    assert document.is_archived and document.archived_by == world.cast.owner
    html = client.get(documents_url(world)).content.decode()
    assert "Archived document (1)" in html
    client.post(archive, {"archived": "0"})
    assert not NetworkDocument.objects.get(pk=kept.document.pk).is_archived


# --- Notes edited with their history ---


def note_data(**changes: Any) -> services.NoteData:
    values: dict[str, Any] = {
        "title": "Treffen im März",
        "text": "Wir treffen uns in der Stadtbibliothek.",
        "date": datetime.date(2026, 3, 5),
        "attachment_url": "",
    }
    return services.NoteData(**{**values, **changes})


def test_a_coordinator_edits_a_note_and_the_earlier_version_is_kept(kept: Kept) -> None:
    world = kept.world
    note = services.note_update(
        note=kept.note, user=world.coordinator, data=note_data(), revision=1
    )
    assert note.text == "Wir treffen uns in der Stadtbibliothek."
    assert note.revision == 2
    assert note.edited_by == world.coordinator
    [version] = note.versions.all()
    assert version.text == "Wir treffen uns in der Bibliothek."
    assert version.written_by == world.coordinator
    assert version.written_at == kept.note.created_at


def test_an_edit_opened_on_an_older_revision_saves_nothing(kept: Kept) -> None:
    world = kept.world
    services.note_update(note=kept.note, user=world.coordinator, data=note_data(), revision=1)
    with pytest.raises(services.NoteChanged) as changed:
        services.note_update(
            note=kept.note, user=world.cast.staff, data=note_data(text="Anders"), revision=1
        )
    assert [name for name, _saved, _sent in changed.value.differences] == ["text"]
    kept.note.refresh_from_db()
    assert kept.note.text == "Wir treffen uns in der Stadtbibliothek."
    assert NoteVersion.objects.count() == 1


def test_the_edit_page_shows_the_conflict_and_keeps_what_was_typed(kept: Kept, client_for) -> None:
    world = kept.world
    services.note_update(note=kept.note, user=world.coordinator, data=note_data(), revision=1)
    url = reverse("networks:note_edit", args=[world.network.slug, kept.note.pk])
    response = client_for(world.cast.staff).post(
        url,
        {"title": "Treffen im März", "date": "2026-03-05", "text": "Meine Fassung", "revision": 1},
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Changed by someone else" in html and "Meine Fassung" in html


def test_the_author_may_edit_their_note_and_members_see_the_history(kept: Kept, client_for) -> None:
    world = kept.world
    authored = NetworkNoteFactory(network=world.network, author=world.cast.owner)
    url = reverse("networks:note_edit", args=[world.network.slug, authored.pk])
    response = client_for(world.cast.owner).post(
        url, {"title": "Neu", "date": "2026-04-01", "text": "Neuer Text", "revision": 1}
    )
    assert response.status_code == 302
    history = client_for(world.cast.editor).get(
        reverse("networks:note_history", args=[world.network.slug, authored.pk])
    )
    html = history.content.decode()
    assert "Neuer Text" in html and authored.text in html
    assert str(world.cast.owner) in html


def test_someone_else_may_not_edit_a_members_note(kept: Kept) -> None:
    with pytest.raises(PermissionDenied):
        services.note_update(note=kept.note, user=kept.world.cast.editor, data=note_data())


def test_deleting_an_editors_account_removes_their_name_from_note_versions(kept: Kept) -> None:
    world = kept.world
    services.note_update(note=kept.note, user=world.cast.staff, data=note_data())
    services.note_update(note=kept.note, user=world.coordinator, data=note_data(text="Dritte"))
    privacy.before_account_deletion(Person.of(world.cast.staff))
    version = NoteVersion.objects.get(text="Wir treffen uns in der Stadtbibliothek.")
    assert version.written_by_name == ""
    kept.note.refresh_from_db()
    assert kept.note.edited_by_name == str(world.coordinator)


# --- Partners ---


def test_partners_are_shown_apart_from_the_member_organisations(kept: Kept, client) -> None:
    html = client.get(kept.world.network.get_absolute_url()).content.decode()
    members = html.index('id="members-heading"')
    partners = html.index('id="partners-heading"')
    assert "Grundschule am Park" in html[partners:]
    assert "Grundschule am Park" not in html[members:partners]
    assert "Schulsozialarbeit" in html


def test_a_partner_is_listed_only_once(kept: Kept, client_for) -> None:
    url = reverse("networks:partners", args=[kept.world.network.slug])
    response = client_for(kept.world.coordinator).post(
        url, {"name": "grundschule am park", "kind": "school"}
    )
    assert response.status_code == 200
    assert "This partner is already listed." in response.content.decode()


# --- Query counts ---


def test_the_documents_list_costs_the_same_with_more_documents(
    kept: Kept, client_for, django_assert_max_num_queries
) -> None:
    client = client_for(kept.world.cast.editor)
    url = documents_url(kept.world)
    client.get(url)
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200
    for number in range(5):
        document = services.document_create(
            network=kept.world.network,
            user=kept.world.cast.editor,
            title=f"Präsentation {number}",
            kind="presentation",
            upload=check_upload(pdf_upload()),
        )
        services.document_add_version(
            document=document, user=kept.world.cast.owner, upload=check_upload(pdf_upload())
        )
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200


def test_the_document_page_and_note_history_cost_a_fixed_number_of_queries(
    kept: Kept, client_for, django_assert_max_num_queries
) -> None:
    world = kept.world
    client = client_for(world.cast.editor)
    for number in range(4):
        services.document_add_version(
            document=kept.document, user=world.cast.owner, upload=check_upload(pdf_upload())
        )
        services.note_update(
            note=kept.note, user=world.coordinator, data=note_data(text=f"Fassung {number}")
        )
    with django_assert_max_num_queries(15):
        client.get(reverse("networks:document", args=[world.network.slug, kept.document.pk]))
    with django_assert_max_num_queries(12):
        client.get(reverse("networks:note_history", args=[world.network.slug, kept.note.pk]))
    with django_assert_max_num_queries(10):
        client_for(world.coordinator).get(reverse("networks:partners", args=[world.network.slug]))


def test_the_network_page_costs_the_same_with_partners_and_documents(
    kept: Kept, client_for, django_assert_max_num_queries
) -> None:
    world = kept.world
    client = client_for(world.cast.editor)
    url = world.network.get_absolute_url()
    client.get(url)
    with django_assert_max_num_queries(24) as before:
        client.get(url)
    for number in range(5):
        services.partner_add(
            network=world.network,
            user=world.coordinator,
            name=f"Stiftung {number}",
            kind="foundation",
        )
    with django_assert_max_num_queries(len(before.captured_queries)):
        client.get(url)
