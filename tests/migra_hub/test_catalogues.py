"""Every interface language is complete: no catalogue has untranslated or fuzzy entries."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "locale"
# The source strings are English: an empty English entry shows its msgid, which is the text.
SOURCE_LANGUAGE = "en"
TRANSLATED = [code for code, _name in settings.LANGUAGES if code != SOURCE_LANGUAGE]


@pytest.mark.parametrize("language", TRANSLATED)
def test_catalogue_of_every_interface_language_is_complete(language: str) -> None:
    catalogue = LOCALE / language / "LC_MESSAGES" / "django.po"
    assert catalogue.exists(), f"{catalogue} is missing: run `make makemessages` and translate it"
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(catalogue)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr, result.stderr
    assert "fuzzy" not in result.stderr, result.stderr


@pytest.mark.parametrize("catalogue", sorted((LOCALE / "allauth").glob("*/LC_MESSAGES/django.po")))
def test_overrides_of_allauth_texts_are_valid_and_not_fuzzy(catalogue: Path) -> None:
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(catalogue)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "fuzzy" not in result.stderr, result.stderr
