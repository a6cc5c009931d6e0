"""The Elasticsearch engine (scale-out), written with elasticsearch-dsl. Server line: 8.x.

Index layout (see `index_definition`): one concrete index per full rebuild, named
`<ELASTICSEARCH_INDEX>-<timestamp>-<random>`, reached through the alias `ELASTICSEARCH_INDEX`.
A rebuild fills a new index while the old one keeps answering, then swaps the alias in one
atomic `_aliases` call and deletes the old indices (zero downtime). While it loads, the
alias `<ELASTICSEARCH_INDEX>-building` points at the new index and every update is written to
both, so nothing changed during a rebuild is lost (see `rebuild`).

Dutch analysis happens inside Elasticsearch: lowercase, ASCII folding, a dictionary
decompounder fed from the content's own vocabulary (index side), Dutch stop words (the same
list as `search.analysis`), the Snowball `dutch` stemmer and "ij" written as "y" after it,
like the database engine. Prefix completion uses edge n-gram subfields and a completion field.

Query side (see `plan_query`): every query word must match (a fuzzy multi_match over the
weighted fields), or one of its alternatives: the two words around it written as one
("rij bewijs" -> "rijbewijs"), the parts of a compound ("afvalcontainer" -> "afval container"),
the editors' synonyms and, for the last word, a prefix. Synonyms are expanded at query time
from `search.vocabulary` (the same table the database engine uses): edits apply on the next
search on any 8.x server, one-way synonyms work, and no analyzer reload is needed.

Writes never create an index by accident (`require_alias`); every failure to reach the
cluster becomes `EngineUnavailable`, so searches fall back to the database engine and outbox
rows stay for a later drain. After a connection failure the engine stays "down" for
ELASTICSEARCH_RETRY_SECONDS, so a dead cluster costs each request nothing.
"""

from __future__ import annotations

import html
import logging
import re
import secrets
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.conf import settings
from elasticsearch import ApiError, Elasticsearch, NotFoundError, TransportError
from elasticsearch.dsl import (
    Boolean,
    Completion,
    Index,
    Integer,
    Keyword,
    Mapping,
    Q,
    Search,
    Text,
    analyzer,
    char_filter,
    token_filter,
)

from .. import analysis, vocabulary
from .base import (
    FACET_PREFIXES,
    Document,
    EngineHit,
    EngineResult,
    EngineUnavailable,
    SearchEngine,
    SearchFilters,
    SearchRequest,
    Suggestion,
    Weights,
    merge_suggestions,
)

logger = logging.getLogger(__name__)

MAPPING_VERSION = 1
BULK_BATCH = 500
FUZZINESS = "AUTO:4,8"  # no typo below 4 letters, one below 8, two above (as search.analysis)
FACET_SIZE = 100
FRAGMENT_SIZE = 200
DECOMPOUND = {"min_word_size": 7, "min_subword_size": 4, "max_subword_size": 20}
SOURCE_FIELDS = ["page_id", "content_type", "title", "summary", "url"]
#: Completion weights of a document's words by where they occur (higher first).
WORD_WEIGHTS = (("title", 30), ("keywords", 20), ("summary", 10))
MAX_SUGGEST_WORDS = 200
MIN_STRICT = 3  # fewer pages with every word: also rank pages with some of them


# --- Index definition ----------------------------------------------------------------------


def analyzers(word_list: Sequence[str] = ()) -> dict[str, object]:
    """The custom analyzers, by role. `word_list` feeds the index-side decompounder."""
    apostrophe = char_filter("pdc_apostrophe", "pattern_replace", pattern="['’`]", replacement=" ")
    stop = token_filter("pdc_stop", "stop", stopwords=sorted(analysis.STOP_WORDS))
    stemmer = token_filter("pdc_stemmer", "stemmer", language="dutch")
    ij = token_filter("pdc_ij", "pattern_replace", pattern="ij", replacement="y")
    edge = token_filter(
        "pdc_edge_ngram", "edge_ngram", min_gram=2, max_gram=20, preserve_original=True
    )
    fold = ["lowercase", "asciifolding"]
    index_chain: list = [*fold]
    if word_list:
        index_chain.append(
            token_filter(
                "pdc_decompound",
                "dictionary_decompounder",
                word_list=list(word_list),
                # Every known part: "afvalcontainerpark" must still yield "afval" when
                # "afvalcontainer" is a word too. The list holds only words of 4+ letters
                # that occur in two documents, which keeps the noise low.
                only_longest_match=False,
                **DECOMPOUND,
            )
        )
    index_chain += [stop, stemmer, ij, "remove_duplicates"]
    common = {"tokenizer": "standard", "char_filter": [apostrophe]}
    return {
        "dutch": analyzer("pdc_dutch", filter=index_chain, **common),
        "dutch_search": analyzer("pdc_dutch_search", filter=[*fold, stop, stemmer, ij], **common),
        "autocomplete": analyzer("pdc_autocomplete", filter=[*fold, edge], **common),
        "autocomplete_search": analyzer("pdc_autocomplete_search", filter=fold, **common),
        "spell": analyzer("pdc_spell", filter=[*fold, stop], **common),
        "completion": analyzer("pdc_completion", tokenizer="keyword", filter=fold),
    }


def index_definition(
    name: str, word_list: Sequence[str] = (), *, shards: int = 1, replicas: int = 1
) -> Index:
    """Settings and mapping of one concrete index."""
    a = analyzers(word_list)

    def text(**extra) -> Text:
        return Text(
            analyzer=a["dutch"],
            search_analyzer=a["dutch_search"],
            index_options="offsets",  # fast highlighting
            **extra,
        )

    def autocomplete() -> dict[str, Text]:
        return {
            "autocomplete": Text(
                analyzer=a["autocomplete"], search_analyzer=a["autocomplete_search"]
            )
        }

    mapping = Mapping()
    mapping.meta("dynamic", "strict")
    mapping.meta("_meta", {"pdc_mapping_version": MAPPING_VERSION})
    mapping.field("page_id", Integer())
    mapping.field("content_type", Keyword())
    copies = ["all", "spell"]
    mapping.field("title", text(copy_to=copies, fields=autocomplete()))
    mapping.field("keywords", text(copy_to=copies, fields=autocomplete()))
    mapping.field("summary", text(copy_to=copies, fields=autocomplete()))
    mapping.field("body", text(copy_to=copies))
    # Every word once more: stemmed (`all`, to check "did you mean" finds something) and as
    # written (`spell`, for spelling suggestions).
    mapping.field(
        "all",
        Text(
            analyzer=a["dutch"],
            search_analyzer=a["dutch_search"],
            index_options="docs",
            norms=False,
        ),
    )
    mapping.field("spell", Text(analyzer=a["spell"], index_options="docs", norms=False))
    mapping.field("url", Keyword(index=False))
    for group in FACET_PREFIXES:
        mapping.field(group, Keyword())
    mapping.field("is_product", Boolean())
    mapping.field("title_length", Integer())
    mapping.field("word_suggest", Completion(analyzer=a["completion"]))
    mapping.field("tombstone", Boolean())  # see `rebuild`
    index = Index(name)
    index.settings(number_of_shards=shards, number_of_replicas=replicas)
    for role in ("dutch_search", "autocomplete_search"):
        index.analyzer(a[role])
    index.mapping(mapping)
    return index


def decompound_words(vocabulary_words: Iterable[tuple[str, int]], limit: int) -> list[str]:
    """The decompounder's dictionary from (word, documents) pairs: words in at least two
    documents, the most common `limit` of them."""
    usable = [
        (word, count)
        for word, count in vocabulary_words
        if count >= 2
        and 4 <= len(word) <= DECOMPOUND["max_subword_size"]
        and word.isalpha()
        and not analysis.is_stop_word(word)
    ]
    usable.sort(key=lambda item: (-item[1], item[0]))
    return sorted({word for word, _ in usable[:limit]})


def content_vocabulary() -> list[tuple[str, int]]:
    """How the content writes its terms, and in how many documents (the database index's
    vocabulary, which is always kept, whichever engine answers searches)."""
    known = vocabulary.get_vocabulary()
    return [(known.display(term), count) for term, count in known.frequencies.items()]


def to_source(document: Document) -> dict:
    """The JSON an index holds for a document."""
    source = {
        "page_id": document.page_id,
        "content_type": document.content_type,
        "title": document.title,
        "keywords": document.keywords,
        "summary": document.summary,
        "body": document.body,
        "url": document.url,
        "is_product": document.content_type == "product",
        "title_length": len(document.title),
        "word_suggest": _word_inputs(document),
    }
    for group in FACET_PREFIXES:
        source[group] = list(document.facets.get(group, []))
    return source


def _word_inputs(document: Document) -> list[dict]:
    seen: set[str] = set()
    inputs = []
    bonus = 5 if document.content_type == "product" else 0
    for field_name, weight in WORD_WEIGHTS:
        words = []
        for word in analysis.words(getattr(document, field_name)):
            usable = len(word) >= 3 and not word.isdigit() and not analysis.is_stop_word(word)
            if usable and word not in seen and len(seen) < MAX_SUGGEST_WORDS:
                seen.add(word)
                words.append(word)
        if words:
            inputs.append({"input": words, "weight": weight + bonus})
    return inputs


# --- Aliases and rebuild plans -------------------------------------------------------------


def building_alias(alias: str) -> str:
    return f"{alias}-building"


def new_index_name(alias: str, now: datetime | None = None) -> str:
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d%H%M%S")
    return f"{alias}-{stamp}-{secrets.token_hex(3)}"


def is_generation_of(alias: str, index_name: str) -> bool:
    """True for concrete indices this engine made for `alias` (never for foreign indices)."""
    return re.fullmatch(re.escape(alias) + r"-\d{14}-[0-9a-f]{6}", index_name) is not None


def swap_actions(alias: str, new_index: str, holders: Iterable[str], legacy: bool) -> list[dict]:
    """One atomic `_aliases` request: the alias moves to `new_index`, the building alias goes.

    `holders` are the indices the alias points at now; `legacy` is true when a concrete index
    carries the alias's own name (e.g. auto-created by an old deployment) and must go too.
    """
    actions: list[dict] = [{"add": {"index": new_index, "alias": alias}}]
    actions += [{"remove": {"index": old, "alias": alias}} for old in holders if old != new_index]
    actions.append({"remove": {"index": new_index, "alias": building_alias(alias)}})
    if legacy:
        actions.append({"remove_index": {"index": alias}})
    return actions


def stale_indices(alias: str, existing: Iterable[str], keep: str) -> list[str]:
    """Old generations to delete after a swap."""
    return sorted(name for name in existing if name != keep and is_generation_of(alias, name))


def bulk_operations(
    documents: Sequence[Document],
    removals: Sequence[int],
    alias: str,
    building: str | None,
) -> list[dict]:
    """Index and remove operations for the live alias and, during a rebuild, the new index.

    A removal during a rebuild leaves a tombstone in the new index, so the rebuild (which only
    `create`s) cannot bring back a page it read just before it was removed.
    """
    targets = [alias] + ([building] if building else [])
    operations: list[dict] = []
    for document in documents:
        source = to_source(document)
        for target in targets:
            operations += [{"index": {"_index": target, "_id": str(document.page_id)}}, source]
    for page_id in removals:
        operations.append({"delete": {"_index": alias, "_id": str(page_id)}})
        if building:
            operations += [
                {"index": {"_index": building, "_id": str(page_id)}},
                {"tombstone": True},
            ]
    return operations


def bulk_failures(response: dict, allow_conflicts: bool = False) -> list[str]:
    """Errors of a bulk response; a missing document to delete is not one."""
    failures = []
    for item in response.get("items", []):
        action, info = next(iter(item.items()))
        error = info.get("error")
        if not error:
            continue
        if allow_conflicts and action == "create" and info.get("status") == 409:
            continue
        reason = error.get("reason", error) if isinstance(error, dict) else error
        failures.append(f"{action} {info.get('_id')}: {reason}")
    return failures


# --- Query planning ------------------------------------------------------------------------


@dataclass
class Plan:
    """The query as Elasticsearch clauses: one group per word, all (strict) or any (relaxed)."""

    text: str
    words: list[str]
    groups: list[Q] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.groups


def weighted_fields(weights: Weights, suffix: str = "", with_body: bool = True) -> list[str]:
    pairs = [("title", weights.title), ("keywords", weights.keywords), ("summary", weights.summary)]
    if with_body:
        pairs.append(("body", weights.body))
    # A zero weight still matches (as in the database engine) but adds next to nothing.
    return [f"{name}{suffix}^{max(weight, 0.001):g}" for name, weight in pairs]


def synonym_alternatives(
    terms: Sequence[str], table, texts: dict[tuple[str, ...], str]
) -> dict[int, list[str]]:
    """Word position -> the texts of synonyms for the phrase that covers it."""
    found: dict[int, list[str]] = {}
    i = 0
    while i < len(terms):
        length, others = table.match(terms, i) if table else (0, [])
        if not length:
            i += 1
            continue
        alternatives = [texts.get(phrase, " ".join(phrase)) for phrase in others]
        for position in range(i, i + length):
            found.setdefault(position, []).extend(alternatives)
        i += length
    return found


def synonym_texts(raw: Sequence[tuple[Sequence[str], bool]]) -> dict[tuple[str, ...], str]:
    """Analysed phrase -> how an editor wrote it (the engine analyses it again itself)."""
    texts: dict[tuple[str, ...], str] = {}
    for phrases, _one_way in raw:
        for text in phrases:
            key = tuple(analysis.analyse(text))
            if key:
                texts.setdefault(key, text)
    return texts


def plan_query(
    text: str,
    weights: Weights,
    *,
    synonyms=None,
    synonym_text: dict[tuple[str, ...], str] | None = None,
    known: Callable[[str], int] | None = None,
) -> Plan:
    """Clauses for cleaned query text. User text only ever reaches `match` queries as words."""
    words = [w for w in analysis.words(text) if not analysis.is_stop_word(w)]
    words = words[: analysis.MAX_QUERY_TERMS]
    plan = Plan(text, words)
    if not words:
        return plan
    fields = weighted_fields(weights)
    prefix_fields = weighted_fields(weights, ".autocomplete", with_body=False)
    terms = [analysis.stem(w) for w in words]
    alternatives = synonym_alternatives(terms, synonyms, synonym_text or {})
    for i, word in enumerate(words):
        options = [
            Q("multi_match", query=word, fields=fields, type="best_fields", tie_breaker=0.3),
            Q(
                "multi_match",
                query=word,
                fields=fields,
                fuzziness=FUZZINESS,
                prefix_length=1,
                max_expansions=50,
                boost=0.5,
            ),
        ]
        if i == len(words) - 1 and len(word) >= 3:  # the word being typed
            options.append(
                Q("multi_match", query=word, fields=prefix_fields, operator="and", boost=0.3)
            )
        parts = analysis.split_compound(word, known) if known else None
        if parts:
            options.append(
                Q(
                    "multi_match",
                    query=" ".join(parts),
                    fields=fields,
                    type="cross_fields",
                    operator="and",
                    boost=0.7,
                )
            )
        for j in (i - 1, i):
            if j >= 0 and j + 1 < len(words):
                options.append(Q("multi_match", query=words[j] + words[j + 1], fields=fields))
        for synonym in alternatives.get(i, ()):
            options.append(Q("multi_match", query=synonym, fields=fields, type="phrase"))
        plan.groups.append(Q("bool", should=options, minimum_should_match=1))
    return plan


def filter_clauses_by_group(filters: SearchFilters) -> dict[str, Q]:
    """One `terms` clause per facet group with a selection (OR within the group)."""
    return {
        group: Q("terms", **{group: list(getattr(filters, group))})
        for group in FACET_PREFIXES
        if getattr(filters, group)
    }


def filter_clauses(filters: SearchFilters) -> list[Q]:
    """OR within a facet group, AND between groups (as `SearchFilters.accepts`)."""
    return list(filter_clauses_by_group(filters).values())


def query_for(plan: Plan, request: SearchRequest, strict: bool = True) -> Q:
    """The scored query, without the filters: they are the post filter (see build_search)."""
    if strict:
        matched = Q("bool", must=plan.groups)
    else:
        # Any word will do; a page with every word scores about twice as high.
        matched = Q(
            "bool",
            should=[*plan.groups, Q("bool", must=plan.groups)],
            minimum_should_match=1,
        )
    return Q(
        "function_score",
        query=matched,
        functions=[
            {
                "filter": {"term": {"content_type": "product"}},
                "weight": request.weights.product_boost,
            }
        ],
        boost_mode="multiply",
    )


def build_search(
    plan: Plan, request: SearchRequest, index: str, *, strict: bool = True, spelling: bool = True
) -> Search:
    """The whole search request: query, page, facets, highlighting and spelling suggestions."""
    s = (
        Search(index=index)
        .query(query_for(plan, request, strict))
        .source(SOURCE_FIELDS)
        .sort({"_score": {"order": "desc"}}, {"page_id": {"order": "asc"}})
        .extra(track_total_hits=True, from_=request.offset, size=request.limit)
        .highlight_options(
            pre_tags=["<mark>"],
            post_tags=["</mark>"],
            encoder="html",
            require_field_match=False,
        )
        .highlight("title", number_of_fragments=0)
        .highlight("summary", number_of_fragments=0)
        .highlight("body", fragment_size=FRAGMENT_SIZE, number_of_fragments=1)
    )
    by_group = filter_clauses_by_group(request.filters)
    clauses = list(by_group.values())
    if clauses:
        # A post filter narrows the hits but not the aggregations: facet counts of a group
        # then apply every filter except that group's own (disjunctive facets).
        s = s.post_filter(Q("bool", filter=clauses))
    if request.with_facets:
        for group in FACET_PREFIXES:
            others = [c for g, c in by_group.items() if g != group]
            s.aggs.bucket(group, "filter", filter=Q("bool", filter=others)).bucket(
                group, "terms", field=group, size=FACET_SIZE
            )
    if request.pinned:
        # Which best bets the query finds on its own (so the total counts them once).
        s.aggs.bucket(
            "pinned",
            "filter",
            filter=Q("bool", filter=[*clauses, Q("terms", page_id=list(request.pinned))]),
        ).bucket("pinned", "terms", field="page_id", size=len(request.pinned))
    if spelling:
        s = s.suggest(
            "spelling",
            plan.text,
            term={
                "field": "spell",
                "suggest_mode": "missing",
                "max_edits": 2,
                "prefix_length": 1,
                "min_word_length": 4,
                "size": 1,
            },
        )
    return s


def did_you_mean_search(text: str, filters: SearchFilters, index: str) -> Search:
    """A phrase suggester whose suggestions are checked to find something (`collate`)."""
    collate = {"bool": {"must": {"match": {"all": {"query": "{{suggestion}}", "operator": "and"}}}}}
    clauses = [c.to_dict() for c in filter_clauses(filters)]
    if clauses:
        collate["bool"]["filter"] = clauses
    return (
        Search(index=index)
        .extra(size=0)
        .suggest(
            "didyoumean",
            text,
            phrase={
                "field": "spell",
                "size": 1,
                "gram_size": 1,
                "max_errors": 2,
                "confidence": 0.0,
                "direct_generator": [
                    {
                        "field": "spell",
                        "suggest_mode": "always",
                        "max_edits": 2,
                        "prefix_length": 1,
                        "min_word_length": 3,
                    }
                ],
                "collate": {"query": {"source": collate}, "prune": False},
            },
        )
    )


def suggest_search(prefix_words: Sequence[str], limit: int, index: str) -> Search:
    """Titles with words starting as typed (edge n-grams), and words completing the last one."""
    return (
        Search(index=index)
        .query(
            Q(
                "match",
                **{"title.autocomplete": {"query": " ".join(prefix_words), "operator": "and"}},
            )
        )
        .source(["page_id", "title", "url"])
        .sort({"is_product": {"order": "desc"}}, "title_length", "page_id")
        .extra(size=limit)
        .suggest(
            "words",
            prefix_words[-1],
            completion={"field": "word_suggest", "size": limit, "skip_duplicates": True},
        )
    )


# --- Reading responses ---------------------------------------------------------------------


def parse_hits(raw_hits: Iterable[dict]) -> list[EngineHit]:
    hits = []
    for raw in raw_hits:
        source = raw["_source"]
        marks = raw.get("highlight", {})
        summary = source.get("summary", "")
        if marks.get("body"):
            snippet = marks["body"][0]
        elif marks.get("summary"):
            snippet = marks["summary"][0]
        else:
            snippet = html.escape(summary)
        hits.append(
            EngineHit(
                page_id=int(source["page_id"]),
                content_type=source["content_type"],
                title=source["title"],
                summary=summary,
                url=source.get("url", ""),
                score=float(raw.get("_score") or 0.0),
                highlight=snippet,
                title_highlight=(marks.get("title") or [html.escape(source["title"])])[0],
            )
        )
    return hits


def parse_facets(aggregations: dict) -> dict[str, dict[str, int]]:
    facets = {}
    for group in FACET_PREFIXES:
        aggregation = aggregations.get(group, {})
        aggregation = aggregation.get(group, aggregation)  # inside its filter aggregation
        buckets = aggregation.get("buckets", [])
        counts = {str(b["key"]): int(b["doc_count"]) for b in buckets if b["doc_count"]}
        if counts:
            facets[group] = counts
    return facets


def parse_pinned(aggregations: dict) -> set[int]:
    """Page ids of the best bets that the query matched (the `pinned` aggregation)."""
    buckets = aggregations.get("pinned", {}).get("pinned", {}).get("buckets", [])
    return {int(b["key"]) for b in buckets if b["doc_count"]}


def corrected_text(text: str, entries: Iterable[dict]) -> str | None:
    """The query with each word the index does not know replaced by its nearest known spelling."""
    pieces, cursor, changed = [], 0, False
    for entry in sorted(entries, key=lambda e: e["offset"]):
        options = entry.get("options") or []
        if not options or entry["offset"] < cursor:
            continue
        pieces += [text[cursor : entry["offset"]], options[0]["text"]]
        cursor = entry["offset"] + entry["length"]
        changed = True
    if not changed:
        return None
    return "".join(pieces) + text[cursor:]


# --- The engine ----------------------------------------------------------------------------


class ElasticsearchEngine(SearchEngine):
    name = "elasticsearch"
    transactional = False

    def __init__(self) -> None:
        self._client: Elasticsearch | None = None
        self._client_key: tuple | None = None
        self._down_until = 0.0

    # --- connection ------------------------------------------------------------------------

    @property
    def alias(self) -> str:
        return settings.ELASTICSEARCH_INDEX

    @property
    def client(self) -> Elasticsearch:
        url = getattr(settings, "ELASTICSEARCH_URL", "")
        if not url:
            raise EngineUnavailable("ELASTICSEARCH_URL is not set")
        timeout = float(getattr(settings, "ELASTICSEARCH_TIMEOUT", 2))
        api_key = getattr(settings, "ELASTICSEARCH_API_KEY", "")
        ca_certs = getattr(settings, "ELASTICSEARCH_CA_CERTS", "")
        key = (url, timeout, api_key, ca_certs)
        if self._client is None or key != self._client_key:
            options: dict = {
                "request_timeout": timeout,
                "max_retries": 1,
                "retry_on_timeout": False,
            }
            if api_key:
                options["api_key"] = api_key
            if ca_certs:
                options["ca_certs"] = ca_certs
            self._client, self._client_key = Elasticsearch(url, **options), key
            self._down_until = 0.0
        return self._client

    def reset_breaker(self) -> None:
        """Try the cluster on the next call even if it failed recently (drain command)."""
        self._down_until = 0.0

    @contextmanager
    def _available(self, doing: str) -> Iterator[Elasticsearch]:
        if time.monotonic() < self._down_until:
            raise EngineUnavailable(f"Elasticsearch was unreachable moments ago ({doing} skipped)")
        client = self.client
        try:
            yield client
        except (TransportError, ApiError) as error:
            status = getattr(error, "status_code", None) or getattr(error, "status", None)
            if not isinstance(error, ApiError) or (isinstance(status, int) and status >= 500):
                retry = float(getattr(settings, "ELASTICSEARCH_RETRY_SECONDS", 30))
                self._down_until = time.monotonic() + retry
            else:
                logger.error("Elasticsearch refused a request while %s: %s", doing, error)
            raise EngineUnavailable(f"Elasticsearch {doing}: {error}") from error

    def _execute(self, search: Search, doing: str) -> dict:
        with self._available(doing) as client:
            return search.using(client).execute().to_dict()

    def refresh(self) -> None:
        """Make recent writes searchable now (tests, and the end of a rebuild)."""
        with self._available("refreshing") as client:
            client.indices.refresh(index=self.alias)

    # --- writing ---------------------------------------------------------------------------

    def index_documents(self, documents: Sequence[Document]) -> None:
        self._write(list(documents), [])

    def remove_documents(self, page_ids: Sequence[int]) -> None:
        self._write([], list(page_ids))

    def _write(self, documents: list[Document], removals: list[int]) -> None:
        if not documents and not removals:
            return
        with self._available("writing") as client:
            building = building_alias(self.alias)
            rebuilding = bool(client.indices.exists_alias(name=building))
            for start in range(0, max(len(documents), len(removals)), BULK_BATCH):
                operations = bulk_operations(
                    documents[start : start + BULK_BATCH],
                    removals[start : start + BULK_BATCH],
                    self.alias,
                    building if rebuilding else None,
                )
                response = client.bulk(operations=operations, require_alias=True)
                failures = bulk_failures(response.body)
                if failures:
                    raise EngineUnavailable(f"{len(failures)} updates refused, e.g. {failures[0]}")

    def rebuild(
        self, documents: Iterable[Document], total: int, progress: Callable[[int], None]
    ) -> int:
        # Documents are read only once the building alias exists (below), so every update
        # committed after a page was read reaches the new index too.
        words = decompound_words(
            content_vocabulary(), int(getattr(settings, "ELASTICSEARCH_DECOMPOUND_WORDS", 20000))
        )
        alias, building = self.alias, building_alias(self.alias)
        name = new_index_name(alias)
        replicas = int(getattr(settings, "ELASTICSEARCH_REPLICAS", 1))
        definition = index_definition(
            name, words, shards=int(getattr(settings, "ELASTICSEARCH_SHARDS", 1)), replicas=replicas
        ).to_dict()
        # Load fast: no refreshes, no replicas until the data is in.
        definition["settings"].update(refresh_interval="-1", number_of_replicas=0)
        with self._available("rebuilding") as client:
            client.indices.create(index=name, **definition)
            try:
                leftovers = self._holders(client, building)
                client.indices.update_aliases(
                    actions=[{"remove": {"index": i, "alias": building}} for i in leftovers]
                    + [{"add": {"index": name, "alias": building}}]
                )
                done = 0
                for batch in _batches(documents, BULK_BATCH):
                    operations: list[dict] = []
                    for document in batch:
                        operations += [
                            {"create": {"_index": name, "_id": str(document.page_id)}},
                            to_source(document),
                        ]
                    response = client.bulk(operations=operations)
                    failures = bulk_failures(response.body, allow_conflicts=True)
                    if failures:
                        raise EngineUnavailable(f"rebuild refused: {failures[0]}")
                    done += len(batch)
                    progress(done)
                client.indices.put_settings(
                    index=name,
                    settings={"index": {"refresh_interval": None, "number_of_replicas": replicas}},
                )
                client.indices.refresh(index=name)
                holders = self._holders(client, alias)
                # Without holders, something under the alias's name is a concrete index.
                legacy = not holders and bool(client.indices.exists(index=alias))
                client.indices.update_aliases(actions=swap_actions(alias, name, holders, legacy))
            except BaseException:
                try:  # the live alias never saw the half-built index
                    client.indices.delete(index=name, ignore_unavailable=True)
                except (TransportError, ApiError):
                    logger.warning("Could not delete the unfinished index %s", name)
                raise
            # The swap is done; what follows only tidies up.
            client.delete_by_query(
                index=name,
                query={"term": {"tombstone": True}},
                conflicts="proceed",
                refresh=True,
            )
            existing = client.indices.get(index=f"{alias}-*", expand_wildcards="all")
            for old in stale_indices(alias, existing.body, keep=name):
                client.indices.delete(index=old, ignore_unavailable=True)
        return done

    def drop(self) -> None:
        """Delete every index generation under the alias, and so the alias (tests, retiring)."""
        with self._available("dropping") as client:
            existing = client.indices.get(index=f"{self.alias}-*", expand_wildcards="all")
            for name in stale_indices(self.alias, existing.body, keep=""):
                client.indices.delete(index=name, ignore_unavailable=True)

    @staticmethod
    def _holders(client: Elasticsearch, alias: str) -> list[str]:
        try:
            return sorted(client.indices.get_alias(name=alias).body)
        except NotFoundError:
            return []

    def document_count(self) -> int:
        with self._available("counting") as client:
            response = client.count(
                index=self.alias, query={"bool": {"must_not": {"term": {"tombstone": True}}}}
            )
        return int(response["count"])

    # --- searching -------------------------------------------------------------------------

    def plan(self, text: str, weights: Weights) -> Plan:
        table, raw = vocabulary.get_synonyms()
        texts = _synonym_text_cache(raw)
        known = vocabulary.get_vocabulary()
        return plan_query(text, weights, synonyms=table, synonym_text=texts, known=known.count)

    def search(self, request: SearchRequest) -> EngineResult:
        plan = self.plan(request.text, request.weights)
        result = EngineResult(hits=[], total=0, engine=self.name)
        if plan.empty:
            return result
        response = self._execute(build_search(plan, request, self.alias), "searching")
        total = response["hits"]["total"]["value"]
        if total < MIN_STRICT and len(plan.groups) > 1:
            # Few pages hold every word: let pages with some of them in too, ranked lower
            # (as the database engine does).
            relaxed = build_search(plan, request, self.alias, strict=False, spelling=False)
            found = self._execute(relaxed, "searching")
            if found["hits"]["total"]["value"] > total:
                result.relaxed = not total
                response = {**found, "suggest": response.get("suggest")}
                total = found["hits"]["total"]["value"]
        result.total = total
        aggregations = response.get("aggregations") or {}
        result.pinned_matched = parse_pinned(aggregations)
        if request.with_facets:
            result.facets = parse_facets(aggregations)
        if not total:
            result.suggestion = self._did_you_mean(plan, request)
            return result
        spelling = (response.get("suggest") or {}).get("spelling") or []
        result.corrected_query = corrected_text(plan.text, spelling)
        result.hits = parse_hits(response["hits"]["hits"])
        return result

    def _did_you_mean(self, plan: Plan, request: SearchRequest) -> str | None:
        """Elasticsearch's phrase suggester; else the shared vocabulary (typos of 3 letters)."""
        found = self._execute(
            did_you_mean_search(plan.text, request.filters, self.alias), "suggesting"
        )
        for entry in (found.get("suggest") or {}).get("didyoumean", []):
            for option in entry.get("options", []):
                if option.get("collate_match", True) and option["text"] != plan.text.lower():
                    return option["text"]
        text = vocabulary.get_vocabulary().did_you_mean(plan.words)
        if text is None:
            return None
        retry = self.plan(text, request.weights)
        if retry.empty:
            return None
        probe = SearchRequest(text, request.filters, 0, 1, request.weights, with_facets=False)
        for strict in (True, False):
            search = build_search(retry, probe, self.alias, strict=strict, spelling=False)
            if self._execute(search.extra(size=0), "suggesting")["hits"]["total"]["value"]:
                return text
        return None

    # --- suggesting ------------------------------------------------------------------------

    def suggest(self, prefix: str, limit: int = 8) -> list[Suggestion]:
        words = analysis.words(prefix)
        if not words or len(words[-1]) < 2:
            return []
        # Earlier words without stop words; the last one may be the start of a longer word.
        typed = [w for w in words[:-1] if not analysis.is_stop_word(w)] + words[-1:]
        response = self._execute(suggest_search(typed, limit, self.alias), "suggesting")
        head = " ".join(words[:-1])
        completions = []
        for entry in (response.get("suggest") or {}).get("words", []):
            completions += [option["text"] for option in entry.get("options", [])]
        sources = [
            raw["_source"]
            for raw in response["hits"]["hits"][: max(3, limit - len(completions) // 2)]
        ]
        titles = ((s["title"], int(s["page_id"]), s.get("url", "")) for s in sources)
        return merge_suggestions(titles, completions, head, limit)


def _batches(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


_synonym_cache: dict = {"raw": None, "texts": {}}


def _synonym_text_cache(raw) -> dict[tuple[str, ...], str]:
    # `search.vocabulary` hands out a new list whenever editors changed the synonyms.
    if _synonym_cache["raw"] is not raw:
        _synonym_cache.update(raw=raw, texts=synonym_texts(raw or []))
    return _synonym_cache["texts"]
