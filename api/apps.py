from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "Headless API"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from api.webhooks.events import connect_signals

        connect_signals()
