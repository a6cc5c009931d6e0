"""Per-process facts about every indexed document: facet signature, type and title length.

Facet counts need the facets of *every* match; reading them from the index costs a row
lookup per match (330 ms for 20,000 matches on SQLite). Here they are read once and then
refreshed incrementally: documents share few facet combinations ("signatures"), so a count
is a Counter over small integers. The cache is checked against IndexState.version on every
search and reloads the rows indexed recently, so counts are exact after a publish.
Removed documents may linger in the cache; they never match again, so they never count.
"""

from __future__ import annotations

import heapq
import threading
from collections import Counter
from collections.abc import Iterable
from datetime import UTC, timedelta

from django.db import connection
from django.utils import timezone

from .. import vocabulary
from .base import SearchFilters, disjunctive_facet_counts

DOC_TABLE = "pdcsearch_indexeddocument"
MARGIN = timedelta(minutes=2)  # rows committed late by concurrent writers


class DocumentFacts:
    def __init__(self) -> None:
        self.version: int | None = None
        self.loaded_until = None
        self.signature_of: dict[int, int] = {}
        self.signatures: list[tuple[str, ...]] = []
        self._signature_ids: dict[tuple[str, ...], int] = {}
        self.is_product: dict[int, bool] = {}
        self.static_rank: dict[int, int] = {}
        self.alias: str = ""
        self._lock = threading.Lock()

    def refresh(self) -> DocumentFacts:
        version = vocabulary.current_version()
        alias = connection.alias + str(connection.settings_dict.get("NAME"))
        if version == self.version and alias == self.alias:
            return self
        with self._lock:
            if alias != self.alias:
                self.__init__()
                self.alias = alias
            sql = (
                f"SELECT page_id, facets, content_type, length(title), indexed_at FROM {DOC_TABLE}"
            )
            params: list = []
            if self.loaded_until is not None:
                sql += " WHERE indexed_at >= %s"
                since = self.loaded_until - MARGIN
                if connection.vendor == "sqlite":  # stored as text by datetime('now')
                    since = since.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
                params.append(since)
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                rows = cursor.fetchall()
            latest = self.loaded_until
            for page_id, facets, content_type, title_length, indexed_at in rows:
                key = tuple(sorted(facets.split()))
                signature = self._signature_ids.get(key)
                if signature is None:
                    signature = self._signature_ids[key] = len(self.signatures)
                    self.signatures.append(key)
                self.signature_of[page_id] = signature
                self.is_product[page_id] = content_type == "product"
                self.static_rank[page_id] = (0 if content_type == "product" else 1_000) + min(
                    title_length or 0, 999
                )
                if isinstance(indexed_at, str):
                    indexed_at = _parse(indexed_at)
                if latest is None or (indexed_at and indexed_at > latest):
                    latest = indexed_at
            self.loaded_until = latest or timezone.now()
            self.version = version
        return self

    def facet_counts(
        self, page_ids: Iterable[int], selected: dict[str, list[str]] | None = None
    ) -> dict[str, dict[str, int]]:
        """Counts per facet value; `page_ids` match the query without filters, `selected`
        are the filters (see `disjunctive_facet_counts`)."""
        per_signature = Counter(map(self.signature_of.get, page_ids))
        per_signature.pop(None, None)
        return disjunctive_facet_counts(
            ((self.signatures[s], n) for s, n in per_signature.items()), selected or {}
        )

    def accepted(self, page_ids: Iterable[int], filters: SearchFilters) -> list[int]:
        """The ids whose facets pass `filters` (as the index's own filtering would)."""
        passes = [filters.accepts(signature) for signature in self.signatures]
        signature_of = self.signature_of
        return [i for i in page_ids if (s := signature_of.get(i)) is not None and passes[s]]

    def smallest(self, n: int, page_ids: list[int]) -> list[int]:
        """The `n` ids first in static order (products, short titles); C-speed keys."""
        rank = self.static_rank
        return heapq.nsmallest(n, page_ids, key=lambda i: rank.get(i, 2_000))


def _parse(value: str):
    from django.utils.dateparse import parse_datetime

    parsed = parse_datetime(value)
    if parsed is not None and timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed, UTC)
    return parsed


_facts = DocumentFacts()


def facts() -> DocumentFacts:
    return _facts.refresh()
