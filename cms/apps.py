from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Redactie en kwaliteit"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Group membership and superuser changes are logged by signals (see cms.audit).
        from wagtail.permissions import register_permission_policy

        from . import admin_formats, audit
        from .models import ContentFeedback
        from .views.feedback import FeedbackPermissionPolicy

        admin_formats.register()
        audit.connect()
        register_permission_policy(ContentFeedback, FeedbackPermissionPolicy(ContentFeedback))
