from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpendataConfig(AppConfig):
    name = "opendata"
    verbose_name = _("Open data")

    def ready(self) -> None:
        from migra_hub import slots

        # Machine-readable descriptions of pages that lower apps render.
        slots.register("page.head", "opendata/_open_graph.html")
        slots.register("organisation.head", "opendata/_organisation_jsonld.html")
        slots.register("event.head", "opendata/_event_jsonld.html")
        # Staff find the web import where they find their other tools.
        slots.register("staff.tools", "opendata/_import_link.html")
