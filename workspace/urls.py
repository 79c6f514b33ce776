from django.urls import URLPattern, URLResolver, path

from workspace import views, views_analysis

app_name = "workspace"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.home, name="home"),
    path("e-mails/", views.mail_setting, name="mail_setting"),
    # The actor analysis (workspace/views_analysis.py)
    path("analysis/", views_analysis.analysis_index, name="analysis"),
    path("analysis/<slug:city>/", views_analysis.analysis_city, name="analysis_city"),
    path(
        "analysis/<slug:city>/figures.csv",
        views_analysis.analysis_city_csv,
        name="analysis_city_csv",
    ),
    path(
        "analysis/<slug:city>/<slug:district>/",
        views_analysis.analysis_district,
        name="analysis_district",
    ),
    path(
        "analysis/<slug:city>/<slug:district>/figures.csv",
        views_analysis.analysis_district_csv,
        name="analysis_district_csv",
    ),
]
