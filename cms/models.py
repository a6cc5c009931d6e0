"""Editorial governance data: reports from the KCC about answers, and checked links."""

from django.conf import settings
from django.db import models


class ContentFeedback(models.Model):
    """A task for a service's editors: a KCC agent's report that an answer is missing or wrong,
    or another service's editor proposing a change to a page they may not edit."""

    class Kind(models.TextChoices):
        MISSING = "missing", "Antwoord ontbreekt"
        WRONG = "wrong", "Antwoord klopt niet"
        PROPOSAL = "proposal", "Voorstel tot wijziging"

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        HANDLED = "handled", "Afgehandeld"

    kind = models.CharField("soort", max_length=20, choices=Kind.choices)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="pagina",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    service = models.ForeignKey(
        "catalogue.Service",
        verbose_name="dienst",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="feedback",
    )
    query = models.CharField(
        "zoekvraag", max_length=500, blank=True, help_text="Waarmee de medewerker zocht."
    )
    remark = models.TextField("opmerking", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="gemeld door",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("gemeld op", auto_now_add=True, db_index=True)
    status = models.CharField(
        "status", max_length=20, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="afgehandeld door",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    handled_at = models.DateTimeField("afgehandeld op", null=True, blank=True)
    response = models.TextField("reactie redactie", blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "melding uit het KCC"
        verbose_name_plural = "meldingen uit het KCC"
        indexes = [models.Index(fields=["service", "status"])]

    def __str__(self) -> str:
        subject = self.query or (self.page.title if self.page_id else "") or "zonder zoekvraag"
        return f"{self.get_kind_display()}: {subject}"


class CheckedLink(models.Model):
    """The last result of checking one external URL (see `manage.py check_links`)."""

    url = models.URLField("link", max_length=1000, unique=True)
    ok = models.BooleanField("werkt", default=True, db_index=True)
    status_code = models.PositiveIntegerField("HTTP-status", null=True, blank=True)
    error = models.CharField("foutmelding", max_length=300, blank=True)
    checked_at = models.DateTimeField("gecontroleerd op", null=True, blank=True)
    broken_since = models.DateTimeField("werkt niet sinds", null=True, blank=True)

    class Meta:
        ordering = ["url"]
        verbose_name = "gecontroleerde link"
        verbose_name_plural = "gecontroleerde links"

    def __str__(self) -> str:
        return self.url

    @property
    def problem(self) -> str:
        if self.ok:
            return ""
        if self.status_code:
            return f"HTTP {self.status_code}"
        return self.error or "onbereikbaar"


class LinkUsage(models.Model):
    """Where a checked link occurs: which page, which field."""

    link = models.ForeignKey(CheckedLink, on_delete=models.CASCADE, related_name="usages")
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", null=True, blank=True
    )
    field = models.CharField("veld", max_length=200)

    class Meta:
        verbose_name = "gebruik van een link"
        verbose_name_plural = "gebruik van links"
        constraints = [
            models.UniqueConstraint(fields=["link", "page", "field"], name="cms_unique_link_usage")
        ]

    def __str__(self) -> str:
        return f"{self.link.url} ({self.field})"
