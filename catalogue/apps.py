from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    name = "catalogue"
    verbose_name = "Catalogus"
    default_auto_field = "django.db.models.BigAutoField"
