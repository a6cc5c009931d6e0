from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Redactie en kwaliteit"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Group membership and superuser changes are logged by signals (see cms.audit).
        from . import audit

        audit.connect()
