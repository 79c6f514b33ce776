from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworksConfig(AppConfig):
    name = "networks"
    verbose_name = _("Networks")

    def ready(self) -> None:
        from accounts import privacy as registry
        from migra_hub import slots
        from networks import access, privacy
        from networks.merging import (
            move_network_memberships,
            move_network_proposals,
            move_network_tasks,
        )
        from organisations import merging, review_queue

        # The account's data download and deletion include what this app keeps.
        registry.register_data_section(privacy.personal_data)
        registry.register_deletion_step(privacy.before_account_deletion)
        registry.register_staff_role(privacy.staff_role)

        # The reviewers' count in the navigation includes requests to join their networks.
        review_queue.register_waiting("network_requests", access.requests_for_staff)
        # ... and proposals of new networks in their districts.
        review_queue.register_waiting("network_proposals", access.proposals_for_staff)
        # Merging two entries of the directory moves their network memberships.
        merging.register_mover(
            "networks.memberships", _("network memberships"), move_network_memberships
        )
        merging.register_mover("networks.tasks", _("network tasks"), move_network_tasks)
        merging.register_mover("networks.proposals", _("proposed networks"), move_network_proposals)

        # Organisations' pages list the networks they belong to.
        slots.register("organisation.main", "networks/_organisation_networks.html", order=10)
