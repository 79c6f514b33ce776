"""Template tags for entries written in several languages (see ``migra_hub.multilingual``).

Every text is marked with its language (``lang``) and isolated with ``dir="auto"``, so an
Arabic description on a German page, or a German one on an Arabic page, reads correctly; a
text shown in its original language because the visitor's has no version gets a note.
"""

from __future__ import annotations

from django import template
from django.template.defaultfilters import linebreaks_filter, truncatewords
from django.utils.html import format_html
from django.utils.safestring import SafeString

from migra_hub.multilingual import EntryText, MultilingualEntry, language_name

register = template.Library()


@register.simple_tag
def entry_text(entry: MultilingualEntry, field: str) -> EntryText:
    """``{% entry_text offer "title" as title %}``: the text, its language and whether it is
    the original shown instead of a missing version."""
    return entry.in_language(field)


@register.simple_tag
def entry_inline(entry: MultilingualEntry, field: str, words: int = 0) -> SafeString:
    """A short text (a title, a card's description) as ``<span lang dir="auto">``."""
    text = entry.in_language(field)
    shown = truncatewords(text.text, words) if words else text.text
    return format_html('<span lang="{}" dir="auto">{}</span>', text.language, shown)


@register.simple_tag
def entry_block(entry: MultilingualEntry, field: str) -> SafeString:
    """A longer text as paragraphs in ``<div lang dir="auto">``, with the note when it is the
    original shown instead of a missing version."""
    text = entry.in_language(field)
    if not text:
        return SafeString("")
    html = format_html(
        '<div class="entry-text" lang="{}" dir="auto">{}</div>',
        text.language,
        linebreaks_filter(text.text, autoescape=True),
    )
    if text.fallback:
        html += language_note(text)
    return html


@register.simple_tag
def language_note(text: EntryText) -> SafeString:
    """ "Available in German only", when the text is a fallback."""
    if not text.fallback:
        return SafeString("")
    return format_html('<p class="language-note">{}</p>', text.note)


@register.filter
def language_title(code: str) -> str:
    """The name of a language in the visitor's language."""
    return language_name(code)
