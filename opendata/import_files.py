"""Reading an import file, before anything in it is looked at: its size, its encoding, its
syntax, and what no directory text has and PostgreSQL cannot store (a NUL character), or what no
HSDS document has and could exhaust the reader (nesting deeper than ``MAX_DEPTH``). Each problem
is an :class:`ImportFileError` that names the file and where in it."""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings

# PostgreSQL stores no NUL character in a text; no text of a directory has one.
NUL = "\x00"


class ImportFileError(Exception):
    """The file as a whole cannot be read (too large, not UTF-8, not JSON, no header, ...)."""


def check_size(path: Path) -> None:
    if not path.is_file():
        raise ImportFileError(f"{path}: no such file")
    size = path.stat().st_size
    if size > settings.IMPORT_MAX_BYTES:
        raise ImportFileError(
            f"{path}: {size} bytes is more than the limit of {settings.IMPORT_MAX_BYTES} bytes "
            "(setting IMPORT_MAX_BYTES)"
        )


def read_text(path: Path) -> str:
    """The text of a CSV file, refused as a whole when it cannot be imported."""
    check_size(path)
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ImportFileError(
            f"{path}: line {line} is not UTF-8; please save the file as “CSV UTF-8”"
        ) from None
    if NUL in text:
        line = text[: text.index(NUL)].count("\n") + 1
        raise ImportFileError(f"{path}: line {line} contains a NUL character (not a text file?)")
    return text


# HSDS documents nest a few levels (organization, services, locations, addresses, attributes,
# terms); a file nested far deeper is not HSDS, and reading it could exhaust the stack.
MAX_DEPTH = 32


def read_json(path: Path) -> object:
    """The parsed JSON of a file, refused as a whole when it cannot be imported."""
    check_size(path)
    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ImportFileError(f"{path}: not UTF-8") from None
    except json.JSONDecodeError as error:
        raise ImportFileError(
            f"{path}: line {error.lineno}, column {error.colno}: not valid JSON ({error.msg})"
        ) from None
    except RecursionError:
        raise ImportFileError(f"{path}: nested more than {MAX_DEPTH} levels deep") from None
    except ValueError as error:  # e.g. a number with more digits than Python converts
        raise ImportFileError(f"{path}: not valid JSON ({error})") from None
    check_values(path, data)
    return data


def check_values(path: Path, data: object) -> None:
    """Refuse a file nested deeper than MAX_DEPTH or with a NUL character in a text or a key;
    the message names where (without recursion: the nesting is what is checked)."""
    stack: list[tuple[object, tuple[str, ...]]] = [(data, ())]
    while stack:
        value, where = stack.pop()
        if len(where) > MAX_DEPTH:
            raise ImportFileError(
                f"{path}: {json_path(where)}: nested more than {MAX_DEPTH} levels deep"
            )
        if isinstance(value, str) and NUL in value:
            raise ImportFileError(f"{path}: {json_path(where)}: contains a NUL character")
        if isinstance(value, dict):
            for key, item in value.items():
                if NUL in key:
                    raise ImportFileError(
                        f"{path}: {json_path(where)}: a key contains a NUL character"
                    )
                stack.append((item, (*where, f".{key}")))
        elif isinstance(value, list):
            stack.extend((item, (*where, f"[{index}]")) for index, item in enumerate(value))


def json_path(where: tuple[str, ...]) -> str:
    return "document" + "".join(where)
