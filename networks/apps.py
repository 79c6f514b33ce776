from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworksConfig(AppConfig):
    name = "networks"
    verbose_name = _("Networks")

    def ready(self) -> None:
        from migra_hub import slots

        # Organisations' pages list the networks they belong to.
        slots.register("organisation.main", "networks/_organisation_networks.html", order=10)
