from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Term(index.Indexed, models.Model):
    """A term of one of the catalogue's taxonomies."""

    name = models.CharField("naam", max_length=120, unique=True)
    slug = models.SlugField("slug", max_length=120, unique=True, allow_unicode=False)
    description = models.TextField("omschrijving", blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Topic(Term):
    class Meta(Term.Meta):
        verbose_name = "thema"
        verbose_name_plural = "thema's"


class LifeEvent(Term):
    class Meta(Term.Meta):
        verbose_name = "levensgebeurtenis"
        verbose_name_plural = "levensgebeurtenissen"


class Audience(Term):
    class Meta(Term.Meta):
        verbose_name = "doelgroep"
        verbose_name_plural = "doelgroepen"
