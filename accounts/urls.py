from django.urls import path

from accounts import views

app_name = "accounts"
urlpatterns = [
    path("privacy/", views.privacy, name="privacy"),
    path("privacy/download/", views.data_download, name="data_download"),
    path("delete/", views.delete, name="delete"),
    path("deleted/", views.deleted, name="deleted"),
]
