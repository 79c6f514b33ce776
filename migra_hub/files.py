"""Files people upload: what is accepted, under which name it is kept, and how it goes out again.

Every app that takes uploads uses this module, so that one set of rules holds everywhere:

- **Size**: at most ``UPLOAD_MAX_BYTES`` (setting, 10 MiB by default). The request limit of
  ``migra_hub.middleware`` lets a larger body through only to views marked ``@accepts_upload``.
- **Type by content**: the first bytes decide (PDF, PNG, JPEG, WebP) and, for the ZIP-based office
  formats, the package's own table of contents (Office Open XML: ``[Content_Types].xml`` and the
  main part; OpenDocument: the ``mimetype`` member). A program renamed ``.pdf`` is refused, and
  macro-enabled office files are refused too. The name's extension is then made to match what
  the content is, so that the stored type and the name never disagree.
- **Names**: only the last path part, without control characters or characters that file systems
  refuse, at most ``MAX_NAME_LENGTH`` characters, the extension kept.
- **Storage**: through Django's storage API (``STORAGES["default"]``): a folder under
  ``MEDIA_ROOT`` (``var/media``) in development, S3-compatible storage in production
  (docs/deployment.md). Stored names are random, so nobody can guess another file's name; the
  readable name is kept in the database by the caller.
- **Downloads**: ``download_response`` sends a stored file as an attachment with the type found
  at upload and ``nosniff``; the caller checks access first, nothing here does.

Upload forms use :class:`UploadField`, whose cleaned value is a :class:`CheckedUpload`.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import IO, Any, TypeVar

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.http import FileResponse
from django.template.defaultfilters import filesizeformat
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

MAX_NAME_LENGTH = 100
# Enough of the start of a file for every signature below (PDF allows a little before "%PDF-").
HEAD_BYTES = 1024
# What a ZIP member we read may hold at most: these are short XML or text files.
ZIP_MEMBER_MAX_BYTES = 256 * 1024


@dataclass(frozen=True)
class FileType:
    """A kind of file we accept: its content type, the extensions its names may end in (the
    first one is used when a name has none that fits) and a short label for people."""

    content_type: str
    extensions: tuple[str, ...]
    label: str


PDF = FileType("application/pdf", (".pdf",), "PDF")
PNG = FileType("image/png", (".png",), "PNG")
JPEG = FileType("image/jpeg", (".jpg", ".jpeg"), "JPEG")
WEBP = FileType("image/webp", (".webp",), "WebP")
DOCX = FileType(
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", (".docx",), "DOCX"
)
XLSX = FileType(
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (".xlsx",), "XLSX"
)
PPTX = FileType(
    "application/vnd.openxmlformats-officedocument.presentationml.presentation", (".pptx",), "PPTX"
)
ODT = FileType("application/vnd.oasis.opendocument.text", (".odt",), "ODT")
ODS = FileType("application/vnd.oasis.opendocument.spreadsheet", (".ods",), "ODS")
ODP = FileType("application/vnd.oasis.opendocument.presentation", (".odp",), "ODP")

IMAGES: tuple[FileType, ...] = (PNG, JPEG, WEBP)
OFFICE: tuple[FileType, ...] = (DOCX, XLSX, PPTX, ODT, ODS, ODP)
# Documents a group keeps: minutes, agreements, presentations, and photos of a flip chart.
DOCUMENTS: tuple[FileType, ...] = (PDF, *OFFICE, *IMAGES)

# The main part each Office Open XML package must have.
_OOXML_MAIN_PARTS = {
    "word/document.xml": DOCX,
    "xl/workbook.xml": XLSX,
    "ppt/presentation.xml": PPTX,
}
_ODF_TYPES = {t.content_type: t for t in (ODT, ODS, ODP)}


def detect_type(file: IO[bytes]) -> FileType | None:
    """The type of the file by its content, or None when it is none of ours. Reads from the
    start and leaves the position at the start again."""
    file.seek(0)
    head = file.read(HEAD_BYTES)
    file.seek(0)
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if b"%PDF-" in head:
        return PDF
    if head.startswith(b"PK\x03\x04"):
        try:
            return _zip_type(file)
        finally:
            file.seek(0)
    return None


def _zip_type(file: IO[bytes]) -> FileType | None:
    """An office document is a ZIP package; only its table of contents is read, never the
    whole package unpacked."""
    try:
        with zipfile.ZipFile(file) as package:
            names = set(package.namelist())
            if "mimetype" in names:
                return _ODF_TYPES.get(_read_member(package, "mimetype").strip())
            if "[Content_Types].xml" not in names:
                return None
            # Documents with macros (docm, xlsm, pptm) run code when opened: not accepted.
            if "macroenabled" in _read_member(package, "[Content_Types].xml").lower():
                return None
            for part, file_type in _OOXML_MAIN_PARTS.items():
                if part in names:
                    return file_type
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, ValueError):
        return None
    return None


def _read_member(package: zipfile.ZipFile, name: str) -> str:
    with package.open(name) as member:
        return member.read(ZIP_MEMBER_MAX_BYTES).decode("utf-8", errors="replace")


# Characters Windows or common file systems refuse in names, and the path separators.
_UNSAFE = re.compile(r'[<>:"/\\|?*]')
_SPACES = re.compile(r"\s+")


def sanitise_filename(
    name: str, *, file_type: FileType | None = None, max_length: int = MAX_NAME_LENGTH
) -> str:
    """A name that is safe to show and to send in a Content-Disposition header: the last path
    part only, no control or reserved characters, no leading dots, at most ``max_length``
    characters. The extension is kept; with ``file_type`` it is one of that type's extensions
    (the type's first one replaces or follows any other)."""
    name = unicodedata.normalize("NFC", name).replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(" " if unicodedata.category(c).startswith("C") else c for c in name)
    name = _SPACES.sub(" ", _UNSAFE.sub("_", name)).strip(" .")
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    if extension and not _looks_like_extension(f".{extension}"):
        # Not an extension but part of the name ("Protokoll vom 3. Mai").
        stem, extension = name, ""
    extension = f".{extension.lower()}" if extension else ""
    if file_type is not None and extension not in file_type.extensions:
        extension = file_type.extensions[0]
    stem = stem.strip(" .") or "file"
    return f"{stem[: max(max_length - len(extension), 1)].rstrip(' .')}{extension}"


def _looks_like_extension(extension: str) -> bool:
    return 2 <= len(extension) <= 6 and extension[1:].isalnum()


@dataclass(frozen=True)
class CheckedUpload:
    """An upload that passed the checks: the file, its safe name, its type and size."""

    file: UploadedFile
    name: str
    file_type: FileType
    size: int

    @property
    def content_type(self) -> str:
        return self.file_type.content_type


def type_labels(types: Iterable[FileType]) -> str:
    return ", ".join(dict.fromkeys(t.label for t in types))


def check_upload(
    file: UploadedFile, *, types: tuple[FileType, ...] = DOCUMENTS, max_bytes: int | None = None
) -> CheckedUpload:
    """The upload, checked: raises ``ValidationError`` (a translated message for the field)
    when it is empty, too large or not of one of ``types`` by its content."""
    limit = settings.UPLOAD_MAX_BYTES if max_bytes is None else max_bytes
    size = file.size or 0
    if size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    if size > limit:
        raise ValidationError(
            _("The file is %(size)s; files may be at most %(limit)s."),
            code="too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(limit)},
        )
    file_type = detect_type(file)
    if file_type is None or file_type not in types:
        raise ValidationError(
            _("This kind of file cannot be uploaded. Allowed are: %(types)s."),
            code="type",
            params={"types": type_labels(types)},
        )
    name = sanitise_filename(file.name or "", file_type=file_type)
    return CheckedUpload(file=file, name=name, file_type=file_type, size=size)


def store(upload: CheckedUpload, *, folder: str) -> str:
    """Saves the upload in the default storage under ``folder`` with a random name (its type's
    extension kept) and returns the stored name, to be kept in a ``FileField``."""
    upload.file.seek(0)
    path = f"{folder.strip('/')}/{uuid.uuid4().hex}{upload.file_type.extensions[0]}"
    return default_storage.save(path, upload.file)


def delete_stored(name: str) -> None:
    """Removes a stored file, e.g. when the transaction that was to keep it failed."""
    if name:
        default_storage.delete(name)


def download_response(*, stored_name: str, filename: str, content_type: str) -> FileResponse:
    """The stored file as a download named ``filename``. Callers check access before: this
    sends whatever it is given."""
    response = FileResponse(
        default_storage.open(stored_name, "rb"),
        as_attachment=True,
        filename=filename,
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    # Private files: no shared cache keeps a copy.
    response["Cache-Control"] = "private, no-store"
    return response


class UploadField(forms.FileField):
    """A file field that runs :func:`check_upload`; its cleaned value is a ``CheckedUpload``.
    The browser's file picker is limited to the accepted extensions (a convenience only: the
    server checks the content)."""

    def __init__(self, *, types: tuple[FileType, ...] = DOCUMENTS, **kwargs: Any) -> None:
        self.types = types
        kwargs.setdefault("help_text", _lazy_help(types))
        super().__init__(**kwargs)
        accept = ",".join(ext for t in types for ext in t.extensions)
        self.widget.attrs.setdefault("accept", accept)

    def clean(self, data: Any, initial: Any = None) -> CheckedUpload | None:
        file = super().clean(data, initial)
        if not file:
            return None
        return check_upload(file, types=self.types)


def _upload_help(types: tuple[FileType, ...]) -> str:
    return _("%(types)s, at most %(limit)s.") % {
        "types": type_labels(types),
        "limit": filesizeformat(settings.UPLOAD_MAX_BYTES),
    }


# In the language of the page and with the limit of the moment, not those of the import.
_lazy_help = lazy(_upload_help, str)


ViewFunction = TypeVar("ViewFunction", bound=Callable[..., Any])


def accepts_upload(view: ViewFunction) -> ViewFunction:
    """Marks a view that takes files: its requests may be as large as ``UPLOAD_MAX_BYTES`` plus
    the usual request limit, so that a file slightly too large gets the form's message next to
    its field rather than a bare 413."""
    view.accepts_upload = True  # type: ignore[attr-defined]
    return view


def upload_request_max_bytes() -> int:
    return int(settings.UPLOAD_MAX_BYTES) + int(settings.REQUEST_MAX_BYTES)
