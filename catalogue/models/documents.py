from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class RequiredDocument(index.Indexed, models.Model):
    """A reusable 'what to bring' document, e.g. 'geldig identiteitsbewijs' or 'pasfoto'."""

    name = models.CharField("naam", max_length=160, unique=True)
    slug = models.SlugField("slug", max_length=160, unique=True)
    description = models.TextField(
        "omschrijving",
        blank=True,
        help_text="Waar moet het document aan voldoen? Schrijf op B1-niveau.",
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = "benodigd document"
        verbose_name_plural = "benodigde documenten"

    def __str__(self) -> str:
        return self.name
