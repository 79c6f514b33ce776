from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    name = "exchange"
    verbose_name = _("Peer exchange")

    def ready(self) -> None:
        from accounts import privacy as registry
        from exchange import privacy
        from migra_hub import slots

        # The account's data download and deletion include the answers a person wrote.
        registry.register_data_section(privacy.personal_data)
        registry.register_deletion_step(privacy.before_account_deletion)

        # Organisations' and networks' pages list the open posts they have or share.
        slots.register("organisation.main", "exchange/_organisation_posts.html", order=30)
        slots.register("network.main", "exchange/_network_posts.html", order=50)
