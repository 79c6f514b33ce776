"""Checks of what a page is, not what it does: HTML validity (Nu checker) and accessibility."""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parent.parent
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def html_errors(documents: dict[str, str]) -> list[str]:
    """Validate HTML documents (name -> markup) with one run of the Nu HTML checker."""
    if not VNU_JAR.exists() or not shutil.which("java"):
        raise RuntimeError("The Nu HTML checker is missing: run `make install-test`.")
    with tempfile.TemporaryDirectory() as folder:
        paths = {}
        for index, (name, html) in enumerate(documents.items()):
            path = Path(folder) / f"page{index}.html"
            path.write_text(html, encoding="utf-8")
            paths[path.name] = name
        result = subprocess.run(
            [
                "java",
                "-Xss8m",
                "-jar",
                str(VNU_JAR),
                "--format",
                "json",
                "--stdout",
                *[str(Path(folder) / f"page{i}.html") for i in range(len(documents))],
            ],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    messages = json.loads(result.stdout or "{}").get("messages", [])
    return [
        f"{paths.get(m.get('url', '').rsplit('/', 1)[-1])}:{m.get('lastLine')}: {m.get('message')}"
        for m in messages
        if m.get("type") == "error"
    ]


def axe_findings(page: Page) -> list[str]:
    """Serious and critical WCAG 2.1 A/AA findings of axe-core on the page as it is now."""
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    return [
        f"{violation['id']} ({violation['impact']}): "
        + ", ".join(str(node["target"]) for node in violation["nodes"][:5])
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
