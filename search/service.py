"""The search service used by the API and the admin: engine choice, fallback, best bets, logging.

    result = service.search("paspoort kwijt", channel="kcc", filters=SearchFilters(...))

Raises `QueryError` (Dutch message) for unusable input; never lets an engine error escape
when the database engine can answer instead (the result is then marked `degraded`).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection

from catalogue.public_urls import public_urls_by_id

from . import analysis
from .analysis import QueryError
from .engines import EngineUnavailable, database_engine, get_engine
from .engines.base import EngineHit, SearchFilters, SearchRequest, Suggestion, Weights
from .query import plan_query
from .vocabulary import get_vocabulary

logger = logging.getLogger(__name__)

CHANNELS = ("web", "kcc", "assistant", "admin")
MAX_LIMIT = 50
MAX_OFFSET = 1000
MAX_PREFIX = 100

__all__ = ["QueryError", "SearchFilters", "SearchResponse", "search", "suggest", "record_opened"]


@dataclass
class Hit(EngineHit):
    best_bet: bool = False


@dataclass
class SearchResponse:
    query: str
    hits: list[Hit]
    total: int
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    suggestion: str | None = None
    corrected_query: str | None = None
    relaxed: bool = False
    degraded: bool = False
    engine: str = ""
    log_id: int | None = None


def current_weights() -> Weights:
    from .models import SearchSettings

    s = SearchSettings.load()
    return Weights(
        s.title_weight, s.keywords_weight, s.summary_weight, s.body_weight, s.product_boost
    )


def search(
    text: str | None,
    *,
    channel: str = "web",
    filters: SearchFilters | None = None,
    offset: int = 0,
    limit: int = 10,
    with_facets: bool = True,
    log: bool = True,
    engine_name: str | None = None,
) -> SearchResponse:
    query = analysis.clean_query(text)
    if channel not in CHANNELS:
        raise QueryError(f"Onbekend kanaal '{channel}'; kies uit {', '.join(CHANNELS)}.")
    if not 1 <= limit <= MAX_LIMIT:
        raise QueryError(f"Vraag tussen 1 en {MAX_LIMIT} resultaten per keer op.")
    if not 0 <= offset <= MAX_OFFSET:
        raise QueryError(f"Blader niet verder dan {MAX_OFFSET} resultaten.")
    filters = filters or SearchFilters()
    pinned = _best_bets(query, filters)
    # Best bets lead the first page and the engine's own ranking follows without them, so
    # any page may need up to len(pinned) more engine hits, counted from the first.
    engine_offset, engine_limit = (0, offset + limit + len(pinned)) if pinned else (offset, limit)
    request = SearchRequest(
        query,
        filters,
        engine_offset,
        engine_limit,
        weights=current_weights(),
        with_facets=with_facets,
        pinned=tuple(d.page_id for d in pinned),
    )
    engine = get_engine(engine_name)
    degraded = False
    try:
        result = engine.search(request)
    except EngineUnavailable as error:
        if engine.name == "database":
            raise
        logger.warning("Search engine %s unavailable, database fallback: %s", engine.name, error)
        result = database_engine().search(request)
        degraded = True
    response = SearchResponse(
        query=query,
        hits=[Hit(**vars(h)) for h in result.hits],
        total=result.total,
        facets=result.facets,
        suggestion=result.suggestion,
        corrected_query=result.corrected_query,
        relaxed=result.relaxed,
        degraded=degraded or result.degraded,
        engine=result.engine or engine.name,
    )
    _apply_best_bets(response, query, pinned, offset, limit, result.pinned_matched)
    _use_public_urls(response.hits)
    if log and getattr(settings, "SEARCH_LOG_ENABLED", True):
        response.log_id = log_search(query, channel, response)
    return response


def _best_bets(query: str, filters: SearchFilters) -> list:
    """The pages pinned for this query that are in the index (live, public) and pass the filters."""
    from .models import BestBet, IndexedDocument, normalize_query

    normalized = normalize_query(query)
    if not normalized:
        return []
    with connection.cursor() as cursor:  # raw: this runs on every search
        cursor.execute(
            f"SELECT page_id FROM {BestBet._meta.db_table} WHERE normalized = %s "  # noqa: S608
            "ORDER BY sort_order, id",
            [normalized],
        )
        bet_ids = [row[0] for row in cursor.fetchall()]
    if not bet_ids:
        return []
    documents = {d.page_id: d for d in IndexedDocument.objects.filter(page_id__in=bet_ids)}
    pinned = [documents[i] for i in bet_ids if i in documents]
    return [d for d in pinned if filters.accepts(d.facets.split())]


def _apply_best_bets(
    response: SearchResponse, query: str, pinned: list, offset: int, limit: int, matched: set[int]
) -> None:
    """The page [offset, offset + limit) of: the best bets, then the engine's hits without them.

    Without best bets the engine was asked for that page itself. With them it was asked for
    its hits from the first one on (see `search`). `matched`: the pinned pages the engine found
    for the query itself; they are in its total already, so only the others add to it.
    """
    if not pinned:
        return
    pinned_ids = {d.page_id for d in pinned}
    organic = set(matched) | {h.page_id for h in response.hits}
    response.total += len(pinned_ids - organic)
    highlighter = analysis.Highlighter(frozenset(analysis.analyse(query)))
    bets = [
        Hit(
            page_id=d.page_id,
            content_type=d.content_type,
            title=d.title,
            summary=d.summary,
            url=d.url,
            score=float("inf"),
            highlight=highlighter.mark_all(d.summary),
            title_highlight=highlighter.mark_all(d.title),
            best_bet=True,
        )
        for d in pinned
    ]
    ranked = bets + [h for h in response.hits if h.page_id not in pinned_ids]
    response.hits = ranked[offset : offset + limit]


def _use_public_urls(items: list) -> None:
    """Give hits and suggestions the website's URL of their page (None when not configured)."""
    urls = public_urls_by_id({item.page_id for item in items if item.page_id is not None})
    for item in items:
        item.url = urls.get(item.page_id)


def suggest(prefix: str | None, limit: int = 8, engine_name: str | None = None) -> list[Suggestion]:
    text = " ".join(analysis._CONTROL.sub(" ", prefix or "").split())[:MAX_PREFIX]
    if not text:
        return []
    limit = max(1, min(limit, 20))
    engine = get_engine(engine_name)
    try:
        suggestions = engine.suggest(text, limit)
    except EngineUnavailable:
        engine = database_engine()
        suggestions = engine.suggest(text, limit)
    suggestions = _leading_to_results(text, suggestions, engine)
    _use_public_urls(suggestions)
    return suggestions


def _leading_to_results(text: str, suggestions: list[Suggestion], engine) -> list[Suggestion]:
    """The suggestions a search answers as they read. Engines complete the last word with any
    indexed word and keep the earlier words as typed, so after several words they also offer
    phrases that find nothing: after a misspelt word ("paspoot kwijtraak"), a stop word turned
    into another word (search ignores "dat" but not "data"), words that never meet."""
    *head, last = analysis.words(text) or [""]
    if not head:
        return suggestions  # one word: each indexed word that continues it is in a document
    if plan_query(" ".join(head), get_vocabulary()).corrections:
        return []  # a misspelt word: search would read it as another word
    finished = analysis.is_stop_word(last)
    return [
        s
        for s in suggestions
        if s.kind != "term" or (not finished and _finds_every_word(s.text, engine))
    ]


def _finds_every_word(text: str, engine) -> bool:
    request = SearchRequest(text, limit=1, weights=current_weights(), with_facets=False)
    try:
        result = engine.search(request)
    except EngineUnavailable:
        result = database_engine().search(request)
    return result.total > 0 and not result.relaxed and not result.corrected_query


# --- Logging ----------------------------------------------------------------------------------

# What could identify a person is masked before a query is logged (see docs/search.md):
# e-mail addresses; postcodes (NL "1234 AB", and any number of four or more digits, which
# covers Belgian postcodes, house-number ranges, phone and BSN/rijksregister numbers, also
# written in groups such as "06-12 34 56 78" or "+32 470 12 34 56"). Numbers of up to three
# digits stay: "3 kinderen", "65 jaar", "Wmo 2015" loses only the year.
_PERSONAL = [
    (re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+"), "[e-mail]"),
    (re.compile(r"\b[1-9][0-9]{3}\s?[a-zA-Z]{2}\b"), "[postcode]"),
    (re.compile(r"\+?\d(?:[\s./-]?\d){3,}"), "[nummer]"),
]


def scrub(query: str) -> str:
    """Mask e-mail addresses, postcodes and every number of four or more digits."""
    for pattern, replacement in _PERSONAL:
        query = pattern.sub(replacement, query)
    return query[:200]


def log_search(query: str, channel: str, response: SearchResponse) -> int | None:
    from .models import SearchLog, normalize_query

    try:
        entry = SearchLog.objects.create(
            query=scrub(query),
            normalized=normalize_query(scrub(query)) or scrub(query).lower()[:200],
            channel=channel,
            hits=response.total,
            engine=response.engine,
            degraded=response.degraded,
        )
    except Exception:  # logging must never break a search
        logger.exception("Could not log a search")
        if connection.in_atomic_block:
            raise
        return None
    return entry.id


def record_opened(log_id: int, page_id: int, position: int | None = None) -> bool:
    """Remember that a result of a logged search was opened. False when the log is unknown."""
    from .models import ResultOpened, SearchLog

    if not SearchLog.objects.filter(id=log_id).exists():
        return False
    ResultOpened.objects.create(log_id=log_id, page_id=page_id, position=position)
    return True
