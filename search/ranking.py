"""Second-stage ranking shared by the database engine on SQLite and PostgreSQL. Pure Python.

bm25 / ts_rank rank on term statistics; agents expect the page whose *title* says what they
typed ("paspoort kwijt" -> "Paspoort of ID-kaart kwijt of gestolen") and the page an editor
gave the exact keyword. The best candidates are re-scored with:

- title coverage: the share of the query (weighted by how rare each word is) found in the title;
- keyword coverage, and an exact keyword phrase ("bank weggooien" is a keyword of grofvuil).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from itertools import product

from .query import AnyOf, Node, Term

TITLE = 1.0
KEYWORDS = 0.5
EXACT_KEYWORD = 0.75
MAX_COMBINATIONS = 16

Alternative = tuple[frozenset[str], frozenset[str]]  # (terms, prefixes)


def alternatives(node: Node) -> list[Alternative]:
    """Every way a plan group can be satisfied, as sets of terms (and prefixes)."""
    if isinstance(node, Term):
        tokens = frozenset(node.tokens)
        return [(frozenset(), tokens)] if node.prefix else [(tokens, frozenset())]
    if isinstance(node, AnyOf):
        return [alt for child in node.children for alt in alternatives(child)]
    combined: list[Alternative] = []
    for parts in product(*(alternatives(child) for child in node.children)):
        combined.append(
            (frozenset().union(*(p[0] for p in parts)), frozenset().union(*(p[1] for p in parts)))
        )
        if len(combined) >= MAX_COMBINATIONS:
            break
    return combined


def satisfied(options: Sequence[Alternative], terms: set[str]) -> bool:
    for required, prefixes in options:
        if required <= terms and all(any(t.startswith(p) for t in terms) for p in prefixes):
            return True
    return False


class Reranker:
    def __init__(
        self, groups: Sequence[Node], document_frequency: Callable[[str], int], documents: int
    ) -> None:
        self.groups = [alternatives(g) for g in groups]
        total = max(documents, 1)
        self.idf = []
        for options in self.groups:
            frequencies = [
                min((document_frequency(t) for t in required), default=total // 10)
                for required, _ in options
            ]
            df = max(frequencies) if frequencies else total
            self.idf.append(math.log(1 + total / (1 + df)))
        self.total_idf = sum(self.idf) or 1.0

    def coverage(self, terms: set[str]) -> float:
        return (
            sum(
                w
                for options, w in zip(self.groups, self.idf, strict=True)
                if satisfied(options, terms)
            )
            / self.total_idf
        )

    def multiplier(self, title_terms: set[str], keyword_phrases: Iterable[set[str]]) -> float:
        phrases = list(keyword_phrases)
        all_keywords = set().union(*phrases) if phrases else set()
        exact = any(
            len(phrase) <= len(self.groups) + 1
            and all(satisfied(options, phrase) for options in self.groups)
            for phrase in phrases
        )
        return (
            1.0
            + TITLE * self.coverage(title_terms)
            + KEYWORDS * self.coverage(all_keywords)
            + (EXACT_KEYWORD if exact else 0.0)
        )
