"""API tokens (who may read internal fields) and the content version (HTTP caching)."""

from django.conf import settings
from django.db import models
from django.db.models import F
from django.utils import timezone


class ApiToken(models.Model):
    """A bearer token. Only a SHA-256 hash of the secret is stored.

    Tokens are 256-bit random (or HMAC-derived) values, not passwords, so a fast hash is
    enough: there is nothing to brute-force that a slow hash would protect.
    """

    class Role(models.TextChoices):
        KCC = "kcc", "KCC (ook interne velden)"

    class Kind(models.TextChoices):
        MANUAL = "manual", "Handmatig aangemaakt"
        CONSOLE = "console", "KCC-console (per medewerker)"

    name = models.CharField("naam", max_length=120, help_text="Bijv. 'Website' of 'Chatbot'.")
    role = models.CharField("rol", max_length=20, choices=Role.choices, default=Role.KCC)
    kind = models.CharField(
        "soort", max_length=20, choices=Kind.choices, default=Kind.MANUAL, editable=False
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="medewerker",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="graphql_tokens",
        help_text="Optioneel. Een token van een medewerker werkt niet meer als het account "
        "inactief is.",
    )
    prefix = models.CharField("begin van het token", max_length=16, editable=False)
    secret_hash = models.CharField(max_length=64, unique=True, editable=False)
    # Console tokens are derived from SECRET_KEY and this nonce, so the console can hand the
    # same token to its agent again without storing it; a new nonce revokes the old token.
    nonce = models.CharField(max_length=64, blank=True, editable=False)
    active = models.BooleanField("actief", default=True)
    expires_at = models.DateTimeField("verloopt op", null=True, blank=True)
    created_at = models.DateTimeField("aangemaakt op", auto_now_add=True)
    last_used_at = models.DateTimeField("laatst gebruikt", null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "API-token"
        verbose_name_plural = "API-tokens"
        ordering = ["name", "pk"]
        permissions = [("use_internal_fields", "Mag interne velden van de API lezen")]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_usable(self) -> bool:
        if not self.active:
            return False
        if self.expires_at is not None and self.expires_at <= timezone.now():
            return False
        return self.user is None or self.user.is_active


class ContentVersion(models.Model):
    """One row whose value grows on every change of published content; part of every ETag."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    value = models.BigIntegerField(default=0)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "inhoudsversie"

    def __str__(self) -> str:
        return f"inhoudsversie {self.value}"

    @classmethod
    def current(cls) -> int:
        return cls.objects.filter(pk=1).values_list("value", flat=True).first() or 0

    @classmethod
    def bump(cls) -> None:
        if not cls.objects.filter(pk=1).update(value=F("value") + 1, changed_at=timezone.now()):
            cls.objects.get_or_create(pk=1, defaults={"value": 1})
