"""The interface languages as CLDR describes them: their own names, direction and digits.

Digits: CLDR's default numbering system decides which digits a page shows. For the languages
without a region that we serve, CLDR (Babel 2.19, CLDR 47) says ``latn`` for Arabic, so ``/ar/``
keeps the digits 0-9 (the Arabic-Indic digits are the default only for some regions, such as
ar_EG or ar_SY, and the Maghreb uses 0-9; the bare ``ar`` locale is what readers from all of them
share), and ``arabext`` for Persian, so ``/fa/`` shows the Persian digits ۰-۹. The choice follows
the data: an eighth language whose CLDR default is not ``latn`` gets its digits with no code
change, as long as its digits are listed in ``ZERO_OF``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from babel import Locale
from django.conf import settings
from django.utils.translation import get_language_info

# The digit zero of each decimal numbering system we may meet; the other nine follow it in
# Unicode. Systems not listed keep 0-9.
ZERO_OF = {"arab": "\u0660", "arabext": "\u06f0", "deva": "\u0966", "beng": "\u09e6"}


@dataclass(frozen=True)
class InterfaceLanguage:
    code: str
    name: str  # in the language itself, capitalised as it stands alone in a list
    direction: str  # "ltr" or "rtl"


def _own_name(code: str) -> str:
    name = Locale.parse(code).display_name or get_language_info(code)["name_local"]
    return name[:1].upper() + name[1:]


@cache
def interface_languages() -> tuple[InterfaceLanguage, ...]:
    return tuple(
        InterfaceLanguage(
            code=code,
            name=_own_name(code),
            direction="rtl" if get_language_info(code)["bidi"] else "ltr",
        )
        for code, _name in settings.LANGUAGES
    )


@cache
def digit_table(language: str) -> dict[int, str] | None:
    """``str.translate`` table from 0-9 to the language's digits, None where 0-9 are its own."""
    try:
        system = Locale.parse(language).default_numbering_system
    except (ValueError, LookupError):
        return None
    zero = ZERO_OF.get(system)
    if zero is None:
        return None
    return {ord("0") + n: chr(ord(zero) + n) for n in range(10)}
