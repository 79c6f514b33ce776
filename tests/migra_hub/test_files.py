"""Uploaded files: accepted by their content, kept under safe names in the storage, sent back
only as downloads."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.datastructures import MultiValueDict

from migra_hub import files

PDF_BYTES = b"%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64


def zip_bytes(members: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, text in members.items():
            package.writestr(name, text)
    return buffer.getvalue()


def docx_bytes(*, macros: bool = False) -> bytes:
    kind = "macroEnabled.main+xml" if macros else "main+xml"
    return zip_bytes(
        {
            "[Content_Types].xml": f'<Types><Override ContentType="application/x.{kind}"/></Types>',
            "word/document.xml": "<w:document/>",
        }
    )


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (PDF_BYTES, files.PDF),
        (PNG_BYTES, files.PNG),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 20, files.JPEG),
        (b"RIFF\x10\x00\x00\x00WEBPVP8 ", files.WEBP),
        (docx_bytes(), files.DOCX),
        (zip_bytes({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<x/>"}), files.XLSX),
        (
            zip_bytes({"[Content_Types].xml": "<Types/>", "ppt/presentation.xml": "<p/>"}),
            files.PPTX,
        ),
        (zip_bytes({"mimetype": files.ODT.content_type, "content.xml": "<o/>"}), files.ODT),
        (zip_bytes({"mimetype": files.ODS.content_type}), files.ODS),
        (zip_bytes({"mimetype": files.ODP.content_type}), files.ODP),
    ],
)
def test_the_type_is_found_by_the_content(content: bytes, expected: files.FileType) -> None:
    assert files.detect_type(io.BytesIO(content)) == expected


@pytest.mark.parametrize(
    "content",
    [
        EXE_BYTES,
        b"<html><script>alert(1)</script></html>",
        docx_bytes(macros=True),
        zip_bytes({"evil.sh": "rm -rf /"}),
        b"PK\x03\x04 but not really a zip file",
        zip_bytes({"mimetype": "application/x-unknown"}),
    ],
)
def test_other_contents_are_not_recognised(content: bytes) -> None:
    assert files.detect_type(io.BytesIO(content)) is None


def test_a_program_renamed_to_pdf_is_refused_with_a_message() -> None:
    with pytest.raises(ValidationError) as error:
        files.check_upload(upload("Protokoll.pdf", EXE_BYTES))
    assert error.value.code == "type"
    assert "PDF" in str(error.value.messages[0])


def test_a_file_over_the_limit_is_refused_with_both_sizes(settings: Any) -> None:
    settings.UPLOAD_MAX_BYTES = 40
    with pytest.raises(ValidationError) as error:
        files.check_upload(upload("Protokoll.pdf", PDF_BYTES))
    assert error.value.code == "too_large"
    assert "40" in error.value.messages[0]


def test_an_empty_file_is_refused() -> None:
    with pytest.raises(ValidationError) as error:
        files.check_upload(upload("leer.pdf", b""))
    assert error.value.code == "empty"


def test_a_type_outside_the_allowed_ones_is_refused() -> None:
    with pytest.raises(ValidationError):
        files.check_upload(upload("Foto.png", PNG_BYTES), types=(files.PDF,))


def test_the_checked_upload_carries_the_type_of_its_content() -> None:
    checked = files.check_upload(upload("Protokoll.docx", PDF_BYTES))
    assert checked.content_type == "application/pdf"
    assert checked.name == "Protokoll.pdf"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Protokoll Mai.pdf", "Protokoll Mai.pdf"),
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("C:\\Users\\Ayşe\\Desktop\\Vereinbarung.PDF", "Vereinbarung.pdf"),
        ("bad\x00na\x1bme\n.pdf", "bad na me.pdf"),
        ('a<b>c:"d|e?f*.pdf', "a_b_c__d_e_f_.pdf"),
        ("...versteckt.pdf", "versteckt.pdf"),
        (".pdf", "pdf.pdf"),
        (". .", "file.pdf"),
        ("", "file.pdf"),
        ("محضر الاجتماع.pdf", "محضر الاجتماع.pdf"),
        ("Protokoll", "Protokoll.pdf"),
        ("Protokoll.exe", "Protokoll.pdf"),
        ("Protokoll vom 3. Mai 2026", "Protokoll vom 3. Mai 2026.pdf"),
    ],
)
def test_file_names_are_sanitised(name: str, expected: str) -> None:
    assert files.sanitise_filename(name, file_type=files.PDF) == expected


def test_long_file_names_are_shortened_and_keep_their_extension() -> None:
    name = files.sanitise_filename("x" * 500 + ".pdf", file_type=files.PDF)
    assert len(name) == files.MAX_NAME_LENGTH
    assert name.endswith(".pdf")


def test_a_jpeg_keeps_its_jpeg_extension() -> None:
    assert files.sanitise_filename("Foto.JPEG", file_type=files.JPEG) == "Foto.jpeg"


def test_stored_files_get_a_random_name_in_the_media_folder(settings: Any) -> None:
    checked = files.check_upload(upload("Protokoll.pdf", PDF_BYTES))
    stored = files.store(checked, folder="tests/files")
    assert stored.startswith("tests/files/") and stored.endswith(".pdf")
    assert "Protokoll" not in stored
    assert (Path(settings.MEDIA_ROOT) / stored).read_bytes() == PDF_BYTES
    files.delete_stored(stored)
    assert not default_storage.exists(stored)


@pytest.mark.django_db  # closing a response ends the request, which touches the connection
def test_a_download_is_an_attachment_with_the_stored_type_and_nosniff() -> None:
    checked = files.check_upload(upload("Protokoll.pdf", PDF_BYTES))
    stored = files.store(checked, folder="tests/files")
    response = files.download_response(
        stored_name=stored, filename="Protokoll Mai.pdf", content_type=checked.content_type
    )
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "Protokoll Mai.pdf" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF_BYTES  # type: ignore[arg-type]
    response.close()


class UploadForm(forms.Form):
    file = files.UploadField(label="File")


def test_the_upload_field_names_the_error_next_to_the_field() -> None:
    form = UploadForm(data={}, files=MultiValueDict({"file": [upload("Protokoll.pdf", EXE_BYTES)]}))
    assert not form.is_valid()
    assert "file" in form.errors


def test_the_upload_field_gives_a_checked_upload() -> None:
    form = UploadForm(data={}, files=MultiValueDict({"file": [upload("Protokoll.pdf", PDF_BYTES)]}))
    assert form.is_valid()
    assert isinstance(form.cleaned_data["file"], files.CheckedUpload)


def test_the_upload_field_limits_the_file_picker_and_explains_the_limit() -> None:
    html = str(UploadForm()["file"])
    assert 'accept=".pdf,.docx' in html
    assert "10,0" in str(UploadForm().fields["file"].help_text)  # German by default
