"""Isolating user content from the sentence around it, for right-to-left pages.

An organisation's German name inside an Arabic sentence, or an Arabic name inside a German
one, must not reorder the punctuation and words next to it. ``{{ name|bdi }}`` escapes the value
and wraps it in ``<bdi>``, whose direction the browser takes from the value's first strong
letter. ``{{ url|ltr }}`` does the same for what is always left to right: URLs, e-mail addresses,
phone numbers. Use them on values inside translated sentences (``{% blocktranslate with
name=organisation.name|bdi %}``); a whole element of user content gets ``dir="auto"`` instead.
Not for ``<title>`` or attributes, which cannot hold markup.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()


@register.filter(is_safe=True)
def bdi(value: Any) -> SafeString:
    return format_html("<bdi>{}</bdi>", value)


@register.filter(is_safe=True)
def ltr(value: Any) -> SafeString:
    return format_html('<bdi dir="ltr">{}</bdi>', value)
