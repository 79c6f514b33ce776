from django.apps import AppConfig


class MigraHubConfig(AppConfig):
    name = "migra_hub"
    verbose_name = "Migra Hub"
