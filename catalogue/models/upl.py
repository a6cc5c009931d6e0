from django.db import models
from wagtail.search import index


class UplProduct(index.Indexed, models.Model):
    """An entry of the Uniforme Productnamenlijst, imported with `manage.py import_upl`."""

    name = models.CharField("uniforme productnaam", max_length=255)
    uri = models.URLField("URI", max_length=255, unique=True)
    for_municipalities = models.BooleanField("gemeente", default=False)
    for_citizens = models.BooleanField("burger", default=False)
    for_businesses = models.BooleanField("bedrijf", default=False)
    sdg_code = models.CharField("SDG-code", max_length=10, blank=True)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = "UPL-product"
        verbose_name_plural = "Uniforme Productnamenlijst"

    def __str__(self) -> str:
        return self.name
