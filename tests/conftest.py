"""Shared fixtures: the standing cast of users, mail, and a real Chromium for browser tests."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from accounts.models import User
from organisations.models import District, Organisation
from tests.factories import (
    DistrictFactory,
    DistrictStaffFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)

# pytest-playwright runs the sync API inside an event loop; Django's live_server is fine with it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    has_browser = os.path.exists(CHROMIUM)
    in_ci = os.environ.get("CI") == "true"
    for item in items:
        if "browser" in item.keywords and not has_browser and not in_ci:
            # In CI a missing browser fails the run instead (the launch raises).
            item.add_marker(pytest.mark.skip(reason="needs Debian's chromium"))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: Any) -> None:
    """Test databases are kept between runs (--reuse-db): one may still hold the rows of a
    transactional test that was interrupted. Start empty, as after every such test."""
    from django.core.management import call_command

    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(autouse=True)
def _media_and_cache(settings: Any, tmp_path: Path) -> None:
    from django.core.cache import caches

    # Uploaded files go to the test's own folder, which pytest removes: none stay behind.
    settings.MEDIA_ROOT = tmp_path / "media"

    for cache in caches.all(initialized_only=True):
        cache.clear()


@pytest.fixture(autouse=True)
def _new_directory_version(request: pytest.FixtureRequest) -> None:
    """Processes keep rendered cards, the vocabulary and typo corrections by the directory's
    version, a database row that every test's rollback restores: a test that creates entries
    with factories (no write path, no new version) would otherwise see another test's cards.
    Each test with a database starts with a version of its own, as after a deployment."""
    uses_database = request.node.get_closest_marker("django_db") is not None or any(
        name in request.fixturenames for name in ("db", "transactional_db", "live_server")
    )
    if uses_database:
        from organisations.directory_version import directory_changed

        request.getfixturevalue("_django_db_helper")
        directory_changed()


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    """Every test starts in German. A request through the test client activates its page's
    language in the test's thread and leaves it there (Django resets it only per request), so
    one test's visit to /uk/ would otherwise make the next test's reverse() and gettext()
    Ukrainian."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


# --- The standing cast -----------------------------------------------------------------------


@dataclass
class Cast:
    district: District
    other_district: District
    organisation: Organisation
    other_organisation: Organisation
    owner: User
    editor: User
    other_member: User
    staff: User
    other_staff: User
    outsider: User


@pytest.fixture
def cast(db: None) -> Cast:
    """Owner and editor of one organisation, a member of another, staff of this and another
    district, and a logged-in person with no role at all."""
    from organisations.models import OrganisationMembership

    district = DistrictFactory(name="Pankow")
    other_district = DistrictFactory(name="Spandau")
    organisation = OrganisationFactory(name="Brücke e.V.", districts=[district])
    other_organisation = OrganisationFactory(name="Andere Initiative", districts=[other_district])
    owner = MembershipFactory(
        organisation=organisation, role=OrganisationMembership.Role.OWNER
    ).user
    editor = MembershipFactory(
        organisation=organisation, role=OrganisationMembership.Role.EDITOR
    ).user
    other_member = MembershipFactory(organisation=other_organisation).user
    staff = DistrictStaffFactory(district=district).user
    other_staff = DistrictStaffFactory(district=other_district).user
    return Cast(
        district=district,
        other_district=other_district,
        organisation=organisation,
        other_organisation=other_organisation,
        owner=owner,
        editor=editor,
        other_member=other_member,
        staff=staff,
        other_staff=other_staff,
        outsider=UserFactory(),
    )


@pytest.fixture
def client_for(db: None):  # type: ignore[no-untyped-def]
    """``client_for(user)`` returns a test client logged in as ``user`` (None: anonymous)."""

    def make(user: User | None) -> Client:
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return make


@pytest.fixture
def superuser(db: None) -> User:
    """An administrator with every right (the Django admin)."""
    return UserFactory(is_staff=True, is_superuser=True)


@pytest.fixture
def context(context):  # type: ignore[no-untyped-def]
    """Fail a browser step after 10 s instead of Playwright's 30 s."""
    context.set_default_timeout(10_000)
    return context
