"""Addresses people type that the site turns into links: only web addresses and e-mail links.

A ``javascript:`` or ``data:`` address typed into a form would run in a visitor's browser once it
is a link on a public page (or in the JSON-LD that other sites read), so URL fields accept only
http(s), and lists of links also ``mailto:``; pages and exports show only such links, whatever
older data may hold.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils.translation import gettext_lazy as _

WEB_SCHEMES = ("http", "https")

validate_web_address = URLValidator(schemes=list(WEB_SCHEMES))


def is_web_address(value: str) -> bool:
    try:
        validate_web_address(value)
    except ValidationError:
        return False
    return True


def is_mail_link(value: str) -> bool:
    scheme, _colon, address = value.partition(":")
    if scheme.lower() != "mailto":
        return False
    try:
        validate_email(address.split("?", 1)[0])
    except ValidationError:
        return False
    return True


def is_safe_link(value: str) -> bool:
    """An http(s) address or a ``mailto:`` link with a valid e-mail address."""
    return is_web_address(value) or is_mail_link(value)


def link_lines(value: str) -> list[str]:
    """The non-empty lines of a list of links, one address per line."""
    return [line.strip() for line in value.splitlines() if line.strip()]


def safe_links(value: str) -> list[str]:
    """The links of a list that may become links on a page."""
    return [link for link in link_lines(value) if is_safe_link(link)]


def validate_links(value: str) -> None:
    """Every line a web address (https://…) or an e-mail link (mailto:…)."""
    for link in link_lines(value):
        if not is_safe_link(link):
            raise ValidationError(
                _(
                    "“%(link)s” is not a web address starting with https:// "
                    "or an e-mail link starting with mailto:."
                ),
                code="invalid",
                params={"link": link},
            )
