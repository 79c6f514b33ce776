"""Tags for what search engines and link previews read: JSON-LD and Open Graph."""

from __future__ import annotations

import json
from typing import Any

from django import template
from django.conf import settings
from django.template.defaultfilters import truncatewords
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from events.models import Event
from opendata.jsonld import event_jsonld, organisation_jsonld
from opendata.selectors import is_open_event
from organisations.models import Organisation

register = template.Library()

# As Django's json_script: the JSON may not end the script element or open a comment.
JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}

OG_LOCALES = {
    "de": "de_DE",
    "en": "en_GB",
    "ar": "ar_AR",
    "tr": "tr_TR",
    "uk": "uk_UA",
    "fa": "fa_IR",
    "ru": "ru_RU",
}


def absolute(context: template.Context, path: str) -> str:
    request = context.get("request")
    if request is not None:
        return request.build_absolute_uri(path)
    return settings.SITE_URL + path


@register.simple_tag(takes_context=True)
def jsonld_for_organisation(context: template.Context, organisation: Organisation) -> SafeString:
    """A ``<script type="application/ld+json">`` data block (not run, so the CSP allows it)."""
    data = organisation_jsonld(
        organisation, page_url=absolute(context, organisation.get_absolute_url())
    )
    return jsonld_script(data)


def jsonld_script(data: dict[str, Any]) -> SafeString:
    text = json.dumps(data, ensure_ascii=False).translate(JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.simple_tag(takes_context=True)
def jsonld_for_event(context: template.Context, event: Event) -> SafeString:
    """The event's JSON-LD data block; nothing for drafts and members-only events."""
    if not is_open_event(event):
        return mark_safe("")
    data = event_jsonld(
        event,
        page_url=absolute(context, event.get_absolute_url()),
        absolute=lambda path: absolute(context, path),
    )
    return jsonld_script(data)


@register.simple_tag(takes_context=True)
def open_graph(context: template.Context) -> dict[str, Any]:
    """What the Open Graph include shows: the page's own title and text where it has them."""
    request = context.get("request")
    path = request.path if request is not None else "/"
    organisation = context.get("organisation")
    event = context.get("event")
    if isinstance(event, Event) and path == event.get_absolute_url():
        # Only on the event's own page, not on the private pages of a registration.
        title = event.in_language("title").text
        description = event.in_language("description").text
    elif isinstance(organisation, Organisation):
        title = organisation.name
        description = organisation.in_language("description").text
        path = organisation.get_absolute_url()
    else:
        title = context.get("og_title") or settings.SITE_NAME
        description = context.get("og_description") or _(
            "Directory and network hub for migrant organisations and district offices."
        )
    current = (get_language() or settings.LANGUAGE_CODE)[:2]
    alternates = [
        (code, absolute(context, translate_url(path, code))) for code, _name in settings.LANGUAGES
    ]
    return {
        "title": title,
        "description": truncatewords(description, 40),
        "url": absolute(context, path),
        "locale": OG_LOCALES.get(current, current),
        "alternate_locales": [
            OG_LOCALES.get(code, code) for code, _name in settings.LANGUAGES if code != current
        ],
        "alternates": alternates,
    }
