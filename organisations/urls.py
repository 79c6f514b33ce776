from django.urls import include, path

from organisations import views

app_name = "organisations"

urlpatterns = [
    path("organisations/", views.organisation_list, name="list"),
    path("organisations/map/", views.organisation_map, name="map"),
    path("organisations/map.geojson", views.organisation_geojson, name="geojson"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="detail"),
    path("", include("organisations.urls_staff")),
    path("", include("organisations.urls_manage")),
    path("organisations/<slug:slug>/report/", views.organisation_report, name="report"),
    path("offers/", views.offer_list, name="offers"),
]
