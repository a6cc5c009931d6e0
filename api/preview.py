"""Signed, expiring preview tokens: a headless website shows a draft revision without a login.

The token carries the page and revision id, signed with SECRET_KEY (TimestampSigner), and
expires after GRAPHQL_PREVIEW_MAX_AGE seconds. Anyone holding it sees that one revision.
"""

from django.conf import settings
from django.core import signing
from wagtail.models import Revision

from catalogue.models import KnowledgeArticlePage, ProductPage

from .core.errors import ApiError, bad_input

SALT = "api.preview"
PREVIEWABLE = (ProductPage, KnowledgeArticlePage)


def make_preview_token(revision: Revision) -> str:
    return signing.TimestampSigner(salt=SALT).sign_object(
        {"page": int(revision.object_id), "revision": revision.pk}
    )


def load_preview(token: str):
    """The page as its revision has it (drafts included), or an ApiError."""
    try:
        data = signing.TimestampSigner(salt=SALT).unsign_object(
            token, max_age=settings.GRAPHQL_PREVIEW_MAX_AGE
        )
    except signing.SignatureExpired:
        raise ApiError(
            "Het voorbeeldtoken is verlopen; vraag in het beheer een nieuw voorbeeld op.",
            "PREVIEW_EXPIRED",
        ) from None
    except (signing.BadSignature, ValueError, UnicodeError):
        raise bad_input("Ongeldig voorbeeldtoken.", argument="token") from None
    if not isinstance(data, dict) or not {"page", "revision"} <= data.keys():
        raise bad_input("Ongeldig voorbeeldtoken.", argument="token")
    revision = Revision.page_revisions.filter(
        pk=data["revision"], object_id=str(data["page"])
    ).first()
    if revision is None:
        raise ApiError("Deze versie van de pagina bestaat niet meer.", "NOT_FOUND")
    page = revision.as_object()
    if not isinstance(page, PREVIEWABLE):
        raise bad_input("Van dit soort pagina is geen voorbeeld mogelijk.", argument="token")
    return page
