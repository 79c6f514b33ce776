from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "organisations"
    verbose_name = _("Organisations")

    def ready(self) -> None:
        # The account's data download and deletion include what this app keeps.
        from accounts import privacy as registry
        from organisations import privacy

        registry.register_data_section(privacy.personal_data)
        registry.register_deletion_step(privacy.before_account_deletion)
        registry.register_staff_role(privacy.staff_role)
        registry.register_staff_role(privacy.city_staff_role)
