"""Per-process caches of the index vocabulary and the editors' synonyms.

The vocabulary (term -> document count) feeds typo correction, compound splitting and
joining. It is reloaded when the index changed (IndexState.version, a random number so a
rolled-back transaction never looks current) and the cache is older than
SEARCH_VOCABULARY_REFRESH_SECONDS. Exact matching never depends on this cache: the
index itself is always current.
"""

from __future__ import annotations

import random
import threading
import time

from django.conf import settings
from django.db import connection

from .query import SynonymTable, Vocabulary

_lock = threading.Lock()
_vocabulary: dict = {"version": None, "loaded": 0.0, "value": None}
_synonyms: dict = {"key": None, "value": None, "raw": None}


def current_version() -> int | None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT version FROM pdcsearch_indexstate WHERE id = 1")
        row = cursor.fetchone()
    return row[0] if row else None


def bump_version() -> None:
    value = random.getrandbits(62)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE pdcsearch_indexstate SET version = %s WHERE id = 1", [value])
        if cursor.rowcount == 0:
            cursor.execute("INSERT INTO pdcsearch_indexstate (id, version) VALUES (1, %s)", [value])
    invalidate()


def invalidate() -> None:
    _vocabulary["version"] = None


def get_vocabulary() -> Vocabulary:
    refresh = getattr(settings, "SEARCH_VOCABULARY_REFRESH_SECONDS", 10)
    cached = _vocabulary["value"]
    now = time.monotonic()
    if cached is not None and now - _vocabulary["loaded"] < refresh:
        return cached
    version = current_version()
    if cached is not None and version == _vocabulary["version"]:
        _vocabulary["loaded"] = now
        return cached
    with _lock:
        with connection.cursor() as cursor:
            cursor.execute("SELECT term, word, documents FROM pdcsearch_term")
            rows = cursor.fetchall()
            cursor.execute("SELECT COUNT(*) FROM pdcsearch_indexeddocument")
            documents = cursor.fetchone()[0]
        value = Vocabulary({t: n for t, _, n in rows}, {t: w for t, w, _ in rows}, documents)
        _vocabulary.update(version=version, loaded=now, value=value)
    return value


def get_synonyms() -> tuple[SynonymTable, list[tuple[list[str], bool]]]:
    """The synonym table for the planner and the raw groups (for other engines)."""
    from .models import Synonym

    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT COUNT(*), MAX(id), MAX(updated_at) FROM {Synonym._meta.db_table}"  # noqa: S608
        )
        key = cursor.fetchone()
    if _synonyms["key"] != key or _synonyms["value"] is None:
        raw = [(s.term_list, s.one_way) for s in Synonym.objects.all()]
        _synonyms.update(key=key, value=SynonymTable.from_texts(raw), raw=raw)
    return _synonyms["value"], _synonyms["raw"]
