from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "Headless API"
    default_auto_field = "django.db.models.BigAutoField"
