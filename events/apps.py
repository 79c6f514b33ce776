from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self) -> None:
        # The account's data download and deletion include what this app keeps.
        from accounts import privacy as registry
        from events import privacy

        registry.register_data_section(privacy.personal_data)
        registry.register_deletion_step(privacy.before_account_deletion)
