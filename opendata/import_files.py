"""Reading an import file, before anything in it is looked at: its size, its encoding, its
syntax, and what no directory text has and PostgreSQL cannot store (a NUL character), or what no
HSDS document has and could exhaust the reader (nesting deeper than ``MAX_DEPTH``). Each problem
is an :class:`ImportFileError` that names the file and where in it.

The same reading serves the commands (a path) and the web import (an upload kept in the
database): both hand over an :class:`ImportFile`, a name and the bytes. The messages are
translated where a language is active (the web page); the commands run without one and print
them in English.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

# PostgreSQL stores no NUL character in a text; no text of a directory has one.
NUL = "\x00"


class ImportFileError(Exception):
    """The file as a whole cannot be read (too large, not UTF-8, not JSON, no header, ...)."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(f"{name}: {message}")
        self.message = message


@dataclass(frozen=True)
class ImportFile:
    name: str
    content: bytes

    @classmethod
    def from_path(cls, path: Path) -> ImportFile:
        if not path.is_file():
            raise ImportFileError(str(path), _("no such file"))
        check_size(str(path), path.stat().st_size)
        return cls(name=str(path), content=path.read_bytes())


def check_size(name: str, size: int) -> None:
    if size > settings.IMPORT_MAX_BYTES:
        raise ImportFileError(
            name,
            _("%(size)s bytes is more than the limit of %(limit)s bytes (setting IMPORT_MAX_BYTES)")
            % {"size": size, "limit": settings.IMPORT_MAX_BYTES},
        )


def decode_text(file: ImportFile) -> str:
    """The text of a CSV file, refused as a whole when it cannot be imported."""
    raw = file.content
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ImportFileError(
            file.name,
            _("line %(line)s is not UTF-8; please save the file as “CSV UTF-8”") % {"line": line},
        ) from None
    check_text(file.name, text)
    return text


def check_text(name: str, text: str, *, line: int | None = None) -> None:
    if NUL in text:
        line = line or text[: text.index(NUL)].count("\n") + 1
        raise ImportFileError(
            name, _("line %(line)s contains a NUL character (not a text file?)") % {"line": line}
        )


# HSDS documents nest a few levels (organization, services, locations, addresses, attributes,
# terms); a file nested far deeper is not HSDS, and reading it could exhaust the stack.
MAX_DEPTH = 32


def parse_json(file: ImportFile) -> object:
    """The parsed JSON of a file, refused as a whole when it cannot be imported."""
    try:
        data = json.loads(file.content.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ImportFileError(file.name, _("not UTF-8")) from None
    except json.JSONDecodeError as error:
        raise ImportFileError(
            file.name,
            _("line %(line)s, column %(column)s: not valid JSON (%(reason)s)")
            % {"line": error.lineno, "column": error.colno, "reason": error.msg},
        ) from None
    except RecursionError:
        raise ImportFileError(file.name, too_deep()) from None
    except ValueError as error:  # e.g. a number with more digits than Python converts
        reason = _("not valid JSON (%(reason)s)") % {"reason": error}
        raise ImportFileError(file.name, reason) from None
    check_values(file.name, data)
    return data


def too_deep() -> str:
    return _("nested more than %(depth)s levels deep") % {"depth": MAX_DEPTH}


def check_values(name: str, data: object) -> None:
    """Refuse a file nested deeper than MAX_DEPTH or with a NUL character in a text or a key;
    the message names where (without recursion: the nesting is what is checked)."""
    stack: list[tuple[object, tuple[str, ...]]] = [(data, ())]
    while stack:
        value, where = stack.pop()
        if len(where) > MAX_DEPTH:
            raise ImportFileError(name, f"{json_path(where)}: {too_deep()}")
        if isinstance(value, str) and NUL in value:
            raise ImportFileError(name, f"{json_path(where)}: {_('contains a NUL character')}")
        if isinstance(value, dict):
            for key, item in value.items():
                if NUL in key:
                    raise ImportFileError(
                        name, f"{json_path(where)}: {_('a key contains a NUL character')}"
                    )
                stack.append((item, (*where, f".{key}")))
        elif isinstance(value, list):
            stack.extend((item, (*where, f"[{index}]")) for index, item in enumerate(value))


def json_path(where: tuple[str, ...]) -> str:
    return "document" + "".join(where)
