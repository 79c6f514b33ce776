"""Open data URLs in three groups: the HSDS API (``/api/hsds/``, no language prefix), the files
for search engines at the root, and the pages and downloads under the language prefix."""

from django.contrib.sitemaps.views import sitemap
from django.urls import path

from opendata import api, views, views_import
from opendata.feeds import NewEventsFeed, NewOrganisationsFeed
from opendata.sitemaps import SITEMAPS

api_patterns = (
    [
        path("", api.api_info, name="info"),
        path("organizations", api.organization_list, name="organizations"),
        path("organizations/<str:id>", api.organization_detail, name="organization"),
        path("services", api.service_list, name="services"),
        path("services/<str:id>", api.service_detail, name="service"),
        path("service_at_locations", api.service_at_location_list, name="service_at_locations"),
        path("taxonomies", api.taxonomy_list, name="taxonomies"),
        path("taxonomies/<str:id>", api.taxonomy_detail, name="taxonomy"),
        path("taxonomy_terms", api.taxonomy_term_list, name="taxonomy_terms"),
        path("taxonomy_terms/<str:id>", api.taxonomy_term_detail, name="taxonomy_term"),
    ],
    "hsds",
)

root_patterns = [
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
]

app_name = "opendata"

urlpatterns = [
    path("", views.open_data, name="index"),
    path("directory.zip", views.directory_bundle, name="bundle"),
    path("organisations.csv", views.directory_export, {"format": "csv"}, name="directory_csv"),
    path("organisations.json", views.directory_export, {"format": "json"}, name="directory_json"),
    path("organisations.atom", NewOrganisationsFeed(), name="organisations_feed"),
    path("events.atom", NewEventsFeed(), name="events_feed"),
    path("import/", views_import.import_start, name="import"),
    path("import/<uuid:upload_id>/", views_import.import_report, name="import_report"),
]
