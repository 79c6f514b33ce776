"""docs/architecture.md names real files, each small enough to read in one go."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "architecture.md"
# App code over this many lines mixes subjects; the settings file is one list of settings.
MAX_LINES = 400
LONG_ON_PURPOSE = {"migra_hub/settings.py"}


def _named_files() -> list[str]:
    names = re.findall(r"`([\w./-]+\.(?:py|html|js|css|md))`", DOC.read_text())
    return sorted(set(names))


def test_every_file_the_architecture_names_exists() -> None:
    assert _named_files()
    missing = [name for name in _named_files() if not (ROOT / name).is_file()]
    assert missing == []


def test_every_python_file_the_architecture_names_stays_short() -> None:
    long_files = [
        f"{name}: {lines} lines"
        for name in _named_files()
        if name.endswith(".py") and not name.startswith("tests/") and name not in LONG_ON_PURPOSE
        if (ROOT / name).is_file()
        if (lines := len((ROOT / name).read_text().splitlines())) > MAX_LINES
    ]
    assert long_files == []
