"""Search: the database index, editor-managed synonyms, best bets and weights, the log, the outbox.

The full-text structures themselves are engine-specific and created by migration 0002:
an FTS5 table on SQLite, a tsvector column with a GIN index on PostgreSQL.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from . import analysis


class IndexedDocument(models.Model):
    """One live, public product or knowledge article as the database engine indexes it.

    The row id is the page id. Text columns keep the plain text for snippets; `terms` keeps
    the analysed terms so the vocabulary can be kept exact when a document changes.
    """

    # A plain id, not a foreign key: removal from the index is explicit (search.signal_handlers),
    # so a cascade can never drop a row before its vocabulary counts are taken back.
    page_id = models.IntegerField(primary_key=True)
    content_type = models.CharField(max_length=20, db_index=True)
    title = models.CharField(max_length=255)
    keywords = models.TextField(blank=True)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500, blank=True)
    facets = models.TextField(blank=True, help_text="Space-separated facet tokens.")
    terms = models.TextField(blank=True, help_text="Distinct analysed terms.")
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "geïndexeerd document"
        verbose_name_plural = "geïndexeerde documenten"

    def __str__(self) -> str:
        return self.title


class Term(models.Model):
    """The vocabulary of the index: how many documents hold a term, and how people write it."""

    term = models.CharField(max_length=100, primary_key=True)
    word = models.CharField(max_length=100, db_index=True, help_text="Most common surface form.")
    # Signed: an upsert adds negative deltas (SQLite checks CHECK constraints before conflicts).
    documents = models.IntegerField(default=0)

    class Meta:
        verbose_name = "term"

    def __str__(self) -> str:
        return self.term


class IndexState(models.Model):
    """A single row whose `version` changes with every index write (cache invalidation)."""

    version = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return str(self.version)


class Synonym(models.Model):
    """A group of words that mean the same to the people searching, managed by editors."""

    terms = models.TextField(
        "woorden",
        help_text="Woorden of woordgroepen met dezelfde betekenis, gescheiden door komma's. "
        "Bijvoorbeeld: ID-kaart, identiteitskaart, eID",
    )
    one_way = models.BooleanField(
        "alleen in één richting",
        default=False,
        help_text="Aangevinkt: wie zoekt op een van de latere woorden, vindt ook het eerste woord, "
        "maar niet omgekeerd (bijv. 'gebak, koffiekoek': 'koffiekoek' vindt 'gebak').",
    )
    note = models.CharField("toelichting", max_length=200, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [FieldPanel("terms"), FieldPanel("one_way"), FieldPanel("note")]

    class Meta:
        ordering = ["terms"]
        verbose_name = "synoniem"
        verbose_name_plural = "synoniemen"

    def __str__(self) -> str:
        return self.terms[:80]

    @property
    def term_list(self) -> list[str]:
        return [t.strip() for t in self.terms.replace("\n", ",").split(",") if t.strip()]

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        analysed = [t for t in self.term_list if analysis.analyse(t)]
        if len(analysed) < 2:
            raise ValidationError(
                {"terms": "Geef minstens twee woorden op (geen stopwoorden zoals 'de' of 'een')."}
            )


class BestBet(models.Model):
    """A page pinned on top of the results for a query ("paspoort" -> passport product)."""

    query = models.CharField(
        "zoekopdracht",
        max_length=200,
        help_text="De zoekopdracht waarvoor deze pagina bovenaan staat. Hoofdletters, accenten "
        "en vervoegingen maken niet uit.",
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="pagina",
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to={
            "content_type__app_label": "catalogue",
            "content_type__model__in": ["productpage", "knowledgearticlepage"],
        },
    )
    sort_order = models.PositiveSmallIntegerField("volgorde", default=0)
    normalized = models.CharField(max_length=200, editable=False, db_index=True)

    panels = [FieldPanel("query"), FieldPanel("page"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["normalized", "sort_order"]
        verbose_name = "beste antwoord"
        verbose_name_plural = "beste antwoorden"

    def __str__(self) -> str:
        return f"{self.query} → {self.page.title}"

    def save(self, *args, **kwargs) -> None:
        self.normalized = normalize_query(self.query)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if not normalize_query(self.query or ""):
            raise ValidationError({"query": "Deze zoekopdracht bevat alleen stopwoorden."})
        page = self.page if self.page_id else None
        if page and page.specific_class.__name__ not in ("ProductPage", "KnowledgeArticlePage"):
            raise ValidationError({"page": "Kies een product of kennisartikel."})


def normalize_query(text: str) -> str:
    """The form best bets are matched on: analysed terms in order."""
    return " ".join(analysis.analyse(text))[:200]


@register_setting(icon="search")
class SearchSettings(BaseGenericSetting):
    """Field weights and boosts, adjustable by editors without a deploy."""

    title_weight = models.FloatField(
        "gewicht titel", default=10.0, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    keywords_weight = models.FloatField(
        "gewicht zoekwoorden en synoniemen",
        default=8.0,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    summary_weight = models.FloatField(
        "gewicht samenvatting",
        default=3.0,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    body_weight = models.FloatField(
        "gewicht tekst", default=1.0, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    product_boost = models.FloatField(
        "voorrang producten",
        default=1.5,
        validators=[MinValueValidator(0.1), MaxValueValidator(10)],
        help_text="Score van een product ten opzichte van een kennisartikel (1 = gelijk).",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("title_weight"),
                FieldPanel("keywords_weight"),
                FieldPanel("summary_weight"),
                FieldPanel("body_weight"),
            ],
            heading="Gewicht van de velden",
            help_text="Hoe zwaarder een veld weegt, hoe hoger een treffer daarin in de lijst komt.",
        ),
        FieldPanel("product_boost"),
    ]

    class Meta:
        verbose_name = "zoekinstellingen"


class SearchLog(models.Model):
    """One search. No personal data: no user, no address; numbers in the query are masked."""

    query = models.CharField("zoekopdracht", max_length=200)
    normalized = models.CharField(max_length=200, db_index=True)
    channel = models.CharField("kanaal", max_length=20, db_index=True)
    hits = models.PositiveIntegerField("aantal resultaten")
    engine = models.CharField(max_length=20, blank=True)
    degraded = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "zoekopdracht"
        verbose_name_plural = "zoeklogboek"

    def __str__(self) -> str:
        return self.query


class ResultOpened(models.Model):
    """A result someone opened after a search (for "results nobody opens")."""

    log = models.ForeignKey(SearchLog, on_delete=models.CASCADE, related_name="opened")
    page_id = models.PositiveIntegerField()
    position = models.PositiveSmallIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "geopend resultaat"

    def __str__(self) -> str:
        return f"{self.log_id}: {self.page_id}"


class OutboxEntry(models.Model):
    """A pending index update for an external engine, written in the content's transaction."""

    INDEX, REMOVE = "index", "remove"

    engine = models.CharField(max_length=30)
    page_id = models.PositiveIntegerField()
    action = models.CharField(max_length=10, choices=[(INDEX, INDEX), (REMOVE, REMOVE)])
    created_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["engine", "id"])]
        verbose_name = "wachtrij-item zoekindex"

    def __str__(self) -> str:
        return f"{self.action} {self.page_id}"
