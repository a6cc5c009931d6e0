from django.db import models
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface

from cms.panels import QualityPanel

from .base import CatalogueEntry
from .products import ProductPage


class KnowledgeArticlePage(CatalogueEntry):
    """A question and answer of the municipality's knowledge base, not tied to one product."""

    related_products = ParentalManyToManyField(
        ProductPage, verbose_name="gerelateerde producten", blank=True, related_name="articles"
    )
    source_url = models.URLField(
        "bron",
        max_length=500,
        blank=True,
        help_text="Waar komt het antwoord vandaan (bijv. rijksoverheid.nl)?",
    )

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    QualityPanel(),  # cms: quality problems while editing
                    FieldPanel("title", heading="Vraag"),
                    *CatalogueEntry.wording_panels,
                    FieldPanel("source_url"),
                ],
                heading="Teksten",
            ),
            ObjectList(
                [*CatalogueEntry.classification_panels, FieldPanel("related_products")],
                heading="Indeling",
            ),
            ObjectList(CatalogueEntry.internal_panels, heading="Intern"),
            ObjectList(CatalogueEntry.promote_panels, heading="Publicatie"),
            ObjectList(CatalogueEntry.settings_panels, heading="Instellingen"),
        ]
    )

    class Meta:
        verbose_name = "kennisartikel"
        verbose_name_plural = "kennisartikelen"
