"""The search engine interface. Every engine (database, Elasticsearch) implements `SearchEngine`.

Engines see documents (`Document`, built from pages by `search.documents`) and requests
(`SearchRequest`); they return `EngineResult`. Best bets, logging, fallback and the
translation to GraphQL live above the engines, in `search.service`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

CONTENT_TYPES = ("product", "article")

# Facet groups: request field -> token prefix in the index.
FACET_PREFIXES = {
    "topics": "topic",
    "life_events": "life",
    "audiences": "aud",
    "services": "svc",
    "content_types": "type",
    "channels": "chan",
}


def facet_token(group: str, value: str) -> str:
    """'topics', 'afval' -> 'topic__afval' (one index token; slugs use [a-z0-9-])."""
    return f"{FACET_PREFIXES[group]}__{value.replace('-', '_')}"


def parse_facet_token(token: str) -> tuple[str, str] | None:
    prefix, _, value = token.partition("__")
    for group, known in FACET_PREFIXES.items():
        if known == prefix and value:
            return group, value.replace("_", "-")
    return None


@dataclass
class Document:
    """What an engine indexes for one page. Text fields are plain text."""

    page_id: int
    content_type: str  # "product" | "article"
    title: str
    keywords: str  # keywords, synonyms, UPL name
    summary: str
    body: str  # web text, KCC answer, FAQs, conditions, steps, documents, taxonomy names
    url: str
    snippet_text: str  # plain text shown in snippets (web text, or the KCC answer)
    facets: dict[str, list[str]] = field(default_factory=dict)  # group -> slugs/values

    def facet_tokens(self) -> list[str]:
        return [facet_token(g, v) for g, values in self.facets.items() for v in values]


@dataclass
class SearchFilters:
    topics: list[str] = field(default_factory=list)
    life_events: list[str] = field(default_factory=list)
    audiences: list[str] = field(default_factory=list)
    services: list[str] = field(default_factory=list)
    content_types: list[str] = field(default_factory=list)
    channels: list[str] = field(default_factory=list)  # channel kinds a product is offered through

    def token_groups(self) -> list[list[str]]:
        """OR within a group, AND between groups."""
        return list(self.tokens_by_group().values())

    def tokens_by_group(self) -> dict[str, list[str]]:
        """Facet group -> tokens of the selected values, for the groups with a selection."""
        return {
            group: [facet_token(group, v) for v in getattr(self, group)]
            for group in FACET_PREFIXES
            if getattr(self, group)
        }

    def accepts(self, tokens: Iterable[str]) -> bool:
        present = set(tokens)
        return all(present.intersection(group) for group in self.token_groups())


def disjunctive_facet_counts(
    signatures: Iterable[tuple[Iterable[str], int]], selected: dict[str, list[str]]
) -> dict[str, dict[str, int]]:
    """Facet counts as a faceted search UI needs them ("disjunctive" facets).

    `signatures`: (facet tokens of a document, how many matching documents have exactly
    those tokens), for the matches of the query *without* filters. `selected`: the filters
    (`SearchFilters.tokens_by_group`). The counts of group X apply every filter except the
    one on X, so choosing a topic still shows how many results the other topics have
    (choosing one adds to the results, OR within a group). Without filters these are plain
    counts of the matches.
    """
    chosen = {group: set(tokens) for group, tokens in selected.items()}
    counts: dict[str, dict[str, int]] = {}
    for tokens, n in signatures:
        parsed = [p for p in map(parse_facet_token, tokens) if p]
        present = set(tokens)
        failing = [group for group, wanted in chosen.items() if not present & wanted]
        if len(failing) > 1:
            continue  # fails two filters: dropping one of them cannot bring it in
        for group, value in parsed:
            # Count for group X if the document passes every filter except X's own.
            if not failing or failing == [group]:
                counts.setdefault(group, {})
                counts[group][value] = counts[group].get(value, 0) + n
    return counts


@dataclass
class Weights:
    title: float = 10.0
    keywords: float = 8.0
    summary: float = 3.0
    body: float = 1.0
    product_boost: float = 1.5


@dataclass
class SearchRequest:
    text: str
    filters: SearchFilters = field(default_factory=SearchFilters)
    offset: int = 0
    limit: int = 10
    weights: Weights = field(default_factory=Weights)
    with_facets: bool = True
    # Best bets of the query (pinned by the service): the engine says which match on their own.
    pinned: tuple[int, ...] = ()


@dataclass
class EngineHit:
    page_id: int
    content_type: str
    title: str
    summary: str
    url: str | None  # the website's URL, set by the search service
    score: float
    highlight: str = ""  # HTML snippet with <mark>
    title_highlight: str = ""


@dataclass
class EngineResult:
    hits: list[EngineHit]
    total: int
    facets: dict[str, dict[str, int]] = field(default_factory=dict)  # group -> value -> count
    suggestion: str | None = None  # "did you mean", when nothing was found
    corrected_query: str | None = None  # what typos were read as, when results were found
    relaxed: bool = False  # not every word matched
    degraded: bool = False
    engine: str = ""
    pinned_matched: set[int] = field(default_factory=set)  # request.pinned among the matches


@dataclass
class Suggestion:
    text: str
    kind: str  # "title" | "term"
    page_id: int | None = None
    url: str | None = ""  # the website's URL, set by the search service


def merge_suggestions(
    titles: Iterable[tuple[str, int, str]], words: Iterable[str], head: str, limit: int
) -> list[Suggestion]:
    """Completions of both engines in one order: page titles (page title, id, URL) first,
    each title once whatever its case, then `head` (the words typed before the last one)
    followed by each completed word, leaving out what a title already says."""
    suggestions: list[Suggestion] = []
    seen: set[str] = set()
    for title, page_id, url in titles:
        if title.lower() not in seen:
            seen.add(title.lower())
            suggestions.append(Suggestion(title, "title", page_id, url))
    for word in words:
        text = f"{head} {word}".strip()
        if text not in seen:
            seen.add(text)
            suggestions.append(Suggestion(text, "term"))
    return suggestions[:limit]


class EngineUnavailable(Exception):
    """The engine cannot answer now (e.g. Elasticsearch is down); callers fall back."""


class SearchEngine(ABC):
    name: str = ""
    #: True when index writes happen in the caller's database transaction.
    transactional: bool = False

    @abstractmethod
    def index_documents(self, documents: Sequence[Document]) -> None:
        """Add or replace documents."""

    @abstractmethod
    def remove_documents(self, page_ids: Sequence[int]) -> None:
        """Remove documents; unknown ids are ignored."""

    @abstractmethod
    def rebuild(
        self, documents: Iterable[Document], total: int, progress: Callable[[int], None]
    ) -> int:
        """Replace the whole index; returns the number of documents indexed."""

    @abstractmethod
    def search(self, request: SearchRequest) -> EngineResult:
        """Rank live documents for the request (synonyms: `search.vocabulary.get_synonyms`)."""

    @abstractmethod
    def suggest(self, prefix: str, limit: int = 8) -> list[Suggestion]:
        """Completions for a search box."""

    @abstractmethod
    def document_count(self) -> int:
        """How many documents the index holds."""
