"""Dutch readability: Flesch-Douma score, a Dutch syllable counter and long sentences.

Flesch-Douma (Douma 1960) adapts Flesch's reading ease to Dutch:
    206.84 - 0.77 * syllables per 100 words - 0.93 * words per sentence.
A score of 60 or more reads as "normaal" and is the usual target for B1 texts.
Plain text in, plain values out: the caller strips Markdown or HTML first.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache

B1_TARGET = 60.0
LONG_SENTENCE_WORDS = 20

# Levels by score, as Douma's table is usually quoted in Dutch plain-language guides.
_LEVELS = (
    (90.0, "zeer makkelijk"),
    (80.0, "makkelijk"),
    (70.0, "redelijk makkelijk"),
    (60.0, "normaal"),
    (45.0, "redelijk moeilijk"),
    (30.0, "moeilijk"),
)

_VOWELS = "aeiouyàáâèéêìíîòóôùúûäëïöüÿ"
# A vowel with a trema (diaeresis) always starts a new syllable: "ideeën", "geïnd", "België".
_TREMA = "äëïöü"
# Vowel letters that sound as one: longest first, so "aai" wins over "aa".
_CLUSTERS = (
    "ieu", "eeu", "aai", "ooi", "oei",
    "aa", "ee", "oo", "uu", "ie", "oe", "ei", "ui", "ou", "au", "eu", "ai", "ay", "ey", "oy",
)  # fmt: skip
# One match per syllable nucleus: a trema vowel alone, else the longest cluster, else a vowel.
_NUCLEUS_RE = re.compile("|".join([f"[{_TREMA}]", *_CLUSTERS, f"[{_VOWELS}]"]))
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*|\d+(?:[.,]\d+)*", re.UNICODE)
_NOISE_RE = re.compile(r"https?://\S+|www\.\S+|\S+@\S+\.\w+|\(\s*\)|[*_#`>|]")
# Abbreviations whose period does not end a sentence (lower case, without the final period).
_ABBREVIATIONS = {
    "bijv", "bv", "bijvoorbeeld", "o.a", "oa", "enz", "etc", "d.w.z", "dwz", "ca", "max", "min",
    "nr", "tel", "e.d", "m.b.t", "mbt", "i.p.v", "ipv", "t.a.v", "tav", "z.s.m", "zsm", "incl",
    "excl", "blz", "jl", "mr", "dhr", "mevr", "drs", "ir", "dr", "prof", "art", "st", "evt",
    "i.v.m", "ivm", "m.u.v", "n.a.v", "nav", "t.o.v", "tov", "vs", "z.o.z", "o.b.v", "obv",
    "resp", "ong", "gem", "jr", "mln", "mld", "e.a", "e.v", "p.p", "a.u.b", "aub", "s.v.p",
}  # fmt: skip
_SENTENCE_END_RE = re.compile(r"[.!?]+(?=[\s\"')\]»”’]|$)")
_INITIAL_RE = re.compile(r"[a-z]")


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int
    words: int


@dataclass(frozen=True)
class Readability:
    """Counts and score of one text; `score` is None for a text without words."""

    words: int
    sentences: int
    syllables: int
    score: float | None
    long_sentences: tuple[Sentence, ...] = field(default=())

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def syllables_per_word(self) -> float:
        return self.syllables / self.words if self.words else 0.0

    @property
    def level(self) -> str:
        return level(self.score)

    def meets(self, target: float = B1_TARGET) -> bool:
        return self.score is None or self.score >= target


def level(score: float | None) -> str:
    """Douma's reading level in Dutch, e.g. "normaal" for 60-70."""
    if score is None:
        return "geen tekst"
    for minimum, name in _LEVELS:
        if score >= minimum:
            return name
    return "zeer moeilijk"


@lru_cache(maxsize=65536)
def count_syllables(word: str) -> int:
    """Syllables in one Dutch word, counted as groups of vowel sounds ("ij" is one vowel).

    An estimate, as every automatic counter is: "paspoort" 2, "gemeente" 3, "ideeën" 3,
    "geïnteresseerd" 5. Numbers and words without vowels ("KCC") count as one syllable.
    """
    lower = word.lower().replace("ij", "ÿ").replace("ĳ", "ÿ")
    return max(len(_NUCLEUS_RE.findall(lower)), 1)


def words(text: str) -> list[str]:
    """The words of a text; links, e-mail addresses and Markdown marks are not words."""
    return _WORD_RE.findall(_NOISE_RE.sub(" ", text))


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    if match.group() != ".":
        return True  # "!" and "?" (and "...") always end a sentence
    begin = max(text.rfind(" ", 0, match.start()), text.rfind("\t", 0, match.start())) + 1
    token = text[begin : match.start()].lower().lstrip("(\"'")
    if token in _ABBREVIATIONS or _INITIAL_RE.fullmatch(token):
        return False  # "bijv." and initials such as "J." continue the sentence
    after = text[match.end() : match.end() + 4].lstrip(" \t")
    # A lower-case word after a period is the same sentence ("ca. een week"), except "'s".
    return not (after[:1].islower() and not after.startswith("'s"))


def _split(text: str) -> list[tuple[Sentence, list[str]]]:
    """Sentences with their words; each line (heading, list item) is a sentence of its own."""
    result: list[tuple[Sentence, list[str]]] = []
    offset = 0
    for line in text.split("\n"):
        start = 0
        for match in _SENTENCE_END_RE.finditer(line):
            if _ends_sentence(line, match):
                _add_sentence(result, line, start, match.end(), offset)
                start = match.end()
        _add_sentence(result, line, start, len(line), offset)
        offset += len(line) + 1
    return result


def _add_sentence(result: list, line: str, start: int, end: int, offset: int) -> None:
    piece = line[start:end]
    stripped = piece.strip()
    found = words(stripped)
    if found:
        begin = offset + start + len(piece) - len(piece.lstrip())
        result.append((Sentence(stripped, begin, begin + len(stripped), len(found)), found))


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of a plain text; each line (heading, list item) is a sentence of its own."""
    return [sentence for sentence, _ in _split(text)]


def flesch_douma(word_count: int, sentence_count: int, syllable_count: int) -> float | None:
    if not word_count or not sentence_count:
        return None
    return (
        206.84 - 0.77 * (100.0 * syllable_count / word_count) - 0.93 * (word_count / sentence_count)
    )


def assess(text: str, long_sentence_words: int = LONG_SENTENCE_WORDS) -> Readability:
    """Flesch-Douma score of a plain text, with the sentences longer than the limit."""
    split = _split(text or "")
    sentences = [sentence for sentence, _ in split]
    all_words = [w for _, found in split for w in found]
    syllables = sum(count_syllables(w) for w in all_words)
    score = flesch_douma(len(all_words), len(sentences), syllables)
    return Readability(
        words=len(all_words),
        sentences=len(sentences),
        syllables=syllables,
        score=None if score is None else round(score, 1),
        long_sentences=tuple(s for s in sentences if s.words > long_sentence_words),
    )
