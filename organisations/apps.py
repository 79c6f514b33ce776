from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "organisations"
    verbose_name = _("Organisations")

    def ready(self) -> None:
        # Issue 4: the account's data download and deletion include what this app keeps.
        from accounts.privacy import register_data_section, register_deletion_step
        from organisations import services

        register_data_section(services.personal_data)
        register_deletion_step(services.before_account_deletion)
