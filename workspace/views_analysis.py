"""The actor analysis pages: a district's, a whole city's (with its districts compared), and
their figures as CSV. The page is also the printed report (``static/css/analysis.css``)."""

from __future__ import annotations

import csv

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language_bidi
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from opendata.exports import cell
from workspace.access import (
    analysable_cities,
    analysable_districts,
    city_for_analysis,
    district_for_analysis,
    require_analyst,
)
from workspace.analysis import Scope
from workspace.analysis_report import actor_analysis, csv_rows
from workspace.charts import bar_chart, dot_map


@login_required
@never_cache
@require_safe
def analysis_index(request: HttpRequest) -> HttpResponse:
    """The analyses the user may read; straight to it when there is only one."""
    require_analyst(request.user)
    districts = list(analysable_districts(request.user))
    cities = list(analysable_cities(request.user))
    if len(districts) == 1 and not cities:
        district = districts[0]
        return redirect(
            "workspace:analysis_district", city=district.city.slug, district=district.slug
        )
    context = {"districts": districts, "cities": cities}
    return render(request, "workspace/analysis_index.html", context)


def _page(request: HttpRequest, scope: Scope) -> HttpResponse:
    analysis = actor_analysis(scope)
    rtl = get_language_bidi()
    context = {
        "analysis": analysis,
        "scope": scope,
        "comparison": [bar_chart(chart, rtl=rtl) for chart in analysis.comparison],
        "organisation_charts": [
            bar_chart(chart, rtl=rtl) for chart in analysis.organisation_charts
        ],
        "offer_charts": [bar_chart(chart, rtl=rtl) for chart in analysis.offer_charts],
        "map": dot_map(analysis.points),
    }
    return render(request, "workspace/analysis.html", context)


def _csv(request: HttpRequest, scope: Scope, filename: str) -> HttpResponse:
    analysis = actor_analysis(scope)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # so that spreadsheet programs read UTF-8
    writer = csv.writer(response, lineterminator="\r\n")
    absolute = request.build_absolute_uri("/").rstrip("/")
    writer.writerows(
        [cell(value) for value in row] for row in csv_rows(analysis, absolute=absolute)
    )
    return response


@login_required
@never_cache
@require_safe
def analysis_district(request: HttpRequest, city: str, district: str) -> HttpResponse:
    found = district_for_analysis(request.user, city=city, district=district)
    return _page(request, Scope(found.city, found))


@login_required
@never_cache
@require_safe
def analysis_district_csv(request: HttpRequest, city: str, district: str) -> HttpResponse:
    found = district_for_analysis(request.user, city=city, district=district)
    return _csv(request, Scope(found.city, found), f"analysis-{city}-{district}.csv")


@login_required
@never_cache
@require_safe
def analysis_city(request: HttpRequest, city: str) -> HttpResponse:
    return _page(request, Scope(city_for_analysis(request.user, city=city)))


@login_required
@never_cache
@require_safe
def analysis_city_csv(request: HttpRequest, city: str) -> HttpResponse:
    return _csv(request, Scope(city_for_analysis(request.user, city=city)), f"analysis-{city}.csv")
