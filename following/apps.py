from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowingConfig(AppConfig):
    name = "following"
    verbose_name = _("Following")

    def ready(self) -> None:
        from accounts import privacy as registry
        from following import privacy
        from migra_hub import slots

        # The account's data download and deletion include what this app keeps.
        registry.register_data_section(privacy.personal_data)
        registry.register_deletion_step(privacy.before_account_deletion)

        # Organisations', networks' and the exchange's pages offer to follow them.
        slots.register("organisation.actions", "following/_follow_organisation.html")
        slots.register("network.actions", "following/_follow_network.html")
        slots.register("exchange.actions", "following/_follow_exchange.html")
        slots.register("account.menu", "following/_account_link.html")
