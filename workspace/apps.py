from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkspaceConfig(AppConfig):
    """The district staff's workspace: what waits for them and the actor analysis.

    It sits above every other app, because it brings together what organisations, networks and
    events know about a district; nothing imports from it.
    """

    name = "workspace"
    verbose_name = _("Staff workspace")

    def ready(self) -> None:
        from accounts.landing import register_landing
        from organisations.access import is_reviewer

        # Reviewers land on what waits for them instead of the public home page.
        register_landing(is_reviewer, "workspace:home")
