"""The embedded default engine: full-text search in the content's own database.

SQLite: an FTS5 table (`pdcsearch_fts`, rowid = page id, one column per weighted field,
bm25 with per-column weights). PostgreSQL: a tsvector column with one weight label per
field (title A, keywords B, summary C, body D), a GIN index and ts_rank.

Both index the same pre-analysed terms (see search.analysis), so stemming, folding,
compounds, synonyms and typo handling behave the same on both; only the ranking formula
differs. Writes go through the caller's connection, so a page and its index entry are
committed (or rolled back) together.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from contextlib import contextmanager
from dataclasses import replace

from django.db import connection, transaction

from .. import analysis, vocabulary
from ..query import (
    Node,
    QueryPlan,
    plan_query,
    prefix_plan,
    to_fts5,
    to_tsquery,
    without_phrases,
)
from ..ranking import Reranker
from . import doccache
from .base import (
    Document,
    EngineHit,
    EngineResult,
    SearchEngine,
    SearchFilters,
    SearchRequest,
    Suggestion,
    merge_suggestions,
)

DOC_TABLE = "pdcsearch_indexeddocument"
TERM_TABLE = "pdcsearch_term"
FTS_TABLE = "pdcsearch_fts"
# Same definition as migration 0002 (pre-analysed terms; facet tokens keep underscores).
FTS_CREATE = (
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5("
    "title, keywords, summary, body, facets, "
    "tokenize = \"unicode61 remove_diacritics 0 tokenchars '_'\", prefix = '2 3 4')"
)
FIELDS = ("title", "keywords", "summary", "body")
BATCH = 500
RERANK_WINDOW = 50  # candidates re-scored on title and keywords
MIN_STRICT = 3  # fewer pages with every word: also rank pages with some of them
RELAXED_PENALTY = 0.5
FULL_RANK = 1000  # more matches than this: rank title/keyword matches (see _scores)
SUGGEST_POOL = 2000  # title matches considered for suggestions


class DocumentAnalyser:
    """Turns documents into analysed field text, splitting compounds against `known`."""

    def __init__(self, known: Callable[[str], int]) -> None:
        self.known = known
        self._memo: dict[str, tuple[str, ...]] = {}
        self._joined: dict[str, str] = {}
        self.words: dict[str, str] = {}  # term -> shortest surface word seen

    def tokens(self, word: str) -> tuple[str, ...]:
        found = self._memo.get(word)
        if found is None:
            if (len(word) < 2 and not word.isdigit()) or analysis.is_stop_word(word):
                found = ()
            else:
                term = analysis.stem(word)
                parts = analysis.split_compound(word, self.known)
                found = (term, *parts) if parts else (term,)
                seen = self.words.get(term)
                if seen is None or len(word) < len(seen):
                    self.words[term] = word
            self._memo[word] = found
        return found

    def field_text(self, text: str) -> list[str]:
        return self.field_string(text).split()

    def field_string(self, text: str) -> str:
        """Analysed terms of a text, space-separated. Word lookups run at C speed (memo)."""
        words = analysis.raw_words(text)
        joined = self._joined
        for word in set(words).difference(joined):
            joined[word] = " ".join(self.tokens(word))
        return " ".join(filter(None, map(joined.__getitem__, words)))

    def analyse(self, document: Document) -> tuple[list[str], set[str]]:
        """Analysed text per field (title, keywords, summary, body) and the distinct terms."""
        fields = [
            self.field_string(document.title),
            self.field_string(document.keywords),
            self.field_string(document.summary),
            self.field_string(document.body),
        ]
        return fields, set(" ".join(fields).split())

    def short_terms(self, document: Document) -> set[str]:
        """Terms of title, keywords and summary (the vocabulary compounds are split against)."""
        text = f"{document.title} {document.keywords} {document.summary}"
        return set(self.field_string(text).split())


class DatabaseEngine(SearchEngine):
    name = "database"
    transactional = True

    @property
    def vendor(self) -> str:
        return connection.vendor

    # --- writing ---------------------------------------------------------------------------

    def index_documents(self, documents: Sequence[Document]) -> None:
        if not documents:
            return
        known_vocabulary = vocabulary.get_vocabulary()
        own: Counter[str] = Counter()
        for document in documents:
            own.update(analysis.analyse(f"{document.title} {document.keywords} {document.summary}"))
        analyser = DocumentAnalyser(lambda t: known_vocabulary.count(t) or own.get(t, 0))
        with transaction.atomic():
            delta = self._remove(ids := [d.page_id for d in documents])
            rows = []
            for document in documents:
                texts, terms = analyser.analyse(document)
                delta.update(dict.fromkeys(terms, 1))
                rows.append((document, texts, terms))
            self._insert(rows)
            self._apply_delta(delta, analyser.words)
            vocabulary.bump_version()
        del ids

    def remove_documents(self, page_ids: Sequence[int]) -> None:
        if not page_ids:
            return
        with transaction.atomic():
            delta = self._remove(list(page_ids))
            if delta:
                self._apply_delta(delta, {})
                vocabulary.bump_version()

    def rebuild(
        self, documents: Iterable[Document], total: int, progress: Callable[[int], None]
    ) -> int:
        docs = list(documents)
        # Pass 1 (short fields only, cheap): the vocabulary compounds are split against.
        counting = DocumentAnalyser(lambda t: 0)
        first_pass: Counter[str] = Counter()
        for document in docs:
            first_pass.update(counting.short_terms(document))
        analyser = DocumentAnalyser(
            lambda t: first_pass.get(t, 0) if first_pass.get(t, 0) > 1 else 0
        )
        frequencies: Counter[str] = Counter()
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {DOC_TABLE}")
                cursor.execute(f"DELETE FROM {TERM_TABLE}")
                if self.vendor == "sqlite":
                    # Dropping is far faster than deleting 60,000 rows token by token.
                    cursor.execute(f"DROP TABLE {FTS_TABLE}")
                    cursor.execute(FTS_CREATE)
            done = 0
            for start in range(0, len(docs), BATCH):
                rows = []
                for document in docs[start : start + BATCH]:
                    texts, terms = analyser.analyse(document)
                    frequencies.update(terms)
                    rows.append((document, texts, terms))
                self._insert(rows)
                done += len(rows)
                progress(done)
            words = {**counting.words, **analyser.words}
            with connection.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO {TERM_TABLE} (term, word, documents) VALUES (%s, %s, %s)",
                    [(t[:100], words.get(t, t)[:100], n) for t, n in frequencies.items()],
                )
            vocabulary.bump_version()
        if self.vendor == "postgresql":
            with connection.cursor() as cursor:
                # Move the GIN "pending list" of the bulk load into the indexes: left there,
                # every search would scan it (about 40 ms here); then fresh planner statistics.
                for index in (
                    "pdcsearch_doc_vector",
                    "pdcsearch_doc_head",
                    "pdcsearch_doc_title",
                    "pdcsearch_doc_facets",
                ):
                    cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [index])
                cursor.execute(f"ANALYZE {DOC_TABLE}")
        return len(docs)

    def _remove(self, ids: list[int]) -> Counter[str]:
        """Delete documents; returns the vocabulary change (negative counts)."""
        delta: Counter[str] = Counter()
        with connection.cursor() as cursor:
            for start in range(0, len(ids), BATCH):
                chunk = ids[start : start + BATCH]
                marks = ", ".join(["%s"] * len(chunk))
                cursor.execute(f"SELECT terms FROM {DOC_TABLE} WHERE page_id IN ({marks})", chunk)
                for (terms,) in cursor.fetchall():
                    delta.update(dict.fromkeys(terms.split(), -1))
                cursor.execute(f"DELETE FROM {DOC_TABLE} WHERE page_id IN ({marks})", chunk)
                if self.vendor == "sqlite":
                    cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({marks})", chunk)
        return delta

    def _insert(self, rows: list[tuple[Document, list[str], set[str]]]) -> None:
        doc_rows = [
            (
                d.page_id,
                d.content_type,
                d.title[:255],
                d.keywords,
                d.summary,
                d.snippet_text,
                d.url[:500],
                " ".join(d.facet_tokens()),
                " ".join(sorted(terms)),
            )
            for d, _, terms in rows
        ]
        columns = (
            "page_id, content_type, title, keywords, summary, body, url, facets, terms, indexed_at"
        )
        with connection.cursor() as cursor:
            if self.vendor == "postgresql":
                cursor.executemany(
                    f"INSERT INTO {DOC_TABLE} "
                    f"({columns}, search_vector, facet_tokens, head_vector, title_vector) VALUES "
                    "(%s, %s, %s, %s, %s, %s, %s, %s, %s, now(), "
                    "setweight(to_tsvector('simple', %s), 'A') || "
                    "setweight(to_tsvector('simple', %s), 'B') || "
                    "setweight(to_tsvector('simple', %s), 'C') || "
                    "setweight(to_tsvector('simple', %s), 'D'), "
                    "string_to_array(%s, ' '), "
                    "setweight(to_tsvector('simple', %s), 'A') || "
                    "setweight(to_tsvector('simple', %s), 'B'), "
                    "strip(to_tsvector('simple', %s)))",
                    [
                        (*row, *texts, row[7], texts[0], texts[1], texts[0])
                        for row, (_, texts, _) in zip(doc_rows, rows, strict=True)
                    ],
                )
            else:
                cursor.executemany(
                    f"INSERT INTO {DOC_TABLE} ({columns}) VALUES "
                    "(%s, %s, %s, %s, %s, %s, %s, %s, %s, datetime('now'))",
                    doc_rows,
                )
                cursor.executemany(
                    f"INSERT INTO {FTS_TABLE} (rowid, title, keywords, summary, body, facets) "
                    "VALUES (%s, %s, %s, %s, %s, %s)",
                    [(d.page_id, *texts, " ".join(d.facet_tokens())) for d, texts, _ in rows],
                )

    def _apply_delta(self, delta: Counter[str], words: dict[str, str]) -> None:
        changes = [(t[:100], words.get(t, t)[:100], n) for t, n in delta.items() if n]
        if not changes:
            return
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {TERM_TABLE} (term, word, documents) VALUES (%s, %s, %s) "
                f"ON CONFLICT (term) DO UPDATE SET documents = {TERM_TABLE}.documents + excluded.documents",
                changes,
            )
            cursor.execute(f"DELETE FROM {TERM_TABLE} WHERE documents <= 0")

    def document_count(self) -> int:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM {DOC_TABLE}")
            return cursor.fetchone()[0]

    # --- searching -------------------------------------------------------------------------

    def plan(self, text: str, synonyms) -> QueryPlan:
        return plan_query(text, vocabulary.get_vocabulary(), synonyms)

    def search(self, request: SearchRequest) -> EngineResult:
        # Caches first: their checks are small-table scans the index-only mode would slow down.
        synonym_table, _ = vocabulary.get_synonyms()
        vocabulary.get_vocabulary()
        facts = doccache.facts()
        with self._index_only():
            return self._search(request, synonym_table, facts)

    @contextmanager
    def _index_only(self):
        """On PostgreSQL, never a sequential scan for these queries.

        The planner prices a scan of the (narrow) table low because it does not count
        reading every row's out-of-line tsvector: 200 ms instead of 5 ms with the GIN index.
        """
        if self.vendor != "postgresql":
            yield
            return
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            try:
                yield
            finally:
                cursor.execute("SET LOCAL enable_seqscan = on")

    def _search(
        self, request: SearchRequest, synonym_table, facts: doccache.DocumentFacts
    ) -> EngineResult:
        plan = self.plan(request.text, synonym_table)
        result = EngineResult(hits=[], total=0, engine=self.name)
        if plan.empty:
            return result
        selected = request.filters.tokens_by_group()
        # Facet counts ignore the filter on their own group: they count the matches of the
        # query under the *other* filters (see base.disjunctive_facet_counts). So with
        # filters, match once without them and apply the filters to the cached facets.
        split = bool(selected) and request.with_facets
        everything = replace(request, filters=SearchFilters()) if split else request

        def matches(node: Node) -> tuple[list[int], list[int]]:
            """(matches under the filters, matches without them)"""
            found = self._match_ids(node, everything)
            return (facts.accepted(found, request.filters) if split else found), found

        strict_node = plan.strict()
        node = strict_node
        ids, unfiltered = matches(strict_node)
        strict_ids: set[int] | None = None
        if len(plan.groups) > 1 and len(ids) < MIN_STRICT:
            # Few pages hold every word: let pages with most of them in too, ranked lower.
            relaxed_ids, relaxed_unfiltered = matches(plan.relaxed())
            if len(relaxed_ids) > len(ids):
                strict_ids = set(ids)
                result.relaxed = not ids
                node, ids, unfiltered = plan.relaxed(), relaxed_ids, relaxed_unfiltered
        result.total = len(ids)
        result.pinned_matched = set(request.pinned).intersection(ids)
        if request.with_facets:
            result.facets = facts.facet_counts(unfiltered, selected)
        if not ids:
            result.suggestion = self._did_you_mean(plan, request, synonym_table)
            return result
        result.corrected_query = plan.corrected_text
        boost = request.weights.product_boost
        window = max(RERANK_WINDOW, request.offset + request.limit)
        scored = []
        for page_id, score in self._scores(node, request, ids, facts, window):
            if facts.is_product.get(page_id):
                score *= boost
            if strict_ids is not None and page_id not in strict_ids:
                score *= RELAXED_PENALTY
            scored.append((page_id, score))
        candidates = heapq.nlargest(window, scored, key=lambda m: (m[1], -m[0]))
        ranked = self._rerank(candidates[:RERANK_WINDOW], plan) + candidates[RERANK_WINDOW:]
        result.hits = self._hits(ranked[request.offset : request.offset + request.limit], plan)
        return result

    def _rerank(
        self, candidates: list[tuple[int, float]], plan: QueryPlan
    ) -> list[tuple[int, float]]:
        """Re-score the best candidates on title and keyword evidence (search.ranking)."""
        if not candidates:
            return []
        known = vocabulary.get_vocabulary()
        analyser = known.cached("analyser", lambda: DocumentAnalyser(known.count))
        fields_cache: dict = known.cached("fields", dict)
        reranker = Reranker(plan.groups, known.count, known.documents)
        ids = [page_id for page_id, _ in candidates]
        marks = ", ".join(["%s"] * len(ids))
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT page_id, title, keywords FROM {DOC_TABLE} WHERE page_id IN ({marks})", ids
            )
            fields = {row[0]: row[1:] for row in cursor.fetchall()}
        rescored = []
        for page_id, score in candidates:
            title, keywords = fields.get(page_id, ("", ""))
            cached = fields_cache.get(page_id)
            if cached is None or cached[0] != (title, keywords):
                cached = (
                    (title, keywords),
                    set(analyser.field_text(title)),
                    [set(analyser.field_text(k)) for k in keywords.split(",") if k.strip()],
                )
                if len(fields_cache) < 200_000:
                    fields_cache[page_id] = cached
            rescored.append((page_id, score * reranker.multiplier(cached[1], cached[2])))
        rescored.sort(key=lambda item: (-item[1], item[0]))
        return rescored

    def _filter_sql(self, request: SearchRequest) -> tuple[str, list]:
        groups = request.filters.token_groups()
        if self.vendor == "postgresql":
            return "".join(" AND facet_tokens && %s::text[]" for _ in groups), list(groups)
        return "".join(
            " AND facets : (" + " OR ".join(_fts5_string(t) for t in group) + ")"
            for group in groups
        ), []

    def _match_ids(self, node: Node, request: SearchRequest) -> list[int]:
        """Ids of every matching document (index lookups only, no scoring)."""
        filters, params = self._filter_sql(request)
        if self.vendor == "postgresql":
            return self._pg_match_ids(node, filters, params)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",
                [to_fts5(node) + filters],
            )
            return [row[0] for row in cursor.fetchall()]

    def _pg_match_ids(self, node: Node, filters: str, params: list) -> list[int]:
        """PostgreSQL matches; a phrase (`<->`) is rechecked only where it decides.

        With a phrase in the query PostgreSQL rechecks every GIN candidate against its
        out-of-line vector (40-90 ms for thousands of candidates). Often the phrase adds
        nothing ("eID aanvragen": every page with "id kaart" also says "identiteitskaart"),
        so first ask the index, exactly, for the pages that hold all of the phrases' words
        (candidates) and for those the query matches without its phrases (certain). Only
        the candidates in between are checked against their vectors.
        """
        exact = to_tsquery(node)
        loose = to_tsquery(node, phrases=False)

        def ids_for(query: str) -> list[int]:
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT page_id FROM {DOC_TABLE} WHERE search_vector @@ "
                    f"to_tsquery('simple', %s){filters}",
                    [query, *params],
                )
                return [row[0] for row in cursor.fetchall()]

        if loose == exact:
            return ids_for(exact)
        candidates = ids_for(loose)
        certain_node = without_phrases(node)
        certain = set(ids_for(to_tsquery(certain_node))) if certain_node is not None else set()
        uncertain = [page_id for page_id in candidates if page_id not in certain]
        if not uncertain:
            return candidates
        if len(uncertain) * 2 > len(candidates):
            # Mostly uncertain ("uittreksel gba"): one recheck in the bitmap scan is cheaper.
            return ids_for(exact)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT page_id FROM {DOC_TABLE} WHERE page_id = ANY(%s) "
                f"AND search_vector @@ to_tsquery('simple', %s)",
                [uncertain, exact],
            )
            confirmed = {row[0] for row in cursor.fetchall()}
        return [page_id for page_id in candidates if page_id in certain or page_id in confirmed]

    def _scores(
        self, node: Node, request: SearchRequest, ids: list[int], facts, window: int
    ) -> list[tuple[int, float]]:
        """(page id, relevance: higher is better) for the documents worth ranking.

        Up to FULL_RANK matches are all scored with bm25 / ts_rank. Beyond that (a word
        found in a third of the catalogue) scoring every match costs hundreds of
        milliseconds, so candidates are the documents that match in title or keywords,
        products first and shortest titles first; the reranker then orders them on title
        and keyword evidence (search.ranking).
        """
        w = request.weights
        filters, params = self._filter_sql(request)
        if len(ids) > FULL_RANK:
            with connection.cursor() as cursor:
                if self.vendor == "sqlite":
                    cursor.execute(
                        f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",
                        ["{title keywords} : " + to_fts5(node) + filters],
                    )
                else:
                    cursor.execute(
                        f"SELECT page_id FROM {DOC_TABLE} WHERE head_vector @@ "
                        f"to_tsquery('simple', %s){filters}",
                        [to_tsquery(node), *params],
                    )
                head = [row[0] for row in cursor.fetchall()]
            pool = facts.smallest(max(RERANK_WINDOW, window), head or ids)
            return [(page_id, 1.0 / (1 + position)) for position, page_id in enumerate(pool)]
        with connection.cursor() as cursor:
            if self.vendor == "postgresql":
                top = max(w.title, w.keywords, w.summary, w.body, 0.001)
                weights = [w.body / top, w.summary / top, w.keywords / top, w.title / top]
                # The matches are known: rank them by id. Matching again would recheck every
                # candidate of the GIN index (phrases: thousands of rows) a second time.
                cursor.execute(
                    f"SELECT page_id, ts_rank(%s::float4[], search_vector, q) "
                    f"FROM {DOC_TABLE}, to_tsquery('simple', %s) AS q "
                    f"WHERE page_id = ANY(%s)",
                    [weights, to_tsquery(node), ids],
                )
                return cursor.fetchall()
            cursor.execute(
                f"SELECT rowid, -bm25({FTS_TABLE}, %s, %s, %s, %s, 0.0) "
                f"FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",
                [w.title, w.keywords, w.summary, w.body, to_fts5(node) + filters],
            )
            return cursor.fetchall()

    def _hits(self, top: list[tuple[int, float]], plan: QueryPlan) -> list[EngineHit]:
        if not top:
            return []
        ids = [page_id for page_id, _ in top]
        marks = ", ".join(["%s"] * len(ids))
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT page_id, content_type, title, summary, body, url FROM {DOC_TABLE} "
                f"WHERE page_id IN ({marks})",
                ids,
            )
            rows = {row[0]: row for row in cursor.fetchall()}
        highlighter = analysis.Highlighter(frozenset(plan.terms), tuple(plan.prefixes))
        hits = []
        for page_id, score in top:
            row = rows.get(page_id)
            if row is None:
                continue
            _, content_type, title, summary, body, url = row
            snippet, matched = highlighter.snippet(body)
            if not matched:
                snippet = highlighter.mark_all(summary)
            hits.append(
                EngineHit(
                    page_id=page_id,
                    content_type=content_type,
                    title=title,
                    summary=summary,
                    url=url,
                    score=score,
                    highlight=snippet,
                    title_highlight=highlighter.mark_all(title),
                )
            )
        return hits

    def _did_you_mean(self, plan: QueryPlan, request: SearchRequest, synonyms) -> str | None:
        """A nearby query that does find something, or None."""
        known = vocabulary.get_vocabulary()
        text = known.did_you_mean(plan.words)
        if text is None:
            return None
        retry = plan_query(text, known, synonyms)
        if retry.empty:
            return None
        found = self._match_ids(retry.strict(), request) or self._match_ids(
            retry.relaxed(), request
        )
        return text if found else None

    # --- suggesting ------------------------------------------------------------------------

    def suggest(self, prefix: str, limit: int = 8) -> list[Suggestion]:
        facts = doccache.facts()
        with self._index_only():
            return self._suggest(prefix, limit, facts)

    def _suggest(self, prefix: str, limit: int, facts: doccache.DocumentFacts) -> list[Suggestion]:
        nodes, _, last = prefix_plan(prefix)
        if not nodes or len(last) < 2:
            return []
        head = " ".join(analysis.words(prefix)[:-1])
        with connection.cursor() as cursor:
            word = 'word COLLATE "C"' if self.vendor == "postgresql" else "word"
            cursor.execute(
                f"SELECT word FROM {TERM_TABLE} WHERE {word} >= %s AND {word} < %s "
                "ORDER BY documents DESC LIMIT %s",
                [last, last + "\x7f", limit],
            )
            words = [w for (w,) in cursor.fetchall()]
            title_limit = max(3, limit - len(words) // 2)
            if self.vendor == "postgresql":
                # The title-only index (migration 0006): answered without reading the rows'
                # vectors, unlike filtering the title out of head_vector.
                cursor.execute(
                    f"SELECT page_id FROM {DOC_TABLE} "
                    "WHERE title_vector @@ to_tsquery('simple', %s) LIMIT %s",
                    [to_tsquery(_and(nodes)), SUGGEST_POOL],
                )
            else:
                cursor.execute(
                    f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s LIMIT %s",
                    ["title : " + to_fts5(_and(nodes)), SUGGEST_POOL],
                )
            pool = [row[0] for row in cursor.fetchall()]
            # Products first, then the shortest titles: the most general pages.
            best = facts.smallest(title_limit * 4, pool)
            titles = []
            if best:
                marks = ", ".join(["%s"] * len(best))
                cursor.execute(
                    f"SELECT page_id, title, url FROM {DOC_TABLE} WHERE page_id IN ({marks})", best
                )
                rows = {row[0]: row for row in cursor.fetchall()}
                titles = [rows[i] for i in best if i in rows]
        return merge_suggestions(
            ((title, page_id, url) for page_id, title, url in titles), words, head, limit
        )


def _and(nodes: list[Node]) -> Node:
    from ..query import all_of

    return all_of(nodes)


def _fts5_string(text: str) -> str:
    """An FTS5 string literal: a quote inside is doubled (filter values come from anyone)."""
    return '"' + text.replace('"', '""') + '"'
