from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language, get_language_bidi

from migra_hub.languages import interface_languages
from migra_hub.operator import current_operator


def site(request: HttpRequest) -> dict[str, Any]:
    return {
        "SITE_NAME": settings.SITE_NAME,
        "DATA_LICENCE_NAME": settings.DATA_LICENCE_NAME,
        "DATA_LICENCE_URL": settings.DATA_LICENCE_URL,
        "LANGUAGE_DIR": "rtl" if get_language_bidi() else "ltr",
        "CURRENT_LANGUAGE": get_language(),
        "INTERFACE_LANGUAGES": interface_languages(),
        "OPERATOR": current_operator(),
        "THEME_COLOUR": settings.THEME_COLOUR,
    }
