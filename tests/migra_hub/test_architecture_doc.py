"""docs/architecture.md names real files, each small enough to read in one go."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "architecture.md"
# App code over this many lines mixes subjects; the settings file is one list of settings.
MAX_LINES = 400
LONG_ON_PURPOSE = {"migra_hub/settings.py"}
# A function over this many lines does several things; one that must be longer says why in a
# comment right above it (or above its decorators) that uses the word "long".
MAX_FUNCTION_LINES = 60


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


def _says_why_it_is_long(
    lines: list[str], function: ast.FunctionDef | ast.AsyncFunctionDef
) -> bool:
    first = min([function.lineno, *(d.lineno for d in function.decorator_list)])
    above = lines[first - 2].strip() if first >= 2 else ""
    return above.startswith("#") and "long" in above.lower()


def test_no_function_in_the_python_files_the_architecture_names_is_long() -> None:
    long_functions = []
    for name in _named_files():
        path = ROOT / name
        if not name.endswith(".py") or name.startswith("tests/") or not path.is_file():
            continue
        source = path.read_text()
        lines = source.splitlines()
        for node in ast.walk(ast.parse(source)):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            if length > MAX_FUNCTION_LINES and not _says_why_it_is_long(lines, node):
                long_functions.append(f"{name}: {node.name}, {length} lines")
    assert long_functions == []
