"""What the console records: reports to the editors, sent summaries and answered contacts.

Reports go through cms.feedback (the editors' task list); "sent to the citizen" and "this
answered the contact" are kept here (ConsoleAction). Opened results go to the search log through
the API (mutation recordSearchResultOpened).
"""

from django.db import transaction
from wagtail.models import Page

from catalogue.models import KnowledgeArticlePage, ProductPage
from search.service import scrub

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
) -> None:
    if event not in ConsoleAction.Kind.values:
        raise ValueError(f"Onbekende gebeurtenis: {event!r}.")
    # Opened results are not recorded here: the console reports them to the search log through
    # the API's recordSearchResultOpened mutation, like any other client.
    ConsoleAction.objects.create(
        kind=event, page=page, query=mask_query(query), search_log_id=_log_id(search_id)
    )
