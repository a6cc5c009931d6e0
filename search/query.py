"""From what an agent types to a boolean query over analysed terms. Pure Python, no Django.

A plan is a small tree (`Term`, `AnyOf`, `AllOf`) that each engine renders in its own
syntax (FTS5 MATCH, PostgreSQL tsquery). Every query word becomes a group of alternatives:

- the word's own term;
- typo corrections when the term is unknown ("paspoot" -> "paspoort");
- a prefix when the word is unknown, for a word still being typed ("paspo" -> "paspo*");
- the parts of a compound ("afvalcontainer" -> "afval" AND "container");
- editor synonyms on word sequences ("id kaart" -> "identiteitskaart" OR "eid");
- the joined form of two adjacent words ("rij bewijs" -> "rijbewijs").

User text never reaches an engine's query syntax: only analysed terms ([a-z0-9]+) do.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from . import analysis


@dataclass(frozen=True)
class Term:
    """One term, a phrase of terms (len > 1), or a prefix (`prefix=True`)."""

    tokens: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True)
class AnyOf:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class AllOf:
    children: tuple[Node, ...]


Node = Term | AnyOf | AllOf


def any_of(nodes: Sequence[Node]) -> Node:
    unique = tuple(dict.fromkeys(nodes))
    return unique[0] if len(unique) == 1 else AnyOf(unique)


def all_of(nodes: Sequence[Node]) -> Node:
    unique = tuple(dict.fromkeys(nodes))
    return unique[0] if len(unique) == 1 else AllOf(unique)


@dataclass
class SynonymTable:
    """Synonym groups as analysed term sequences.

    `groups` holds tuples of phrases; in a one-way group only the first phrase is added
    for the others (a query for "koffiekoek" also finds "gebak", not the reverse).
    """

    groups: list[tuple[tuple[str, ...], ...]] = field(default_factory=list)
    one_way: list[bool] = field(default_factory=list)
    _by_first: dict[str, list[tuple[tuple[str, ...], int]]] = field(default_factory=dict)

    @classmethod
    def from_texts(cls, entries: Sequence[tuple[Sequence[str], bool]]) -> SynonymTable:
        table = cls()
        for texts, one_way in entries:
            phrases = tuple(
                dict.fromkeys(p for p in (tuple(analysis.analyse(t)) for t in texts) if p)
            )
            if len(phrases) < 2:
                continue
            index = len(table.groups)
            table.groups.append(phrases)
            table.one_way.append(one_way)
            for position, phrase in enumerate(phrases):
                if one_way and position == 0:
                    continue
                table._by_first.setdefault(phrase[0], []).append((phrase, index))
        for candidates in table._by_first.values():
            candidates.sort(key=lambda item: -len(item[0]))
        return table

    def match(self, terms: Sequence[str], start: int) -> tuple[int, list[tuple[str, ...]]]:
        """Longest synonym phrase at `start`: (its length, the other phrases); (0, []) if none."""
        for phrase, index in self._by_first.get(terms[start], ()):
            if tuple(terms[start : start + len(phrase)]) == phrase:
                group = self.groups[index]
                others = [group[0]] if self.one_way[index] else [p for p in group if p != phrase]
                return len(phrase), others
        return 0, []


@dataclass
class QueryPlan:
    text: str
    groups: list[Node]
    words: list[str]
    corrections: dict[str, str]
    terms: set[str]
    prefixes: set[str]

    @property
    def empty(self) -> bool:
        return not self.groups

    def strict(self) -> Node:
        return all_of(self.groups)

    def relaxed(self) -> Node:
        return any_of(self.groups)

    @property
    def corrected_text(self) -> str | None:
        if not self.corrections:
            return None
        return " ".join(self.corrections.get(w, w) for w in self.words)


class Vocabulary:
    """What the planner needs to know about the index: term frequencies and typo lookup."""

    def __init__(
        self,
        frequencies: Mapping[str, int],
        words: Mapping[str, str] | None = None,
        documents: int = 0,
    ):
        self.frequencies = frequencies
        self.words = words or {}
        self.documents = documents or max(frequencies.values(), default=1)
        self._typos: analysis.TypoIndex | None = None
        self._cache: dict[str, object] = {}

    def cached(self, key: str, build):
        """A value derived from this vocabulary, built once (e.g. an analyser with its memo)."""
        if key not in self._cache:
            self._cache[key] = build()
        return self._cache[key]

    def count(self, term: str) -> int:
        return self.frequencies.get(term, 0)

    @property
    def typos(self) -> analysis.TypoIndex:
        if self._typos is None:
            self._typos = analysis.TypoIndex(self.frequencies)
        return self._typos

    def display(self, term: str) -> str:
        return self.words.get(term, term)

    def did_you_mean(self, words: Sequence[str]) -> str | None:
        """The words with unknown ones replaced by their nearest known term, or None when no
        word changed. Engines still check that the corrected text finds something."""
        replaced, changed = [], False
        for word in words:
            term = analysis.stem(word)
            if self.count(term):
                replaced.append(word)
                continue
            candidates = self.typos.lookup(term, max_distance=min(3, max(1, len(term) // 3)))
            if candidates:
                replaced.append(self.display(candidates[0][0]))
                changed = True
        return " ".join(replaced) if changed and replaced else None


RARE = 2  # a known term this rare may still be a typo of a frequent one
MIN_PREFIX = 3


def plan_query(
    text: str, vocabulary: Vocabulary, synonyms: SynonymTable | None = None
) -> QueryPlan:
    """Analyse cleaned query text into a plan. Raises nothing: an empty plan matches nothing."""
    all_words = analysis.words(text)
    query_words = [w for w in all_words if not analysis.is_stop_word(w)][: analysis.MAX_QUERY_TERMS]
    terms = [analysis.stem(w) for w in query_words]
    plan = QueryPlan(text, [], query_words, {}, set(terms), set())
    word_groups: list[Node] = [
        _word_group(word, term, vocabulary, plan)
        for word, term in zip(query_words, terms, strict=True)
    ]
    i = 0
    while i < len(terms):
        length, others = synonyms.match(terms, i) if synonyms else (0, [])
        if length:
            original = all_of(word_groups[i : i + length])
            alternatives = [Term(phrase) for phrase in others]
            plan.terms.update(t for phrase in others for t in phrase)
            plan.groups.append(any_of([original, *alternatives]))
            i += length
            continue
        if i + 1 < len(terms):
            joined = analysis.join_candidates(query_words[i], query_words[i + 1])
            if vocabulary.count(joined) and joined not in terms:
                plan.terms.add(joined)
                pair = all_of(word_groups[i : i + 2])
                plan.groups.append(any_of([pair, Term((joined,))]))
                i += 2
                continue
        plan.groups.append(word_groups[i])
        i += 1
    return plan


def _word_group(word: str, term: str, vocabulary: Vocabulary, plan: QueryPlan) -> Node:
    alternatives: list[Node] = [Term((term,))]
    count = vocabulary.count(term)
    if count <= RARE:
        corrections = [
            (candidate, frequency)
            for candidate, _distance, frequency in vocabulary.typos.lookup(term)
            if frequency > max(count * 10, 0)
        ][:2]
        for candidate, _ in corrections:
            alternatives.append(Term((candidate,)))
            plan.terms.add(candidate)
        if corrections and not count:
            plan.corrections[word] = vocabulary.display(corrections[0][0])
    if not count:
        stem_prefix = _common_prefix(word.replace("ij", "y"), term)
        if len(stem_prefix) >= MIN_PREFIX:
            alternatives.append(Term((stem_prefix,), prefix=True))
            plan.prefixes.add(stem_prefix)
    parts = analysis.split_compound(word, vocabulary.count)
    if parts:
        alternatives.append(AllOf((Term((parts[0],)), Term((parts[1],)))))
        plan.terms.update(parts)
    return any_of(alternatives)


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def prefix_plan(text: str) -> tuple[list[Node], set[str], str]:
    """For autocomplete: earlier words as terms, the last (unfinished) word as a prefix."""
    raw = analysis.words(text)
    if not raw:
        return [], set(), ""
    *head, last = raw
    nodes: list[Node] = [Term((analysis.stem(w),)) for w in head if not analysis.is_stop_word(w)]
    prefix = _common_prefix(last.replace("ij", "y"), analysis.stem(last)) or last
    nodes.append(Term((prefix,), prefix=True))
    return nodes, {n.tokens[0] for n in nodes}, last


def without_phrases(node: Node) -> Node | None:
    """The part of `node` that holds without its phrases (None: nothing does).

    Every document it matches also matches `node`; PostgreSQL answers it from the GIN
    index alone, without rechecking the stored vectors.
    """
    if isinstance(node, Term):
        return None if len(node.tokens) > 1 else node
    children = [without_phrases(child) for child in node.children]
    if isinstance(node, AnyOf):
        kept = [child for child in children if child is not None]
        return any_of(kept) if kept else None
    if any(child is None for child in children):
        return None
    return all_of([child for child in children if child is not None])


# --- Rendering ------------------------------------------------------------------------------


def to_fts5(node: Node) -> str:
    """SQLite FTS5 MATCH syntax. Tokens are [a-z0-9]+ and always quoted."""
    if isinstance(node, Term):
        text = '"' + " ".join(node.tokens) + '"'
        return text + "*" if node.prefix else text
    joiner = " OR " if isinstance(node, AnyOf) else " AND "
    return "(" + joiner.join(to_fts5(child) for child in node.children) + ")"


def to_tsquery(node: Node, phrases: bool = True) -> str:
    """PostgreSQL to_tsquery('simple', ...) syntax.

    `phrases=False` renders a phrase as AND of its terms: the GIN index answers that
    exactly, while `<->` makes PostgreSQL recheck every candidate against its vector.
    """
    if isinstance(node, Term):
        if len(node.tokens) > 1:
            operator = " <-> " if phrases else " & "
            return "(" + operator.join(f"'{t}'" for t in node.tokens) + ")"
        return f"'{node.tokens[0]}'" + (":*" if node.prefix else "")
    joiner = " | " if isinstance(node, AnyOf) else " & "
    return "(" + joiner.join(to_tsquery(child, phrases) for child in node.children) + ")"
