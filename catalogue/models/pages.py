from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from .services import Service


class HomePage(Page):
    """Root of a municipality's catalogue tree. The product is headless: this page only lists sections."""

    intro = models.TextField("introductie", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["catalogue.SectionPage"]
    max_count = 1
    template = "catalogue/section_page.html"

    class Meta:
        verbose_name = "startpagina"


class SectionPage(Page):
    """A folder of products and articles, optionally owned by one service.

    Editors get page permissions on the sections of their own service, which is how
    "edit only your own service's content" maps onto Wagtail's tree permissions.
    """

    service = models.ForeignKey(
        Service,
        verbose_name="dienst",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sections",
        help_text="Producten en artikelen in deze map vallen onder deze dienst.",
    )
    intro = models.TextField("introductie", blank=True)

    content_panels = Page.content_panels + [FieldPanel("service"), FieldPanel("intro")]
    parent_page_types = ["catalogue.HomePage", "catalogue.SectionPage"]
    subpage_types = [
        "catalogue.SectionPage",
        "catalogue.ProductPage",
        "catalogue.KnowledgeArticlePage",
    ]
    template = "catalogue/section_page.html"

    class Meta:
        verbose_name = "map"
        verbose_name_plural = "mappen"
