"""Data flows one way: a lower app neither imports a higher app nor includes its templates."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from django.template import Context, Template

from migra_hub import slots

ROOT = Path(__file__).resolve().parents[2]

# Lowest first. An app may use the apps before it, never those after it. ``migra_hub`` holds
# the settings and root URLs, which name every app, so only its helpers count as the bottom.
LAYERS = [
    "accounts",
    "organisations",
    "networks",
    "events",
    "exchange",
    "funding",
    "following",
    "opendata",
    "workspace",
]
# Templates outside an app's folder belong to the bottom layer.
SHARED_TEMPLATES = {"base.html", "includes", "forms", "pages", "home.html"}

INCLUDE = re.compile(r"""{%\s*(?:include|extends)\s+["']([\w./-]+)["']""")


def _layer(name: str) -> int:
    return LAYERS.index(name) if name in LAYERS else -1


def _template_cases() -> list[tuple[str, str]]:
    cases = []
    for path in sorted((ROOT / "templates").rglob("*.html")):
        relative = path.relative_to(ROOT / "templates")
        for target in INCLUDE.findall(path.read_text()):
            cases.append((str(relative), target))
    return cases


def test_templates_include_only_their_own_or_lower_apps() -> None:
    upward = []
    for source, target in _template_cases():
        source_layer = (
            -1 if source.split("/")[0] in SHARED_TEMPLATES else _layer(source.split("/")[0])
        )
        target_app = target.split("/")[0]
        if _layer(target_app) > source_layer:
            upward.append(f"{source} includes {target}")
    assert upward == []


def _imported_apps(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names & set(LAYERS)


@pytest.mark.parametrize("app", LAYERS)
def test_app_code_imports_only_its_own_or_lower_apps(app: str) -> None:
    upward = [
        f"{path.relative_to(ROOT)} imports {imported}"
        for path in sorted((ROOT / app).rglob("*.py"))
        if "migrations" not in path.parts
        for imported in _imported_apps(path)
        if _layer(imported) > _layer(app)
    ]
    assert upward == []


def test_a_slot_renders_what_the_higher_apps_registered_in_order() -> None:
    organisation_fillers = slots.templates("organisation.main")
    assert organisation_fillers == [
        "networks/_organisation_networks.html",
        "events/_organisation_events.html",
        "exchange/_organisation_posts.html",
    ]
    assert "opendata/_organisation_jsonld.html" in slots.templates("organisation.head")


def test_an_empty_slot_renders_nothing() -> None:
    rendered = Template('{% load slots %}[{% slot "nobody.fills.this" %}]').render(Context({}))
    assert rendered == "[]"


def test_comments_say_why_instead_of_naming_an_issue() -> None:
    issue = re.compile(r"\bissues? #?\d+\b", re.IGNORECASE)
    folders = [*LAYERS, "migra_hub", "accessibility", "templates", "tools", "bench", "tests"]
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for folder in folders
        for path in sorted((ROOT / folder).rglob("*"))
        if path.suffix in {".py", ".html", ".js", ".css"} and "migrations" not in path.parts
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if issue.search(line) and path.name != "test_architecture.py"
    ]
    assert found == []
