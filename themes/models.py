"""The theme of a site: one per Wagtail site, edited under Instellingen → Huisstijl."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from .design_tokens import HEX_COLOUR, Palette, contrast_problems, css_custom_properties

DEFAULTS = Palette()
_colour_validator = RegexValidator(HEX_COLOUR, "Gebruik een kleurcode als #1f4e79.")


def colour_field(label: str, default: str, help_text: str = "") -> models.CharField:
    return models.CharField(
        label, max_length=7, default=default, validators=[_colour_validator], help_text=help_text
    )


def _colour_panel(name: str) -> FieldPanel:
    return FieldPanel(name, widget=forms.TextInput(attrs={"type": "color"}))


@register_setting(icon="image", name="huisstijl")
class ThemeSettings(BaseSiteSetting):
    """Name, logo and colours of the municipality, used by every built-in HTML channel."""

    municipality_name = models.CharField(
        "naam gemeente",
        max_length=120,
        blank=True,
        help_text="Bijv. 'Gemeente Heuvelrode'. Leeg: de naam van de site.",
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="logo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Liefst een liggend logo dat leesbaar is op de hoofdkleur.",
    )
    color_primary = colour_field("hoofdkleur", DEFAULTS.primary, "Kopbalk en knoppen.")
    color_on_primary = colour_field("tekst op hoofdkleur", DEFAULTS.on_primary)
    color_text = colour_field("tekstkleur", DEFAULTS.text)
    color_background = colour_field("achtergrond", DEFAULTS.background)
    color_link = colour_field("linkkleur", DEFAULTS.link)
    color_focus = colour_field(
        "focusrand", DEFAULTS.focus, "De rand om het element waar het toetsenbord op staat."
    )
    color_highlight = colour_field(
        "markeerkleur", DEFAULTS.highlight, "Achtergrond van de zoekwoorden in zoekresultaten."
    )

    panels = [
        FieldPanel("municipality_name"),
        FieldPanel("logo"),
        MultiFieldPanel(
            [
                HelpPanel(
                    "Kleuren worden gecontroleerd op voldoende contrast (WCAG 2.1 AA): 4,5:1 "
                    "voor tekst, 3:1 voor de focusrand en knoppen."
                ),
                FieldRowPanel([_colour_panel("color_primary"), _colour_panel("color_on_primary")]),
                FieldRowPanel([_colour_panel("color_text"), _colour_panel("color_background")]),
                FieldRowPanel([_colour_panel("color_link"), _colour_panel("color_focus")]),
                _colour_panel("color_highlight"),
            ],
            heading="Kleuren",
        ),
    ]

    class Meta:
        verbose_name = "huisstijl"
        verbose_name_plural = "huisstijlen"

    def palette(self) -> Palette:
        return Palette(
            primary=self.color_primary.lower(),
            on_primary=self.color_on_primary.lower(),
            text=self.color_text.lower(),
            background=self.color_background.lower(),
            link=self.color_link.lower(),
            focus=self.color_focus.lower(),
            highlight=self.color_highlight.lower(),
        )

    def clean(self) -> None:
        super().clean()
        try:
            problems = contrast_problems(self.palette())
        except ValueError:
            return  # the field validators report malformed colours
        errors: dict[str, list[str]] = {}
        for problem in problems:
            errors.setdefault(f"color_{problem.field}", []).append(problem.message)
        if errors:
            raise ValidationError(errors)

    @property
    def display_name(self) -> str:
        return self.municipality_name or self.site.site_name or "Gemeente"

    @property
    def css(self) -> str:
        """The design tokens as CSS custom properties; falls back to the defaults if invalid."""
        try:
            return css_custom_properties(self.palette())
        except ValueError:
            return css_custom_properties(DEFAULTS)


class ConsoleAction(models.Model):
    """What an agent did with an answer: sent it to the citizen, or marked the contact answered.

    No personal data: no agent, no citizen; digits in the query are masked.
    """

    class Kind(models.TextChoices):
        SENT = "sent", "naar inwoner gestuurd"
        ANSWERED = "answered", "contact beantwoord"

    kind = models.CharField("soort", max_length=20, choices=Kind.choices, db_index=True)
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name="pagina", on_delete=models.CASCADE, related_name="+"
    )
    query = models.CharField("zoekvraag", max_length=200, blank=True)
    search_log_id = models.BigIntegerField(
        "zoekopdracht (logboek)", null=True, blank=True, help_text="Id in het zoeklogboek."
    )
    created_at = models.DateTimeField("op", auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "actie in de KCC-console"
        verbose_name_plural = "acties in de KCC-console"
        indexes = [models.Index(fields=["kind", "page"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.page_id}"
