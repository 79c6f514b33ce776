"""Every page at phone width (360 px) and desktop width (1280 px): nothing scrolls sideways, no
text in a fact list or card is drawn over another, and at phone width every control is a touch
target of at least 44 x 44 CSS px.

The pages come from the URL configuration (tests/layout.py), not from a hand-picked list: a new
route without an entry there fails ``test_every_route_is_a_page_or_excluded``.

Runtime: one browser, one context per role, each page loaded once and measured at both widths
(the viewport is resized, not reloaded); the fixture data is built once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Browser, BrowserContext, Page

from tests.layout import (
    EXCLUDED,
    FORMS_WITH_ERRORS,
    PAGES,
    RIGHT_TO_LEFT,
    RIGHT_TO_LEFT_LANGUAGES,
    World,
    build_world,
    page_path,
    route_names,
)

PHONE = 360
DESKTOP = 1280
TARGET = 44

# Runs in the page; returns a list of problems (strings) at the current viewport width.
#
# Touch targets: WCAG 2.5.8 exempts a target "in a sentence or its size is otherwise constrained
# by the line-height of non-target text". We apply that inline exception to links that are laid
# out inline (display: inline) inside a block that has other text of its own: a link in running
# text. Every other visible a, button, input, select and summary must be 44 x 44 CSS px; a
# checkbox or radio button counts together with its label (clicking the label checks it).
MEASURE = (Path(__file__).parent / "layout_measure.js").read_text()


def measure(page: Page, *, width: int) -> list[str]:
    page.set_viewport_size({"width": width, "height": 800})
    return page.evaluate(MEASURE, {"checkTargets": width == PHONE, "target": TARGET})


def look_at(page: Page, url: str, label: str, problems: list[str]) -> None:
    response = page.goto(url)
    assert response is not None
    if response.status >= 400:
        problems.append(f"{label}: HTTP {response.status} (wrong entry in tests/layout.py?)")
        return
    for width in (PHONE, DESKTOP):
        problems.extend(
            f"{label} at {width}px: {problem}" for problem in measure(page, width=width)
        )


def test_every_route_is_a_page_or_excluded() -> None:
    """A new route needs an entry in tests/layout.py: PAGES (how to show it) or EXCLUDED."""
    routes = set(route_names())
    unmapped = sorted(routes - set(PAGES) - set(EXCLUDED))
    assert not unmapped, f"Routes without an entry in tests/layout.py: {unmapped}"
    stale = sorted((set(PAGES) | set(EXCLUDED)) - routes)
    assert not stale, f"Entries in tests/layout.py for routes that no longer exist: {stale}"
    assert all(reason.strip() for reason in EXCLUDED.values())


def _logged_in_context(browser: Browser, base_url: str, world: World, who: str) -> BrowserContext:
    context = browser.new_context(base_url=base_url, viewport={"width": PHONE, "height": 800})
    context.set_default_timeout(10_000)
    user = world.users[who]
    if user is not None:
        client = Client()
        client.force_login(user)
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": base_url}]
        )
    return context


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_every_page_fits_a_phone_and_a_desktop(
    live_server: Any, browser: Browser, settings: Any
) -> None:
    settings.MAP_TILE_URL = ""  # no tiles from the internet
    world = build_world()
    base = live_server.url
    pages = {who: _logged_in_context(browser, base, world, who).new_page() for who in world.users}
    problems: list[str] = []

    for name, spec in PAGES.items():
        look_at(pages[spec.who], base + page_path(name, world), name, problems)

    for language in RIGHT_TO_LEFT_LANGUAGES:
        for name in RIGHT_TO_LEFT:
            path = page_path(name, world, language)
            look_at(pages[PAGES[name].who], base + path, f"{name} ({language})", problems)

    for name, who in FORMS_WITH_ERRORS:
        page = pages[who]
        page.set_viewport_size({"width": PHONE, "height": 800})
        page.goto(base + page_path(name, world))
        form = page.locator("main form[method=post]").last
        form.evaluate("form => { form.noValidate = true; }")
        form.locator("button[type=submit]").last.click()
        page.wait_for_load_state()
        label = f"{name} with errors"
        if not page.locator(".field__error, .error-summary").count():
            problems.append(f"{label}: the empty form showed no errors")
        for width in (PHONE, DESKTOP):
            problems.extend(f"{label} at {width}px: {p}" for p in measure(page, width=width))

    for page in pages.values():
        page.context.close()
    assert not problems, "\n".join(problems)
