from django.urls import URLPattern, URLResolver, path

from workspace import views

app_name = "workspace"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.home, name="home"),
    path("e-mails/", views.mail_setting, name="mail_setting"),
]
