from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "pdcsearch"
    verbose_name = "Zoeken"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import signal_handlers

        signal_handlers.connect()
