from django.urls import include, path

from organisations import views

app_name = "organisations"

urlpatterns = [
    path("organisations/", views.organisation_list, name="list"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="detail"),
    path("", include("organisations.urls_manage")),
]
