"""What the console records: reports to the editors, opened results and answered contacts.

Reports go through cms.feedback (the editors' task list); opened results go into the search
log of the search app; "this answered the contact" is kept here (ConsoleAction).
"""

from django.db import transaction
from wagtail.models import Page

from catalogue.models import KnowledgeArticlePage, ProductPage
from search.service import record_opened, scrub

from .models import ConsoleAction

ENTRY_TYPES = {"product": ProductPage, "article": KnowledgeArticlePage}


class EntryNotFound(ValueError):
    pass


def mask_query(query: str) -> str:
    """What could identify a citizen (BSN, postcode, e-mail) never gets stored: the search
    log's own scrubbing, so both logs hold the same text."""
    return scrub(query or "")


def find_entry(kind: object, slug: object) -> Page:
    """A live product ("product") or knowledge article ("article") by slug."""
    model = ENTRY_TYPES.get(str(kind))
    if model is None:
        raise ValueError("Soort moet 'product' of 'article' zijn.")
    if not isinstance(slug, str) or not slug:
        raise ValueError("Geef de slug van het product of artikel.")
    page = model.objects.live().public().filter(slug=slug[:255]).first()
    if page is None:
        raise EntryNotFound(f"Geen gepubliceerd {kind} met slug '{slug}'.")
    return page


def send_feedback(kind: str, *, page: Page | None, query: str, remark: str, user):
    from cms.feedback import report_feedback

    return report_feedback(kind, page=page, query=mask_query(query), remark=remark, user=user)


def _log_id(search_id) -> int | None:
    try:
        return int(search_id) if search_id not in (None, "") else None
    except (TypeError, ValueError):
        return None


@transaction.atomic
def record_event(
    event: str,
    page: Page,
    *,
    query: str = "",
    search_id=None,
    position: int | None = None,
) -> None:
    if event not in ConsoleAction.Kind.values:
        raise ValueError(f"Onbekende gebeurtenis: {event!r}.")
    log_id = _log_id(search_id)
    if event == ConsoleAction.Kind.OPENED:
        # The search analytics own "which result was opened"; without a search there is nothing
        # to attach it to (e.g. a related article opened from an answer).
        if log_id is not None:
            record_opened(log_id, page.pk, min(position, 32767) if position else None)
        return
    ConsoleAction.objects.create(
        kind=event, page=page, query=mask_query(query), search_log_id=log_id
    )
