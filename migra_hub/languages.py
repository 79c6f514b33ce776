"""The interface languages as CLDR describes them: their own names, direction and digits.

Digits on pages follow CLDR's default numbering system of each interface language (Babel 2.19,
CLDR 47):

- ``ar`` (Arabic without a region, which is what we serve) says ``latn``: ``/ar/`` keeps the
  digits 0-9. The Arabic-Indic digits are CLDR's default only for some regions (ar_EG, ar_SY,
  ar_IQ...), while the Maghreb writes 0-9; the regionless locale is what all readers share, and
  German addresses, postcodes and phone numbers, which people copy into forms and letters,
  stay as they are written.
- ``fa`` says ``arabext``: ``/fa/`` shows the Persian digits (U+06F0 to U+06F9), and Django's
  Persian number format uses the Persian decimal and group signs (``migra_hub/formats/fa``).
- The other five say ``latn``.

The choice follows the data: an eighth language whose CLDR default is not ``latn`` gets its
digits with no code change, as long as its numbering system is listed in ``ZERO_OF``.

Django formats numbers and dates with 0-9 whatever the language, so ``LocalDigitsMiddleware``
converts the digits of HTML responses, in text only: never in tags or attributes (URLs, form
values, ``datetime``), nor in ``<script>``, ``<style>``, ``<code>``, ``<pre>``, ``<textarea>``
and the like, nor inside user content and machine text marked as such: ``<bdi>``, any element
with ``dir="ltr"`` or ``dir="auto"`` (names, addresses, URLs, e-mail addresses, phone numbers),
with ``lang`` other than the page's (text in its original language), or ``translate="no"``.
E-mails are plain text and keep 0-9.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from babel import Locale
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language, get_language_info

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
        system = Locale.parse(language.replace("-", "_")).default_numbering_system
    except (ValueError, LookupError):
        return None
    zero = ZERO_OF.get(system)
    if zero is None:
        return None
    return {ord("0") + n: chr(ord(zero) + n) for n in range(10)}


# Elements whose text is code, raw text or user input: digits there stay as they are.
_KEEP_ELEMENTS = frozenset(
    {"script", "style", "code", "pre", "kbd", "samp", "var", "textarea", "bdi", "svg", "math"}
)
_VOID_ELEMENTS = frozenset(
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input",
        "link", "meta", "source", "track", "wbr",
    }
)  # fmt: skip
_TOKEN = re.compile(
    r"<(script|style|textarea)\b[^>]*>.*?</\1\s*>"  # raw text, kept whole
    r"|<!--.*?-->"
    r"|<![^>]*>"
    r"|</([a-zA-Z][\w:-]*)\s*>"  # end tag
    r"|<([a-zA-Z][\w:-]*)((?:\"[^\"]*\"|'[^']*'|[^'\">])*)>",  # start tag and its attributes
    re.DOTALL | re.IGNORECASE,
)
_ATTRIBUTE = re.compile(r"""\b(dir|lang|translate)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
# Character references are left alone: "&#39;" must not become "&#۳۹;".
_TEXT_DIGITS = re.compile(r"&#?\w+;|[0-9]+")


def _keeps_digits(name: str, attributes: str, language: str) -> bool:
    if name in _KEEP_ELEMENTS:
        return True
    for match in _ATTRIBUTE.finditer(attributes):
        attribute = match.group(1).lower()
        value = (match.group(2) or match.group(3) or match.group(4) or "").strip().lower()
        if attribute == "dir" and value in ("ltr", "auto"):
            return True
        if attribute == "lang" and value and value.split("-")[0] != language:
            return True
        if attribute == "translate" and value == "no":
            return True
    return False


def localise_digits(html: str, *, language: str) -> str:
    """``html`` with the digits of its text in ``language``'s own digits (see module docstring)."""
    table = digit_table(language)
    if table is None:
        return html

    def convert(match: re.Match[str]) -> str:
        text = match.group(0)
        return text if text.startswith("&") else text.translate(table)

    parts: list[str] = []
    # Open elements, each with whether its text keeps 0-9; unclosed ones end with their parent.
    stack: list[tuple[str, bool]] = []
    position = 0
    for token in _TOKEN.finditer(html):
        text = html[position : token.start()]
        if text:
            parts.append(text if stack and stack[-1][1] else _TEXT_DIGITS.sub(convert, text))
        parts.append(token.group(0))
        position = token.end()
        end, start, attributes = token.group(2), token.group(3), token.group(4)
        if end:
            name = end.lower()
            if any(open_name == name for open_name, _keep in stack):
                while stack and stack.pop()[0] != name:
                    pass
        elif start:
            name = start.lower()
            if name in _VOID_ELEMENTS or attributes.rstrip().endswith("/"):
                continue
            inherited = bool(stack) and stack[-1][1]
            stack.append((name, inherited or _keeps_digits(name, attributes, language)))
    text = html[position:]
    if text:
        parts.append(text if stack and stack[-1][1] else _TEXT_DIGITS.sub(convert, text))
    return "".join(parts)


class LocalDigitsMiddleware:
    """Writes the digits of HTML pages in the page language's own digits (Persian on /fa/)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        language = get_language() or settings.LANGUAGE_CODE
        if (
            digit_table(language) is None
            or response.streaming
            or not response.get("Content-Type", "").startswith("text/html")
        ):
            return response
        charset = response.charset or "utf-8"
        response.content = localise_digits(
            response.content.decode(charset), language=language
        ).encode(charset)
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
        return response
