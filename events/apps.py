from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self) -> None:
        from migra_hub import slots

        # Organisations' and networks' pages list their upcoming events.
        slots.register("organisation.main", "events/_organisation_events.html", order=20)
        slots.register("network.main", "events/_network_events.html")
