from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundingConfig(AppConfig):
    name = "funding"
    verbose_name = _("Funding calls")

    def ready(self) -> None:
        from accounts import privacy as registry
        from funding import privacy
        from migra_hub import slots

        # The account's data download and deletion include what this app keeps.
        registry.register_data_section(privacy.personal_data)
        registry.register_deletion_step(privacy.before_account_deletion)

        # A network's page lists its open calls.
        slots.register("network.main", "funding/_network_calls.html", order=150)
