from django.apps import AppConfig
from django.db.models.signals import post_migrate


class HubConfig(AppConfig):
    name = "hub"
    verbose_name = "Cluster Hub"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from hub.locales import ensure_content_locales
        from hub.members import signals as member_signals
        from hub.translation import site_roots, sync

        post_migrate.connect(ensure_content_locales, sender=self)
        sync.connect()
        site_roots.connect()
        member_signals.connect()
