"""What products and knowledge articles share: per-channel wording, taxonomy and ownership."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from .services import Service
from .taxonomy import Audience, LifeEvent, Topic

ASSISTANT_MAX_LENGTH = 300
ENTRY_TEMPLATE = "catalogue/entry_page.html"
RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class CatalogueEntry(Page):
    """Abstract base of ProductPage and KnowledgeArticlePage."""

    summary = models.TextField(
        "samenvatting", help_text="Eén of twee zinnen op B1-niveau. Verschijnt in zoekresultaten."
    )
    web_body = RichTextField(
        "tekst website",
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="De volledige tekst voor de website.",
    )
    kcc_answer = models.TextField(
        "antwoord KCC",
        blank=True,
        help_text="Wat een KCC-medewerker voorleest of doorstuurt. Markdown is toegestaan.",
    )
    assistant_answer = models.TextField(
        "antwoord digitale assistent",
        max_length=ASSISTANT_MAX_LENGTH,
        blank=True,
        help_text=f"Kort antwoord voor de digitale assistent, hoogstens {ASSISTANT_MAX_LENGTH} tekens.",
    )
    kcc_internal_notes = models.TextField(
        "interne notities KCC",
        blank=True,
        help_text="Alleen zichtbaar voor KCC-medewerkers. Nooit publiek.",
    )
    topics = ParentalManyToManyField(Topic, verbose_name="thema's", blank=True, related_name="+")
    life_events = ParentalManyToManyField(
        LifeEvent, verbose_name="levensgebeurtenissen", blank=True, related_name="+"
    )
    audiences = ParentalManyToManyField(
        Audience, verbose_name="doelgroepen", blank=True, related_name="+"
    )
    keywords = models.TextField(
        "zoekwoorden",
        blank=True,
        help_text="Woorden die inwoners gebruiken, gescheiden door komma's (bijv. 'paspoort kwijt').",
    )
    responsible_service = models.ForeignKey(
        Service,
        verbose_name="verantwoordelijke dienst",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    review_date = models.DateField(
        "controleren vóór", null=True, blank=True, help_text="Uiterlijk op deze datum nakijken."
    )
    content_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="inhoudelijk eigenaar",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    # Both page types live in a service's section and have no children.
    parent_page_types = ["catalogue.SectionPage"]
    subpage_types: list[str] = []

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("keywords"),
        index.FilterField("slug"),
    ]

    wording_panels = [
        FieldPanel("summary"),
        FieldPanel("web_body"),
        FieldPanel("kcc_answer", widget=forms.Textarea(attrs={"rows": 6})),
        FieldPanel("assistant_answer", widget=forms.Textarea(attrs={"rows": 3, "maxlength": 300})),
    ]
    classification_panels = [
        FieldPanel("responsible_service"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("life_events", widget=forms.CheckboxSelectMultiple),
        FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
        FieldPanel("keywords"),
    ]
    internal_panels = [
        FieldPanel("kcc_internal_notes"),
        FieldPanel("review_date"),
        FieldPanel("content_owner"),
    ]

    class Meta:
        abstract = True

    def get_template(self, request, *args, **kwargs) -> str:
        # One template for both; a `template` attribute here would not be inherited, as
        # Wagtail gives every page class a default template named after the class.
        return ENTRY_TEMPLATE

    @property
    def keyword_list(self) -> list[str]:
        return split_terms(self.keywords)

    def clean(self) -> None:
        super().clean()
        if len(self.assistant_answer or "") > ASSISTANT_MAX_LENGTH:
            raise ValidationError(
                {
                    "assistant_answer": f"Het antwoord voor de assistent is {len(self.assistant_answer)} "
                    f"tekens; hoogstens {ASSISTANT_MAX_LENGTH} is toegestaan."
                }
            )
        self._check_unique_slug()

    def _check_unique_slug(self) -> None:
        # The API looks entries up by slug, so a slug must be unique per type, not per parent.
        clash = type(self).objects.filter(slug=self.slug)
        if self.pk:
            clash = clash.exclude(pk=self.pk)
        if self.slug and clash.exists():
            raise ValidationError(
                {
                    "slug": f"De slug '{self.slug}' is al in gebruik door een andere pagina van dit type."
                }
            )


def split_terms(value: str) -> list[str]:
    """Split a comma- or newline-separated list of terms, dropping blanks."""
    return [t.strip() for t in value.replace("\n", ",").split(",") if t.strip()]
