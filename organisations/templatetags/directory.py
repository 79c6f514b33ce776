"""Small helpers for the directory's templates (rendered many times per page)."""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from organisations.models import Language

register = template.Library()


@register.filter
def language_label(language: Language) -> SafeString:
    """ "Arabisch / العربية", the name in the language itself marked with its language."""
    if language.name_native and language.name_native != language.name:
        return format_html(
            '{} / <span lang="{}" dir="auto">{}</span>',
            language.name,
            language.code,
            language.name_native,
        )
    return format_html("{}", language.name)
