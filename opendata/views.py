from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from opendata import exports
from organisations.filters import OrganisationFilterSet
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


# The largest result one export returns; the whole directory is in the ZIP bundle.
EXPORT_LIMIT = 5000


@require_safe
def directory_export(request: HttpRequest, format: str) -> HttpResponse:
    """The directory result with the same filters as the page, as CSV or JSON."""
    filterset = OrganisationFilterSet(request.GET, queryset=Organisation.objects.published())
    chosen = filterset.ordered(filterset.qs).values_list("pk", flat=True)[:EXPORT_LIMIT]
    organisations = Organisation.objects.filter(pk__in=list(chosen))
    filename = f"migra-hub-organisations-{timezone.localdate().isoformat()}.{format}"
    if format == "csv":
        # A byte order mark, so that spreadsheet programs read the file as UTF-8.
        response = HttpResponse(
            "\ufeff" + exports.organisations_csv(organisations), content_type="text/csv"
        )
    else:
        response = JsonResponse(
            exports.organisations_json(organisations),
            safe=False,
            json_dumps_params={"ensure_ascii": False},
        )
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
