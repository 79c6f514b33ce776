from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from opendata import exports
from organisations.models import Organisation


@require_safe
def open_data(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "opendata/open_data.html",
        {
            "api_url": request.build_absolute_uri(reverse("hsds:info")),
            "calendar_url": request.build_absolute_uri(reverse("events:feed")),
        },
    )


@require_safe
def directory_bundle(request: HttpRequest) -> HttpResponse:
    """The whole public directory as a ZIP of CSV files, for districts and researchers."""
    content = exports.directory_bundle(Organisation.objects.published())
    filename = f"migra-hub-directory-{timezone.localdate().isoformat()}.zip"
    response = HttpResponse(content, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Link"] = f'<{settings.DATA_LICENCE_URL}>; rel="license"'
    return response


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    private = ["/api/"]
    for code, _name in settings.LANGUAGES:
        private += [f"/{code}/admin/", f"/{code}/accounts/"]
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in private), "Allow: /", ""]
    lines.append(
        f"Sitemap: {request.build_absolute_uri(reverse('django.contrib.sitemaps.views.sitemap'))}"
    )
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
