from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.formats import date_format
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from rest_framework.fields import Field
from rest_framework.relations import SlugRelatedField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.models import Orderable
from wagtail.search import index

from catalogue.domain.formatting import format_euro, format_lead_time
from catalogue.domain.lead_time import LeadTime
from cms.panels import QualityPanel

from .base import CatalogueEntry, split_terms
from .choices import Availability, ChannelKind, LeadTimeUnit
from .documents import RequiredDocument
from .locations import Location
from .upl import UplProduct

MARKDOWN_HELP = "Markdown is toegestaan: **vet**, lijstjes met '-', [links](https://...)."


def _by_name(many: bool = False) -> SlugRelatedField:
    """A related object in the REST API by its name (a snippet, the UPL name)."""
    return SlugRelatedField(slug_field="name", many=many, read_only=True)


class LivePageTitles(Field):
    """Titles of the live, public pages of a relation: a draft article related to a published
    product must not show up in the public REST API."""

    def __init__(self, **kwargs) -> None:
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value) -> list[str]:
        return [page.title for page in value.live().public().order_by("title")]


class ProductPage(CatalogueEntry):
    """A product or service of the municipality: its facts are stored once, here."""

    upl = models.ForeignKey(
        UplProduct,
        verbose_name="UPL-naam",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="products",
        help_text="De naam uit de Uniforme Productnamenlijst (voor Samenwerkende Catalogi en SDG).",
    )
    synonyms = models.TextField(
        "synoniemen",
        blank=True,
        help_text="Andere namen voor dit product, gescheiden door komma's.",
    )

    lead_time_immediate = models.BooleanField(
        "direct klaar", default=False, help_text="Aanvinken als het product direct klaar is."
    )
    lead_time_min = models.PositiveIntegerField("minimaal", null=True, blank=True)
    lead_time_max = models.PositiveIntegerField("maximaal", null=True, blank=True)
    lead_time_unit = models.CharField(
        "eenheid", max_length=20, choices=LeadTimeUnit.choices, blank=True
    )
    lead_time_note = models.TextField("toelichting doorlooptijd", blank=True)
    express_min = models.PositiveIntegerField("spoed minimaal", null=True, blank=True)
    express_max = models.PositiveIntegerField("spoed maximaal", null=True, blank=True)
    express_unit = models.CharField(
        "spoed eenheid", max_length=20, choices=LeadTimeUnit.choices, blank=True
    )
    express_fee = models.DecimalField(
        "spoedtoeslag (€)",
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"), "Een bedrag kan niet negatief zijn.")],
    )

    objection = models.TextField("bezwaar en beroep", blank=True, help_text=MARKDOWN_HELP)
    no_decision = models.TextField(
        "als de gemeente niet op tijd beslist", blank=True, help_text=MARKDOWN_HELP
    )

    search_fields = CatalogueEntry.search_fields + [index.SearchField("synonyms")]

    facts_panels = [
        InlinePanel("fees", heading="Kosten (leges)", label="Tarief"),
        MultiFieldPanel(
            [
                FieldPanel("lead_time_immediate"),
                FieldRowPanel(
                    [
                        FieldPanel("lead_time_min"),
                        FieldPanel("lead_time_max"),
                        FieldPanel("lead_time_unit"),
                    ]
                ),
                FieldPanel("lead_time_note"),
                FieldRowPanel(
                    [
                        FieldPanel("express_min"),
                        FieldPanel("express_max"),
                        FieldPanel("express_unit"),
                        FieldPanel("express_fee"),
                    ],
                    heading="Spoed",
                ),
            ],
            heading="Doorlooptijd",
        ),
        InlinePanel(
            "required_documents", heading="Meenemen / benodigde documenten", label="Document"
        ),
        InlinePanel("conditions", heading="Voorwaarden", label="Voorwaarde"),
        InlinePanel("procedure_steps", heading="Aanvraag: stappen", label="Stap"),
        FieldPanel("objection"),
        FieldPanel("no_decision"),
        InlinePanel("legal_bases", heading="Wettelijke grondslag", label="Wet of regeling"),
    ]
    channel_panels = [
        InlinePanel(
            "channels",
            heading="Kanalen in volgorde van kanaalsturing",
            label="Kanaal",
            help_text="Zet het goedkoopste kanaal bovenaan: online vóór telefoon vóór balie.",
        ),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    QualityPanel(),  # cms: quality problems while editing
                    FieldPanel("title"),
                    *CatalogueEntry.wording_panels,
                    InlinePanel("faqs", heading="Veelgestelde vragen", label="Vraag"),
                ],
                heading="Teksten",
            ),
            ObjectList(facts_panels, heading="Feiten"),
            ObjectList(channel_panels, heading="Kanalen"),
            ObjectList(
                [FieldPanel("upl"), *CatalogueEntry.classification_panels, FieldPanel("synonyms")],
                heading="Indeling",
            ),
            ObjectList(CatalogueEntry.internal_panels, heading="Intern"),
            ObjectList(CatalogueEntry.promote_panels, heading="Publicatie"),
            ObjectList(CatalogueEntry.settings_panels, heading="Instellingen"),
        ]
    )

    # Wagtail's REST API (/api/v2/pages/<id>/, the baseline of bench/bench_api.py) serves the
    # same facts as the GraphQL product, related objects by name.
    api_fields = [
        APIField("summary"),
        APIField("web_body"),
        APIField("kcc_answer"),
        APIField("assistant_answer"),
        APIField("keywords"),
        APIField("synonyms"),
        APIField("upl", serializer=_by_name()),
        APIField("lead_time_immediate"),
        APIField("lead_time_min"),
        APIField("lead_time_max"),
        APIField("lead_time_unit"),
        APIField("lead_time_note"),
        APIField("express_min"),
        APIField("express_max"),
        APIField("express_unit"),
        APIField("express_fee"),
        APIField("objection"),
        APIField("no_decision"),
        APIField("fees"),
        APIField("required_documents"),
        APIField("conditions"),
        APIField("procedure_steps"),
        APIField("legal_bases"),
        APIField("channels"),
        APIField("faqs"),
        APIField("responsible_service", serializer=_by_name()),
        APIField("topics", serializer=_by_name(many=True)),
        APIField("life_events", serializer=_by_name(many=True)),
        APIField("audiences", serializer=_by_name(many=True)),
        APIField("articles", serializer=LivePageTitles()),
    ]

    class Meta:
        verbose_name = "product"
        verbose_name_plural = "producten"

    @property
    def synonym_list(self) -> list[str]:
        return split_terms(self.synonyms)

    @property
    def lead_time(self) -> LeadTime | None:
        if self.lead_time_immediate:
            return LeadTime(None, None, "immediate", self.lead_time_note)
        if not self.lead_time_unit:
            return None
        return LeadTime(
            self.lead_time_min, self.lead_time_max, self.lead_time_unit, self.lead_time_note
        )

    @property
    def express_lead_time(self) -> LeadTime | None:
        if not self.express_unit:
            return None
        return LeadTime(self.express_min, self.express_max, self.express_unit)

    @property
    def lead_time_text(self) -> str:
        lead_time = self.lead_time
        return format_lead_time(lead_time) if lead_time else ""

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        errors.update(
            _lead_time_errors(
                self.lead_time_min, self.lead_time_max, self.lead_time_unit, "lead_time"
            )
        )
        errors.update(
            _lead_time_errors(self.express_min, self.express_max, self.express_unit, "express")
        )
        if self.lead_time_immediate and (self.lead_time_min or self.lead_time_max):
            errors["lead_time_immediate"] = (
                "Kies 'direct klaar' óf een minimale/maximale doorlooptijd, niet allebei."
            )
        if self.express_fee is not None and not self.express_unit:
            errors["express_fee"] = (
                "Een spoedtoeslag hoort bij een spoeddoorlooptijd: vul die ook in."
            )
        if errors:
            raise ValidationError(errors)


def _lead_time_errors(minimum, maximum, unit, prefix: str) -> dict[str, str]:
    errors = {}
    if minimum is not None and maximum is not None and minimum > maximum:
        errors[f"{prefix}_min"] = (
            f"De minimale doorlooptijd ({minimum}) is langer dan de maximale ({maximum})."
        )
    if (minimum is not None or maximum is not None) and not unit:
        errors[f"{prefix}_unit"] = "Kies een eenheid (uur, werkdagen, kalenderdagen of weken)."
    if unit and minimum is None and maximum is None:
        errors[f"{prefix}_max"] = "Vul een minimale of maximale doorlooptijd in bij deze eenheid."
    return errors


class ProductFee(Orderable):
    """One tariff line. Several lines with dates let next year's tariffs be entered ahead."""

    page = ParentalKey(ProductPage, on_delete=models.CASCADE, related_name="fees")
    label = models.CharField(
        "omschrijving", max_length=200, help_text="Bijv. 'Paspoort 18 jaar en ouder'."
    )
    amount = models.DecimalField(
        "bedrag (€)",
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"), "Een bedrag kan niet negatief zijn.")],
    )
    free = models.BooleanField("gratis", default=False)
    channel = models.CharField(
        "alleen via kanaal",
        max_length=20,
        choices=ChannelKind.choices,
        blank=True,
        help_text="Leeg laten als het tarief voor elk kanaal geldt; bijv. 'Online' voor een lager online tarief.",
    )
    valid_from = models.DateField("geldig vanaf", null=True, blank=True)
    valid_until = models.DateField("geldig tot en met", null=True, blank=True)

    panels = [
        FieldPanel("label"),
        FieldRowPanel([FieldPanel("amount"), FieldPanel("free"), FieldPanel("channel")]),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
    ]

    api_fields = [
        APIField(name)
        for name in ["label", "amount", "free", "channel", "valid_from", "valid_until"]
    ]

    class Meta(Orderable.Meta):
        verbose_name = "tarief"
        verbose_name_plural = "tarieven"

    def __str__(self) -> str:
        return f"{self.label}: {self.formatted}"

    @property
    def formatted(self) -> str:
        return format_euro(self.amount, free=self.free)

    @property
    def validity(self) -> str:
        """ "vanaf 1 januari 2026 tot en met 31 december 2026", either half alone, or ""."""
        parts = [
            f"{word} {date_format(day, 'j F Y')}"
            for word, day in (("vanaf", self.valid_from), ("tot en met", self.valid_until))
            if day
        ]
        return " ".join(parts)

    def is_valid_on(self, day) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_until is None or day <= self.valid_until
        )

    def clean(self) -> None:
        if self.amount is not None and self.amount < 0:
            raise ValidationError({"amount": "Een bedrag kan niet negatief zijn."})
        if self.free and self.amount:
            raise ValidationError(
                {"amount": "Een gratis tarief heeft geen bedrag. Laat het bedrag leeg."}
            )
        if not self.free and self.amount is None:
            raise ValidationError({"amount": "Vul een bedrag in, of vink 'gratis' aan."})
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValidationError(
                {"valid_until": "De einddatum ligt vóór de begindatum van dit tarief."}
            )


class ProductRequiredDocument(Orderable):
    page = ParentalKey(ProductPage, on_delete=models.CASCADE, related_name="required_documents")
    document = models.ForeignKey(
        RequiredDocument, verbose_name="document", on_delete=models.PROTECT, related_name="+"
    )
    note = models.CharField("toelichting bij dit product", max_length=300, blank=True)

    panels = [FieldPanel("document"), FieldPanel("note")]

    api_fields = [
        APIField("document", serializer=_by_name()),
        APIField("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "benodigd document"


class ProductCondition(Orderable):
    page = ParentalKey(ProductPage, on_delete=models.CASCADE, related_name="conditions")
    text = models.TextField("voorwaarde", help_text=MARKDOWN_HELP)
    evidence = models.CharField("bewijs", max_length=300, blank=True)

    panels = [FieldPanel("text"), FieldPanel("evidence")]

    api_fields = [APIField(name) for name in ["text", "evidence"]]

    class Meta(Orderable.Meta):
        verbose_name = "voorwaarde"


class ProcedureStep(Orderable):
    page = ParentalKey(ProductPage, on_delete=models.CASCADE, related_name="procedure_steps")
    text = models.TextField("stap", help_text=MARKDOWN_HELP)

    panels = [FieldPanel("text")]

    api_fields = [APIField("text")]

    class Meta(Orderable.Meta):
        verbose_name = "stap"


class LegalBasis(Orderable):
    page = ParentalKey(ProductPage, on_delete=models.CASCADE, related_name="legal_bases")
    label = models.CharField("naam", max_length=200)
    url = models.URLField("link", max_length=500, blank=True)

    panels = [FieldRowPanel([FieldPanel("label"), FieldPanel("url")])]

    api_fields = [APIField(name) for name in ["label", "url"]]

    class Meta(Orderable.Meta):
        verbose_name = "wettelijke grondslag"


class ProductChannel(ClusterableModel, Orderable):
    """How and where a product can be obtained; sort order is the steering order."""

    page = ParentalKey(ProductPage, on_delete=models.CASCADE, related_name="channels")
    kind = models.CharField("kanaal", max_length=20, choices=ChannelKind.choices)
    availability = models.CharField(
        "beschikbaarheid", max_length=20, choices=Availability.choices, default=Availability.DIRECT
    )
    form_url = models.URLField("link naar online formulier", max_length=500, blank=True)
    appointment_url = models.URLField("link om een afspraak te maken", max_length=500, blank=True)
    appointment_minutes = models.PositiveIntegerField(
        "duur afspraak (minuten)", null=True, blank=True
    )
    locations = ParentalManyToManyField(
        Location, verbose_name="locaties", blank=True, related_name="+"
    )
    what_to_bring = models.TextField("meenemen", blank=True)
    note = models.TextField("toelichting", blank=True)

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("availability")]),
        FieldPanel("form_url"),
        FieldRowPanel([FieldPanel("appointment_url"), FieldPanel("appointment_minutes")]),
        FieldPanel("locations", widget=forms.CheckboxSelectMultiple),
        FieldPanel("what_to_bring"),
        FieldPanel("note"),
    ]

    api_fields = [
        APIField("kind"),
        APIField("availability"),
        APIField("form_url"),
        APIField("appointment_url"),
        APIField("appointment_minutes"),
        APIField("what_to_bring"),
        APIField("note"),
        APIField("locations", serializer=_by_name(many=True)),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "kanaal"
        verbose_name_plural = "kanalen"

    def clean(self) -> None:
        errors = {}
        if self.availability == Availability.APPOINTMENT:
            if not self.appointment_url and self.kind != ChannelKind.HOME_VISIT:
                errors["appointment_url"] = (
                    "Een kanaal 'op afspraak' heeft een link nodig om de afspraak te maken."
                )
            if not self.appointment_minutes:
                errors["appointment_minutes"] = "Vul in hoe lang de afspraak duurt (in minuten)."
        elif self.appointment_minutes:
            errors["appointment_minutes"] = (
                "Een afspraakduur past alleen bij beschikbaarheid 'op afspraak'."
            )
        if (
            self.kind == ChannelKind.ONLINE
            and self.availability != Availability.NOT_OFFERED
            and not self.form_url
        ):
            errors["form_url"] = "Een online kanaal heeft een link naar het formulier nodig."
        if errors:
            raise ValidationError(errors)


class ProductFaq(Orderable):
    page = ParentalKey(ProductPage, on_delete=models.CASCADE, related_name="faqs")
    question = models.CharField("vraag", max_length=300)
    answer = models.TextField("antwoord", help_text=MARKDOWN_HELP)

    panels = [FieldPanel("question"), FieldPanel("answer")]

    api_fields = [APIField(name) for name in ["question", "answer"]]

    class Meta(Orderable.Meta):
        verbose_name = "veelgestelde vraag"
        verbose_name_plural = "veelgestelde vragen"
