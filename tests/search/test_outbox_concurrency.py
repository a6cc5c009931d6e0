"""Concurrent outbox drains: every update is sent once, and no drain waits for another.

Needs real concurrent transactions, so it runs on PostgreSQL (SKIP LOCKED) only; the rows
are committed by helper threads with connections of their own, and removed afterwards.
"""

import threading

import pytest
from django.db import connection
from django.test import override_settings

from search import engines, indexer
from search.engines.base import SearchEngine
from search.models import OutboxEntry

pytestmark = pytest.mark.django_db

ENGINE = "recording"
BASE = 900_000_000  # page ids no page has: sending them means "remove", nothing is built


class RecordingEngine(SearchEngine):
    """Records removals; the first call blocks until released (a slow Elasticsearch)."""

    name = ENGINE

    def __init__(self) -> None:
        self.removed: list[int] = []
        self.lock = threading.Lock()
        self.started = threading.Event()
        self.release = threading.Event()
        self.calls = 0

    def remove_documents(self, page_ids):
        with self.lock:
            self.calls += 1
            first = self.calls == 1
        if first:
            self.started.set()
            assert self.release.wait(30), "never released"
        with self.lock:
            self.removed += list(page_ids)

    def index_documents(self, documents):
        assert not documents

    def rebuild(self, documents, total, progress):
        return 0

    def search(self, request):
        raise NotImplementedError

    def suggest(self, prefix, limit=8):
        return []

    def document_count(self):
        return 0


def in_thread(function, *args):
    """Run `function` in a thread with its own database connection (autocommit)."""
    outcome = {}

    def run():
        try:
            outcome["value"] = function(*args)
        except BaseException as error:  # reported by the caller
            outcome["error"] = error
        finally:
            connection.close()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, outcome


def committed(function, *args):
    thread, outcome = in_thread(function, *args)
    thread.join(30)
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


def enqueue(page_ids):
    OutboxEntry.objects.bulk_create(
        [OutboxEntry(engine=ENGINE, page_id=i, action=OutboxEntry.REMOVE) for i in page_ids]
    )


@pytest.fixture
def recording(monkeypatch):
    if not connection.features.has_select_for_update_skip_locked:
        pytest.skip("needs SELECT ... FOR UPDATE SKIP LOCKED (PostgreSQL)")
    engine = RecordingEngine()
    monkeypatch.setitem(engines.ENGINES, ENGINE, "unused.path")
    monkeypatch.setitem(engines._instances, ENGINE, engine)
    with override_settings(SEARCH_ENGINE=ENGINE):
        yield engine
        engine.release.set()
        committed(lambda: OutboxEntry.objects.filter(engine=ENGINE).delete())


def test_concurrent_drains_send_each_update_once_without_waiting(recording):
    first_batch = [BASE + n for n in range(50)]
    committed(enqueue, first_batch)

    slow, slow_outcome = in_thread(indexer.process_outbox)
    assert recording.started.wait(30)  # the slow drain holds all 50 rows, mid-send

    # Meanwhile: a newer update of a page the slow drain is sending, and one of a new page.
    committed(enqueue, [BASE, BASE + 1000])
    fast, fast_outcome = in_thread(indexer.process_outbox)
    fast.join(10)
    assert not fast.is_alive(), "the second drain waited for the first"
    assert "error" not in fast_outcome
    # It skipped the locked rows and the page whose older row is being sent.
    assert fast_outcome["value"] == 1 and recording.removed == [BASE + 1000]

    recording.release.set()
    slow.join(30)
    # Its 50 rows, then (next round, now that its older row is gone) page BASE's newer row.
    assert slow_outcome.get("value") == 51
    assert committed(indexer.process_outbox) == 0

    assert sorted(recording.removed) == sorted([*first_batch, BASE, BASE + 1000])
    assert recording.removed[-1] == BASE
    assert not committed(lambda: OutboxEntry.objects.filter(engine=ENGINE).exists())
