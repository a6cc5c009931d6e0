"""Minting and checking API tokens.

A token looks like ``pdc_<prefix>_<secret>``; the prefix is stored in the clear so editors can
tell tokens apart in the admin, the whole token only as a SHA-256 hash.
"""

import hashlib
import hmac
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from .models import ApiToken

TOKEN_PREFIX = "pdc_"
LAST_USED_RESOLUTION = timedelta(minutes=5)  # avoids a write on every request


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _compose(prefix: str, secret: str) -> str:
    return f"{TOKEN_PREFIX}{prefix}_{secret}"


def create_token(name: str, role: str = ApiToken.Role.KCC, user=None) -> tuple[ApiToken, str]:
    """A new random token; the plain value is returned once and never stored."""
    prefix = secrets.token_hex(4)
    plain = _compose(prefix, secrets.token_urlsafe(32))
    token = ApiToken.objects.create(
        name=name, role=role, user=user, prefix=prefix, secret_hash=hash_token(plain)
    )
    return token, plain


def _derived(token: ApiToken) -> str:
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"api-token:{token.pk}:{token.nonce}".encode(), "sha256"
    ).hexdigest()
    return _compose(token.prefix, digest)


def may_read_internal(user) -> bool:
    """KCC agents (group from cms.roles), superusers and holders of api.use_internal_fields."""
    from cms.roles import KCC_GROUP  # the roles module imports models; keep startup light

    if not (user and user.is_authenticated and user.is_active):
        return False
    return (
        user.is_superuser
        or user.has_perm("api.use_internal_fields")
        or user.groups.filter(name=KCC_GROUP).exists()
    )


@transaction.atomic
def token_for_user(user) -> str:
    """The KCC console's token for this agent, minted on first use and stable afterwards.

    Raises PermissionDenied when the user may not read internal fields. Deactivating the token
    in the admin makes the next call mint a fresh one (for a leaked token); taking the user out
    of the KCC group is what takes access away.
    """
    if not may_read_internal(user):
        raise PermissionDenied("Deze gebruiker mag de interne velden van de API niet lezen.")
    token = (
        ApiToken.objects.select_for_update()
        .filter(user=user, kind=ApiToken.Kind.CONSOLE, active=True)
        .first()
    )
    if token is not None and token.expires_at is not None and token.expires_at <= timezone.now():
        token.active = False
        token.save(update_fields=["active"])
        token = None
    if token is not None:
        plain = _derived(token)
        if hmac.compare_digest(hash_token(plain), token.secret_hash):
            return plain
        # SECRET_KEY changed: the old token no longer verifies; rotate it below.
        token.active = False
        token.save(update_fields=["active"])
    token = ApiToken.objects.create(
        name=f"KCC-console: {user.get_username()}",
        role=ApiToken.Role.KCC,
        kind=ApiToken.Kind.CONSOLE,
        user=user,
        prefix=secrets.token_hex(4),
        nonce=secrets.token_hex(16),
        secret_hash=secrets.token_hex(32),  # placeholder: the real hash needs the pk
    )
    plain = _derived(token)
    token.secret_hash = hash_token(plain)
    token.save(update_fields=["secret_hash"])
    return plain


def authenticate(plain: str) -> ApiToken | None:
    """The usable token for this secret, or None; records when it was last used."""
    if not plain.startswith(TOKEN_PREFIX) or len(plain) > 200:
        return None
    token = ApiToken.objects.select_related("user").filter(secret_hash=hash_token(plain)).first()
    if token is None or not token.is_usable:
        return None
    if token.kind == ApiToken.Kind.CONSOLE and not may_read_internal(token.user):
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token
