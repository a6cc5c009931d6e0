"""Dutch text analysis shared by every search engine. Pure Python, no Django.

Documents and queries go through the same steps, so the index holds *analysed terms*:

    "Rijbewijzen aanvragen" -> fold -> "rijbewijzen aanvragen" -> stem -> "rybewys aanvraag"

- folding: lower case, accents removed ("café" -> "cafe"), "ij" and "y" made one letter
  ("rijbewys" is how people type "rijbewijs"), applied after stemming so the stemmer
  sees real Dutch;
- stop words ("de", "een", "hoe", "mijn") are dropped;
- stemming with the Snowball Dutch stemmer ("aanvragen" and "aanvraag" -> "aanvraag");
- compounds are split against a vocabulary ("afvalcontainer" -> "afval" + "container",
  "identiteitskaart" -> "identiteit" + "kaart") and, at query time, adjacent words are
  joined ("rij bewijs" -> "rijbewijs");
- typo-tolerant lookup of terms (Damerau-Levenshtein with a SymSpell-style index of
  deletions), used for corrections and "did you mean".
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import snowballstemmer

# Snowball's Dutch stop list plus question words agents and citizens type ("hoe", "waar")
# and verbs without a subject of their own.
STOP_WORDS = frozenset(
    [
        "de",
        "en",
        "van",
        "ik",
        "te",
        "dat",
        "die",
        "in",
        "een",
        "hij",
        "het",
        "niet",
        "zijn",
        "is",
        "was",
        "op",
        "aan",
        "met",
        "als",
        "voor",
        "had",
        "er",
        "maar",
        "om",
        "hem",
        "dan",
        "zou",
        "of",
        "wat",
        "mijn",
        "men",
        "dit",
        "zo",
        "door",
        "over",
        "ze",
        "zich",
        "bij",
        "ook",
        "tot",
        "je",
        "mij",
        "uit",
        "der",
        "daar",
        "haar",
        "naar",
        "heb",
        "hoe",
        "heeft",
        "hebben",
        "deze",
        "u",
        "want",
        "nog",
        "zal",
        "me",
        "zij",
        "nu",
        "ge",
        "geen",
        "omdat",
        "iets",
        "worden",
        "toch",
        "al",
        "waren",
        "veel",
        "meer",
        "doen",
        "toen",
        "moet",
        "ben",
        "zonder",
        "kan",
        "hun",
        "dus",
        "alles",
        "onder",
        "ja",
        "eens",
        "hier",
        "wie",
        "werd",
        "altijd",
        "doch",
        "wordt",
        "wezen",
        "kunnen",
        "ons",
        "zelf",
        "tegen",
        "na",
        "reeds",
        "wil",
        "kon",
        "niets",
        "uw",
        "geweest",
        "andere",
        "waar",
        "wanneer",
        "welke",
        "welk",
        "waarom",
        "mag",
        "moeten",
        "kun",
        "kunt",
        "wij",
        "jij",
        "jullie",
        "we",
        "mijne",
        "graag",
        "even",
        "wel",
        "dient",
        "s",
        "t",
        # Verbs that carry no subject in a query ("ik ga verhuizen", "we krijgen een baby").
        "ga",
        "gaan",
        "gaat",
        "ging",
        "krijg",
        "krijgen",
        "krijgt",
        "kreeg",
    ]
)

MAX_QUERY_CHARS = 500
MAX_QUERY_TERMS = 12
_WORD = re.compile(r"[a-z0-9]+")
_stemmer = snowballstemmer.stemmer("dutch")
_stem_cache: dict[str, str] = {}
_fold_cache: dict[str, str] = {}


def _fold_table() -> dict[int, str]:
    """Latin letters with accents -> plain letters, for str.translate (C speed)."""
    table: dict[int, str] = {}
    for code in range(0xC0, 0x250):
        char = chr(code).lower()
        plain = "".join(
            c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
        )
        if plain != char and plain.isascii():
            table[code] = plain
    table.update({ord(k): v for k, v in _SPECIAL_CHARS.items()})
    return table


_SPECIAL_CHARS = {"ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "ł": "l", "đ": "d", "ĳ": "ij"}
_FOLD = _fold_table()


def fold(text: str) -> str:
    """Lower case without accents; punctuation is left for the tokenizer.

    Latin letters are folded by a translation table; other scripts keep their letters
    (the tokenizer only keeps [a-z0-9], so they do not reach the index).
    """
    text = (text or "").lower()
    if text.isascii():
        return text
    return _NON_ASCII.sub(_fold_char, text)


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _fold_char(match: re.Match) -> str:
    char = match.group()
    return _FOLD.get(ord(char), char)


_SEPARATE = bytes(c if chr(c).isalnum() and c < 128 else 32 for c in range(256)).lower()


def raw_words(text: str) -> list[str]:
    """Folded [a-z0-9]+ runs of a text, fast (bytes.translate); single letters included."""
    folded = fold(text)
    return folded.encode("ascii", "replace").translate(_SEPARATE).decode("ascii").split()


def words(text: str) -> list[str]:
    """Folded words; single letters are noise except digits."""
    return [w for w in _WORD.findall(fold(text)) if len(w) > 1 or w.isdigit()]


def stem(word: str) -> str:
    """Stem of one folded word, with "ij" written as "y" (so "rijbewys" meets "rijbewijs")."""
    cached = _stem_cache.get(word)
    if cached is None:
        cached = word if word.isdigit() else _stemmer.stemWord(word).replace("ij", "y")
        if len(_stem_cache) < 500_000:
            _stem_cache[word] = cached
    return cached


def is_stop_word(word: str) -> bool:
    return word in STOP_WORDS


def analyse(text: str) -> list[str]:
    """Text -> analysed terms (folded, stop words removed, stemmed), in order."""
    return [stem(w) for w in words(text) if w not in STOP_WORDS]


def analyse_words(text: str) -> list[tuple[str, str]]:
    """Like `analyse`, but keeps each folded surface word beside its term."""
    return [(w, stem(w)) for w in words(text) if w not in STOP_WORDS]


# --- Compounds ---------------------------------------------------------------------------

_LINKING = ("s", "en", "e")  # tussen-s / tussen-n: "identiteits|kaart", "boeken|kast"
MIN_COMPOUND = 7
MIN_PART = 3


def split_compound(word: str, known: Callable[[str], int]) -> tuple[str, str] | None:
    """Split a folded word into two known terms ("afvalcontainer" -> ("afval", "container")).

    `known(term)` returns how often a term occurs (0 = unknown). The split whose parts are
    most balanced and most frequent wins; None when no split makes two known terms.
    """
    if len(word) < MIN_COMPOUND or word.isdigit():
        return None
    best: tuple[tuple[int, int], tuple[str, str]] | None = None
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        head, tail = word[:cut], word[cut:]
        tail_term = stem(tail)
        tail_count = known(tail_term)
        if not tail_count or tail in STOP_WORDS:
            continue
        heads = [head] + [head[: -len(link)] for link in _LINKING if head.endswith(link)]
        for candidate in heads:
            if len(candidate) < MIN_PART or candidate in STOP_WORDS:
                continue
            head_term = stem(candidate)
            head_count = known(head_term) or known(candidate)
            if head_count:
                score = (min(len(candidate), len(tail)), min(head_count, tail_count))
                if best is None or score > best[0]:
                    best = (score, (head_term if known(head_term) else candidate, tail_term))
                break
    return best[1] if best else None


def join_candidates(first: str, second: str) -> str:
    """The term two adjacent folded words make when written as one ("rij" "bewijs")."""
    return stem(first + second)


# --- Typo tolerance ------------------------------------------------------------------------


def damerau_levenshtein(a: str, b: str, limit: int = 3) -> int:
    """Optimal-string-alignment distance; returns `limit + 1` once it exceeds `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        row_min = current[0]
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
            row_min = min(row_min, value)
        if row_min > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1] if previous[-1] <= limit else limit + 1


def _deletes(term: str, depth: int) -> set[str]:
    found = {term}
    frontier = {term}
    for _ in range(depth):
        frontier = {t[:i] + t[i + 1 :] for t in frontier for i in range(len(t)) if len(t) > 1}
        found |= frontier
    return found


def max_typos(term: str) -> int:
    """Edits allowed for a term of this length: none for short words, two for long ones."""
    if len(term) < 4:
        return 0
    return 1 if len(term) < 8 else 2


class TypoIndex:
    """SymSpell-style lookup: every term with one letter deleted points back to the term.

    Query terms are expanded to deletions of depth two, which finds all single edits and
    most double edits (including the swap of two letters) without storing depth-two
    deletions of a whole vocabulary.
    """

    def __init__(self, frequencies: Mapping[str, int]) -> None:
        self.frequencies = frequencies
        self._by_delete: dict[str, list[str]] = defaultdict(list)
        for term in frequencies:
            if len(term) >= 3 and not term.isdigit():
                for variant in _deletes(term, 1):
                    self._by_delete[variant].append(term)

    def lookup(self, term: str, max_distance: int | None = None) -> list[tuple[str, int, int]]:
        """Known terms within reach: (term, distance, frequency), nearest and most used first."""
        limit = max_typos(term) if max_distance is None else max_distance
        if limit == 0:
            return []
        candidates: set[str] = set()
        for variant in _deletes(term, limit):
            candidates.update(self._by_delete.get(variant, ()))
        found = []
        for candidate in candidates:
            if candidate == term:
                continue
            distance = damerau_levenshtein(term, candidate, limit)
            if distance <= limit:
                found.append((candidate, distance, self.frequencies.get(candidate, 0)))
        found.sort(key=lambda item: (item[1], -item[2], item[0]))
        return found


# --- Query cleaning --------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class QueryError(ValueError):
    """A query that cannot be searched; the message is Dutch and shown to the user."""


def clean_query(text: str | None) -> str:
    """Trimmed query text without control characters; raises QueryError when unusable."""
    if text is None:
        raise QueryError("Geef een zoekopdracht op.")
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"De zoekopdracht is te lang (hoogstens {MAX_QUERY_CHARS} tekens).")
    text = " ".join(_CONTROL.sub(" ", text).split())
    if not text:
        raise QueryError("Geef een zoekopdracht op.")
    return text


# --- Highlighting ------------------------------------------------------------------------------


SNIPPET_SCAN = 3000  # characters of a text searched for the best snippet


@dataclass(frozen=True)
class Highlighter:
    """Marks the words of a text whose analysed term matches the query."""

    terms: frozenset[str]
    prefixes: tuple[str, ...] = ()
    start: str = "<mark>"
    end: str = "</mark>"

    def _matches(self, word: str) -> bool:
        memo = self._memo()
        found = memo.get(word)
        if found is None:
            folded = fold(word)
            if not folded.isalnum() or folded in STOP_WORDS:
                found = False
            else:
                term = stem(folded)
                found = term in self.terms or any(term.startswith(p) for p in self.prefixes)
            memo[word] = found
        return found

    def _pattern(self) -> re.Pattern:
        """Words that may match, found at C speed: they start like a term (or "ge" + term).

        Only these candidates are analysed; the rest of the text is skipped.
        """
        pattern = self.__dict__.get("_compiled")
        if pattern is None:
            starts = {t[:3] for t in (*self.terms, *self.prefixes) if t}
            alternatives = sorted(
                (re.escape(start).replace("y", "(?:ij|y|ĳ)") for start in starts),
                key=len,
                reverse=True,
            )
            if alternatives:
                pattern = re.compile(r"\b(?:ge)?(?:" + "|".join(alternatives) + r")\w*", re.I)
            else:
                pattern = re.compile(r"(?!x)x")
            object.__setattr__(self, "_compiled", pattern)
        return pattern

    def _memo(self) -> dict[str, bool]:
        memo = self.__dict__.get("_memo_dict")
        if memo is None:
            memo = {}
            object.__setattr__(self, "_memo_dict", memo)
        return memo

    def snippet(self, text: str, length: int = 220) -> tuple[str, bool]:
        """An HTML snippet of about `length` characters around the most matches.

        Returns (snippet, matched). Text is escaped; only the marks are HTML.
        """
        text = " ".join((text or "")[:SNIPPET_SCAN].split())
        spans = [m.span() for m in self._pattern().finditer(text) if self._matches(m.group())]
        if not spans:
            return escape_trim(text, length), False
        # The window of `length` characters that holds the most matched words.
        best_start, best_count = spans[0][0], 0
        j = 0
        for i, (start, _) in enumerate(spans):
            while j < len(spans) and spans[j][1] <= start + length:
                j += 1
            if j - i > best_count:
                best_start, best_count = start, j - i
        begin = max(0, best_start - length // 4)
        if begin:
            space = text.rfind(" ", 0, begin)
            begin = space + 1 if space >= 0 else 0
        finish = min(len(text), begin + length)
        if finish < len(text):
            space = text.rfind(" ", begin, finish)
            finish = space if space > best_start else finish
        parts, cursor = [], begin
        for start, stop in spans:
            if start < begin or stop > finish:
                continue
            parts.append(html.escape(text[cursor:start]))
            parts.append(self.start + html.escape(text[start:stop]) + self.end)
            cursor = stop
        parts.append(html.escape(text[cursor:finish]))
        prefix = "…" if begin > 0 else ""
        suffix = "…" if finish < len(text) else ""
        return prefix + "".join(parts) + suffix, True

    def mark_all(self, text: str) -> str:
        """The whole (short) text escaped, with every matching word marked."""
        parts, cursor = [], 0
        for m in self._pattern().finditer(text or ""):
            if self._matches(m.group()):
                parts.append(html.escape(text[cursor : m.start()]))
                parts.append(self.start + html.escape(m.group()) + self.end)
                cursor = m.end()
        parts.append(html.escape((text or "")[cursor:]))
        return "".join(parts)


def escape_trim(text: str, length: int) -> str:
    if len(text) <= length:
        return html.escape(text)
    cut = text.rfind(" ", 0, length)
    return html.escape(text[: cut if cut > 0 else length]) + "…"


_TAG = re.compile(r"<[^>]+>")
_MARKDOWN = re.compile(r"(\*\*|__|\[|\]\([^)]*\)|^#+\s|^[-*]\s)", re.MULTILINE)


def strip_html(value: str) -> str:
    """Fast rich text -> plain text for indexing (block tags become spaces)."""
    return " ".join(html.unescape(_TAG.sub(" ", value or "")).split())


def strip_markdown(value: str) -> str:
    return " ".join(_MARKDOWN.sub(" ", value or "").split())


def unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
