from django.apps import AppConfig


class MigraHubConfig(AppConfig):
    name = "migra_hub"
    verbose_name = "Migra Hub"

    def ready(self) -> None:
        from migra_hub import operator  # noqa: F401  (registers the deploy check)
