"""Keeping the index current: index, remove and rebuild, for the database engine and the outbox.

The database engine is written directly, in the caller's transaction. An external engine
(Elasticsearch) gets an outbox row in that same transaction; the outbox is pushed after
commit and, when the engine is down, stays until a later push (or
`manage.py process_search_outbox`) succeeds. Nothing is lost either way.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from django.db import connection, transaction
from django.db.models import F
from wagtail.models import Page

from .documents import build_documents, count_live, indexed_models
from .engines import EngineUnavailable, database_engine, external_engine
from .models import OutboxEntry

logger = logging.getLogger(__name__)
OUTBOX_BATCH = 200


def index_pages(page_ids: Iterable[int]) -> None:
    """(Re)index pages; pages that are not (or no longer) live and public are removed."""
    ids = sorted(set(page_ids))
    if not ids:
        return
    documents = list(build_documents(ids))
    found = {d.page_id for d in documents}
    gone = [i for i in ids if i not in found]
    with transaction.atomic():
        database = database_engine()
        database.index_documents(documents)
        database.remove_documents(gone)
        _enqueue(
            [(i, OutboxEntry.INDEX) for i in sorted(found)]
            + [(i, OutboxEntry.REMOVE) for i in gone]
        )


def remove_pages(page_ids: Iterable[int]) -> None:
    ids = sorted(set(page_ids))
    if not ids:
        return
    with transaction.atomic():
        database_engine().remove_documents(ids)
        _enqueue([(i, OutboxEntry.REMOVE) for i in ids])


def subtree_ids(page: Page) -> list[int]:
    """Indexed-type pages at or below `page`."""
    return list(
        Page.objects.descendant_of(page, inclusive=True)
        .type(*indexed_models())
        .values_list("id", flat=True)
    )


def rebuild(progress: Callable[[int], None] = lambda done: None, engine=None) -> int:
    """Rebuild one engine's index from all live pages (the database engine by default)."""
    engine = engine or database_engine()
    total = count_live()
    return engine.rebuild(build_documents(), total, progress)


# --- Outbox ----------------------------------------------------------------------------------


def _enqueue(items: list[tuple[int, str]]) -> None:
    engine = external_engine()
    if engine is None or not items:
        return
    OutboxEntry.objects.bulk_create(
        [
            OutboxEntry(engine=engine.name, page_id=page_id, action=action)
            for page_id, action in items
        ]
    )
    transaction.on_commit(process_outbox)


def process_outbox(limit: int | None = None) -> int:
    """Push pending updates to the external engine, oldest first. Returns how many were sent.

    Stops at the first failure so updates are applied in order; the rows stay for next time.
    Several drains may run at once (after-commit hooks of concurrent requests, cron): each
    batch is locked with SKIP LOCKED where the database has it (PostgreSQL), so a row is
    sent by one drain only and no drain waits for another.
    """
    engine = external_engine()
    if engine is None:
        return 0
    sent = 0
    while limit is None or sent < limit:
        with transaction.atomic():
            entries, skipped = _claim_batch(engine.name)
            if not entries:
                break
            if not _send(engine, entries):
                break
            OutboxEntry.objects.filter(id__in=[e.id for e in entries]).delete()
        sent += len(entries)
        if skipped:
            break  # the rest of those pages belongs to a drain running now
    return sent


def _claim_batch(engine_name: str) -> tuple[list[OutboxEntry], bool]:
    """The oldest pending rows this drain may send, locked until its transaction ends.

    A page with an older row locked by another drain is left out (its rows stay for later):
    that drain might otherwise send an older state of the page after this one. Returns the
    rows, and whether any were left out.
    """
    rows = OutboxEntry.objects.filter(engine=engine_name).order_by("id")
    if not connection.features.has_select_for_update_skip_locked:
        # SQLite: one writer at a time; a second drain may resend a row (idempotent updates).
        return list(rows[:OUTBOX_BATCH]), False
    entries = list(rows.select_for_update(skip_locked=True)[:OUTBOX_BATCH])
    if not entries:
        return [], False
    mine = {e.id for e in entries}
    busy = set(
        rows.filter(page_id__in={e.page_id for e in entries}, id__lt=max(mine))
        .exclude(id__in=mine)
        .values_list("page_id", flat=True)
    )
    return [e for e in entries if e.page_id not in busy], bool(busy)


def _send(engine, entries: list[OutboxEntry]) -> bool:
    """Apply a batch to the engine; on failure note the error on the rows and return False."""
    # The latest action per page wins; the rows carry ids only, documents are built now.
    latest: dict[int, str] = {}
    for entry in entries:
        latest[entry.page_id] = entry.action
    to_index = [i for i, action in latest.items() if action == OutboxEntry.INDEX]
    to_remove = [i for i, action in latest.items() if action == OutboxEntry.REMOVE]
    try:
        documents = list(build_documents(to_index))
        found = {d.page_id for d in documents}
        engine.index_documents(documents)
        engine.remove_documents(to_remove + [i for i in to_index if i not in found])
    except (EngineUnavailable, ConnectionError, OSError) as error:
        OutboxEntry.objects.filter(id__in=[e.id for e in entries]).update(
            last_error=str(error)[:500], attempts=F("attempts") + 1
        )
        logger.warning("Search outbox: %s unavailable, %d updates wait", engine.name, len(entries))
        return False
    return True


def pending_outbox() -> int:
    engine = external_engine()
    return OutboxEntry.objects.filter(engine=engine.name).count() if engine else 0
