"""What the console records: reports to the editors, opened results and answered contacts.

Reports go through cms.feedback (the editors' task list); opened results go into the search
log of the search app; "this answered the contact" is kept here (ConsoleAction).
"""

import re

from django.db import transaction
from wagtail.models import Page

from catalogue.models import KnowledgeArticlePage, ProductPage

from .models import ConsoleAction

ENTRY_TYPES = {"product": ProductPage, "article": KnowledgeArticlePage}
_DIGITS = re.compile(r"\d")


class EntryNotFound(ValueError):
    pass


def mask_query(query: str) -> str:
    """Numbers in a query may be a citizen's BSN, phone or address: never store them."""
    return _DIGITS.sub("#", query or "")[:200]


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


def _search_log(search_id):
    """The search log row of the search the result came from, if the search app has one."""
    try:
        from search.models import SearchLog
    except ImportError:  # pragma: no cover
        return None
    try:
        return SearchLog.objects.filter(pk=int(search_id)).first() if search_id else None
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
    log = _search_log(search_id)
    if event == ConsoleAction.Kind.OPENED:
        # The search analytics own "which result was opened"; without a search there is nothing
        # to attach it to (e.g. a related article opened from an answer).
        if log is not None:
            from search.models import ResultOpened

            ResultOpened.objects.create(
                log=log, page_id=page.pk, position=min(position, 32767) if position else None
            )
        return
    ConsoleAction.objects.create(
        kind=event, page=page, query=mask_query(query), search_log_id=log.pk if log else None
    )
