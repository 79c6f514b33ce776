from allauth.account.decorators import secure_admin_login
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path
from django.views.generic import TemplateView

from migra_hub import views
from opendata.urls import api_patterns as hsds_api_patterns
from opendata.urls import root_patterns as opendata_root_patterns

# The admin logs in through allauth, so that its rate limits and the second factor apply there too.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]

urlpatterns: list[URLPattern | URLResolver] = [
    path("healthz", views.healthz, name="healthz"),
    path("i18n/setlang/", views.set_language, name="set_language"),
    path("api/hsds/", include(hsds_api_patterns)),
    *opendata_root_patterns,
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("manifest.webmanifest", views.manifest, name="manifest"),
    path("imprint/", TemplateView.as_view(template_name="pages/imprint.html"), name="imprint"),
    path("privacy/", TemplateView.as_view(template_name="pages/privacy.html"), name="privacy"),
    path("", include("accessibility.urls")),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("", include("organisations.urls")),
    path("networks/", include("networks.urls")),
    path("events/", include("events.urls")),
    path("exchange/", include("exchange.urls")),
    path("funding/", include("funding.urls")),
    path("following/", include("following.urls")),
    path("open-data/", include("opendata.urls")),
    path("staff/", include("workspace.urls")),
)
