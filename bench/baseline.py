"""The pages the directory's figures are compared with, served only by the benchmark
(``bench.settings`` adds them to the site's URLs; the app never has them).

- ``/bench/baseline/``: a minimal Django page doing one filtered, ordered, paginated query over
  the organisations (published, serving one district) and rendering 25 rows;
- ``/bench/hello/``: a bare "hello" page through the same middleware.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.urls import path

from migra_hub.urls import urlpatterns as site_urlpatterns
from organisations.facets import Facet
from organisations.models import Organisation

PAGE_SIZE = 25
TEMPLATE = engines["django"].from_string(
    """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Baseline</title></head>
<body><main><h1>Organisations</h1><ol>{% for row in rows %}
<li><a href="/de/organisations/{{ row.slug }}/">{{ row.name }}</a> {{ row.locality }}</li>
{% endfor %}</ol></main></body></html>"""
)


def _rows(district: int, page: int) -> QuerySet:
    return (
        Organisation.objects.filter(
            status=Organisation.Status.PUBLISHED,
            facet_keys__has_all=[Facet.DISTRICT.key(district)],
        )
        .order_by("name", "pk")
        .values("name", "slug", "locality")[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    )


def baseline(request: HttpRequest) -> HttpResponse:
    district = int(request.GET.get("district", 1))
    page = max(int(request.GET.get("page", 1)), 1)
    return HttpResponse(TEMPLATE.render({"rows": list(_rows(district, page))}, request))


def hello(request: HttpRequest) -> HttpResponse:
    return HttpResponse("hello")


urlpatterns = [
    path("bench/baseline/", baseline),
    path("bench/hello/", hello),
    *site_urlpatterns,
]
