from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language, get_language_bidi, gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe
from django.views.i18n import set_language as django_set_language


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "home.html")


@require_safe
def manifest(request: HttpRequest) -> JsonResponse:
    """The web app manifest in the language of the URL (name, direction, start page)."""
    language = get_language() or settings.LANGUAGE_CODE
    icons = [
        {"src": static("icons/icon.svg"), "sizes": "any", "type": "image/svg+xml"},
        {"src": static("icons/icon-192.png"), "sizes": "192x192", "type": "image/png"},
        {"src": static("icons/icon-512.png"), "sizes": "512x512", "type": "image/png"},
        {
            "src": static("icons/icon-maskable-512.png"),
            "sizes": "512x512",
            "type": "image/png",
            "purpose": "maskable",
        },
    ]
    data = {
        "id": reverse("home"),
        "name": gettext("Migra Hub: migrant organisations, networks and events"),
        "short_name": settings.SITE_NAME,
        "description": gettext("Migrant organisations and districts, connected"),
        "lang": language,
        "dir": "rtl" if get_language_bidi() else "ltr",
        "start_url": reverse("home"),
        "scope": "/",
        "display": "minimal-ui",
        "theme_color": settings.THEME_COLOUR,
        "background_color": "#ffffff",
        "icons": icons,
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Content-Type"] = "application/manifest+json"
    return response


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """For load balancers: 200 while the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok"})


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Django's set_language, but it translates ``next`` from the language in its path.

    Django resolves ``next`` in the language the middleware picked (cookie or browser), so a
    visitor on /de/ whose browser prefers English would stay on /de/.
    """
    next_url = request.POST.get("next", "")
    with translation.override(translation.get_language_from_path(next_url)):
        response = django_set_language(request)
    language = request.POST.get("language", "")
    if request.user.is_authenticated and language in dict(settings.LANGUAGES):
        # Remembered on the account, so that every e-mail to this person is in this language.
        get_user_model().objects.filter(pk=request.user.pk).update(language=language)
    return response
