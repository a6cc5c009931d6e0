"""The municipality's public website per Wagtail site: where links for citizens point."""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from catalogue.domain.public_url import (
    DEFAULT_PATTERN,
    PLACEHOLDERS,
    PatternError,
    check_base_url,
    check_pattern,
)

_PLACEHOLDER_HELP = "; ".join(f"{{{name}}}: {meaning}" for name, meaning in PLACEHOLDERS.items())


def _pattern_field(label: str, example: str) -> models.CharField:
    return models.CharField(
        label,
        max_length=255,
        default=DEFAULT_PATTERN,
        help_text=f"Bijv. {example}. Leeg: {DEFAULT_PATTERN}.",
        blank=True,
    )


@register_setting(icon="link-external", name="publieke-website")
class PublicWebsiteSettings(BaseSiteSetting):
    """Base URL and path patterns of the website that shows this site's content to citizens."""

    base_url = models.URLField(
        "adres van de website",
        blank=True,
        help_text="Bijv. https://www.heuvelrode.nl. Zolang dit leeg is, geven de API, de zoekresultaten "
        "en de KCC-console geen adres van pagina's (url is leeg): nooit het adres van het CMS.",
    )
    product_pattern = _pattern_field("patroon voor producten", "{base}/producten/{slug}")
    article_pattern = _pattern_field("patroon voor kennisartikelen", "{base}/vraag/{slug}")

    panels = [
        FieldPanel("base_url"),
        HelpPanel(content=f"<p>In een patroon kunt u gebruiken: {_PLACEHOLDER_HELP}.</p>"),
        FieldPanel("product_pattern"),
        FieldPanel("article_pattern"),
    ]

    class Meta:
        verbose_name = "publieke website"
        verbose_name_plural = "publieke websites"

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.base_url:
            try:
                check_base_url(self.base_url)
            except PatternError as error:
                errors["base_url"] = str(error)
        for name in ("product_pattern", "article_pattern"):
            try:
                check_pattern(getattr(self, name) or DEFAULT_PATTERN)
            except PatternError as error:
                errors[name] = str(error)
        if errors:
            raise ValidationError(errors)

    def pattern_for(self, model_name: str) -> str:
        """The pattern for a page type (model name); other pages use the default."""
        pattern = {
            "productpage": self.product_pattern,
            "knowledgearticlepage": self.article_pattern,
        }.get(model_name)
        return pattern or DEFAULT_PATTERN
