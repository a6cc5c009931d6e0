"""Dutch phrasing of prices and lead times, and finding them (and phone numbers) in free text.

The parsers feed a consistency checker that flags prose contradicting the structured facts, so
they favour precision over recall: an amount needs a currency marker, a lead time a unit and
(for the vaguer units) a word that makes it a lead time, a phone number a Dutch number plan.
"""

import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Generic, NamedTuple, TypeVar

from .lead_time import CALENDAR_DAYS, HOURS, IMMEDIATE, WEEKS, WORKING_DAYS, LeadTime

T = TypeVar("T")


class Found(NamedTuple, Generic[T]):
    """A value found in text, with where it was, so a checker can quote or highlight it."""

    value: T
    start: int
    end: int
    text: str


def _first_come(found: list[Found[T]]) -> list[Found[T]]:
    """Drops matches overlapping an earlier (or, at the same start, longer) one."""
    result: list[Found[T]] = []
    for item in sorted(found, key=lambda f: (f.start, -f.end)):
        if not result or item.start >= result[-1].end:
            result.append(item)
    return result


# --- Prices ---------------------------------------------------------------------------------

_CENT = Decimal("0.01")


def format_euro(amount: Decimal | None, free: bool = False) -> str:
    """Dutch notation, "€ 1.234,50"; "gratis" when free or zero; "" when unknown."""
    if free or (amount is not None and amount == 0):
        return "gratis"
    if amount is None:
        return ""
    value = Decimal(str(amount)).quantize(_CENT, rounding=ROUND_HALF_UP)
    sign = "-" if value < 0 else ""
    whole, cents = f"{abs(value):,.2f}".split(".")
    return f"€ {sign}{whole.replace(',', '.')},{cents}"


def _number(name: str) -> str:
    # Dutch notation: "1.234,50", "1234,50", "70,-", "70". Dots only as thousands separators,
    # so "75.35" is not read as 75; leading zeros (area codes) are no amounts.
    return (
        rf"(?P<{name}_int>[1-9]\d{{0,2}}(?:\.\d{{3}})+|[1-9]\d{{0,6}}|0)"
        rf"(?:,(?P<{name}_dec>\d{{1,2}}|-{{1,2}}|[–—=]))?(?![.,]?\d)"
    )


_EURO_RE = re.compile(
    rf"(?:€|\bEUR\b)\s{{0,2}}{_number('pre')}"
    rf"|(?<![\w.,/+:€-]){_number('post')}\s?(?:euro(?:'s)?|EUR)\b",
    re.IGNORECASE,
)


def _euro_value(match: re.Match[str]) -> Decimal:
    prefix = "pre" if match.group("pre_int") is not None else "post"
    whole = match.group(f"{prefix}_int").replace(".", "")
    decimals = match.group(f"{prefix}_dec") or ""
    cents = decimals.ljust(2, "0") if decimals.isdigit() else "00"
    return Decimal(f"{whole}.{cents}")


def find_euro_amounts(text: str) -> list[Found[Decimal]]:
    return [Found(_euro_value(m), m.start(), m.end(), m.group()) for m in _EURO_RE.finditer(text)]


def parse_euro_amounts(text: str) -> list[Decimal]:
    """Amounts in euros, in order, each with two decimals."""
    return [found.value for found in find_euro_amounts(text)]


# --- Lead times -----------------------------------------------------------------------------

_UNIT_WORDS = {
    HOURS: ("uur", "uur"),
    WORKING_DAYS: ("werkdag", "werkdagen"),
    CALENDAR_DAYS: ("dag", "dagen"),
    WEEKS: ("week", "weken"),
}


def _amount(value: int, unit: str) -> str:
    singular, plural = _UNIT_WORDS[unit]
    return f"{value} {singular if value == 1 else plural}"


def format_lead_time(lead_time: LeadTime) -> str:
    """Dutch phrasing: "direct", "5 werkdagen", "3 tot 5 werkdagen", "maximaal 8 weken"."""
    low = lead_time.minimum or None  # "0 tot 5 werkdagen" reads better as "maximaal 5"
    high = lead_time.maximum
    if lead_time.unit == IMMEDIATE or high == 0 or (low is None and high is None):
        return "direct"
    if low is not None and high is not None:
        return (
            _amount(high, lead_time.unit)
            if low == high
            else f"{low} tot {_amount(high, lead_time.unit)}"
        )
    if high is not None:
        return f"maximaal {_amount(high, lead_time.unit)}"
    return f"minimaal {_amount(low, lead_time.unit)}"


_NUMBER_WORDS = {
    "een": 1, "één": 1, "eén": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6,
    "zeven": 7, "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "veertien": 14,
    "twintig": 20, "dertig": 30,
}  # fmt: skip
_NUM = r"(?:\d{1,3}(?![.,]?\d)|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")\b"
_MAX_CUES = {
    "binnen", "uiterlijk binnen", "uiterlijk", "maximaal", "max.", "hooguit", "tot", "tot en met",
    "t/m",
}  # fmt: skip
_MIN_CUES = {"minimaal", "min.", "minstens", "ten minste", "tenminste"}
_CUES = (
    r"uiterlijk\s+binnen|binnen|tot\s+en\s+met|t/m|tot|maximaal|max\.|hooguit|uiterlijk"
    r"|minimaal|min\.|minstens|ten\s+minste|tenminste|ongeveer|circa|ca\.|gemiddeld|zo'n|duurt|na|in"
)
_LEAD_TIME_RE = re.compile(
    rf"(?:\b(?P<cue>{_CUES})\s+)?(?<![\w.,:/-])"
    rf"(?:tussen\s+(?P<between_low>{_NUM})\s+en\s+(?P<between_high>{_NUM})"
    rf"|(?P<low>{_NUM})\s*(?:tot(?:\s+en\s+met)?|à|a|-|–|—)\s*(?P<high>{_NUM})"
    rf"|(?P<single>{_NUM}))"
    r"\s+(?P<unit>werkdag(?:en)?|kalenderdag(?:en)?|dag(?:en)?|we(?:ek|ken)|uur|uren)\b"
    # "2 dagen per week", "3 weken geleden", "6 weken van tevoren" are no lead times.
    r"(?!\s+(?:per|geleden|oud|lang|later|eerder|voor|vóór|voorafgaand|vooraf|van\s+tevoren)\b)",
    re.IGNORECASE,
)
# Without a cue, "3 weken" or "een dag" is only a lead time in a sentence about one.
# ("na" is deliberately missing: "3 weken na ontvangst" still needs a sentence like that.)
_CONTEXT_RE = re.compile(
    r"\b(?!altijd\b)\w*(?:tijd|termijn)\b|\b(?:duurt|duur|klaar|ontvangt|krijgt|bericht"
    r"|besluit|beslissing|geleverd|levering|verwerkt|behandeld|afgehandeld)\b",
    re.IGNORECASE,
)
_CLOCK_WORDS = {"om", "van", "vanaf", "tot", "tussen", "voor", "na", "rond", "tegen", "en", "of"}
_IMMEDIATE_RE = re.compile(
    r"\b(?:direct|meteen)\s+(?:mee(?:nemen|genomen)?|klaar)\b|\bterwijl\s+u\s+wacht\b",
    re.IGNORECASE,
)


def _unit(word: str) -> str:
    word = word.lower()
    if word.startswith("werkdag"):
        return WORKING_DAYS
    if word.startswith(("kalenderdag", "dag")):
        return CALENDAR_DAYS
    return WEEKS if word.startswith("we") else HOURS


def _value(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.lower()]


def _sentence_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The sentence's text before and after a match, at most 80 characters each way."""
    begin = max(text.rfind(mark, 0, start) for mark in (".", "!", "?", "\n")) + 1
    stop = min((i for i in (text.find(m, end) for m in ".!?\n") if i >= 0), default=len(text))
    return text[max(begin, start - 80) : start], text[end : min(stop, end + 80)]


def _lead_time(match: re.Match[str], text: str) -> LeadTime | None:
    unit_word = match.group("unit").lower()
    unit = _unit(unit_word)
    cue = re.sub(r"\s+", " ", (match.group("cue") or "").lower())
    single = match.group("single")
    before, after = _sentence_around(text, match.start(), match.end())
    previous_word = (re.findall(r"[\w']+$", before.rstrip()) or [""])[-1].lower()
    if unit == HOURS and (cue in ("na", "tot", "tot en met") or previous_word in _CLOCK_WORDS):
        return None  # "na 17 uur", "van 9 tot 12 uur": clock times
    if (
        unit == HOURS
        and single is None
        and _value(match.group("high") or match.group("between_high")) <= 24
    ):
        return None  # "9-17 uur" and "tussen 9 en 17 uur" are opening hours, "24-48 uur" is not
    # "5 werkdagen" speaks for itself, and so does a text that is nothing but a lead time.
    # "3 weken" or "een werkdag" ("op een werkdag") needs a cue or a sentence about lead times.
    self_evident = unit_word.startswith(("werkdag", "kalenderdag")) and (
        single is None or single.isdigit() or _value(single) > 1
    )
    self_evident = self_evident or text.strip(" .:;") == match.group()
    if not (cue or self_evident or _CONTEXT_RE.search(before) or _CONTEXT_RE.search(after)):
        return None
    if single is None:
        low = _value(match.group("low") or match.group("between_low"))
        high = _value(match.group("high") or match.group("between_high"))
        return LeadTime(low, high, unit) if low <= high else None
    amount = _value(single)
    if cue in _MAX_CUES:
        return LeadTime(None, amount, unit)
    if cue in _MIN_CUES:
        return LeadTime(amount, None, unit)
    return LeadTime.exactly(amount, unit)


def find_lead_times(text: str) -> list[Found[LeadTime]]:
    found = [
        Found(LeadTime.immediate(), m.start(), m.end(), m.group())
        for m in _IMMEDIATE_RE.finditer(text)
    ]
    for match in _LEAD_TIME_RE.finditer(text):
        lead_time = _lead_time(match, text)
        if lead_time is not None:
            found.append(Found(lead_time, match.start(), match.end(), match.group()))
    return _first_come(found)


def parse_lead_times(text: str) -> list[LeadTime]:
    """Lead times stated in prose; "binnen"/"maximaal" give a maximum, "minimaal" a minimum."""
    return [found.value for found in find_lead_times(text)]


# --- Phone numbers --------------------------------------------------------------------------

_SPACE = r"[ \u00a0]"
_SEP = rf"(?:{_SPACE}*-{_SPACE}*|{_SPACE})?"
_START = r"(?<![\w+/.,€-])"
_END = rf"(?!{_SPACE}?-?{_SPACE}?\d|[.,:/]\d|\w)"
_PHONE_RE = re.compile(
    _START
    + "(?:"
    # 0800/0900/0906/0909 service numbers: 4 or 7 digits after the prefix.
    + rf"(?P<service>0(?:800|90[069])(?:(?:{_SEP}\d){{7}}{_END}|(?:{_SEP}\d){{4}}{_END}))"
    + rf"|(?P<international>(?:\+|00)31{_SEP}(?:\(0\){_SEP})?[1-9](?:{_SEP}\d){{8}}{_END})"
    + rf"|(?P<bracketed>\(0\d{{2}}\){_SEP}\d(?:{_SEP}\d){{6}}{_END}"
    + rf"|\(0\d{{3}}\){_SEP}\d(?:{_SEP}\d){{5}}{_END})"
    + rf"|(?P<domestic>0[1-9](?:{_SEP}\d){{8}}{_END})"
    # Municipal 14 + area code numbers: "14 020", "14 0343".
    + rf"|(?P<municipal>14{_SPACE}?0\d{{2,3}}{_END})"
    + ")"
)
_IBAN_TAIL_RE = re.compile(r"[A-Z]{4}[ \u00a0]?$")


def _phone_value(match: re.Match[str], text: str) -> str | None:
    raw = match.group()
    digits = re.sub(r"\D", "", raw)
    if match.group("international"):
        national = re.sub(r"\D", "", re.sub(r"^(?:\+|00)31|\(0\)", "", raw))
        return "0" + national
    if match.group("domestic"):
        groups = re.split(rf"(?:{_SPACE}|-)+", raw)
        first = groups[0]
        if raw.count("-") > 1 or digits.startswith(("0800", "090")):
            return None  # "06-12-2027 10" is a date; 0800/0900 have their own lengths
        if len(first) not in (3, 4, 10) and not (first == "06" and digits[2] != "0"):
            return None  # area codes have 3 or 4 digits; "05-03..." is a date
        if _IBAN_TAIL_RE.search(text, 0, match.start()):
            return None  # "NL91 ABNA 0417 1643 00"
    return digits


def find_phone_numbers(text: str) -> list[Found[str]]:
    found = []
    for match in _PHONE_RE.finditer(text):
        value = _phone_value(match, text)
        if value is not None:
            found.append(Found(value, match.start(), match.end(), match.group()))
    return found


def parse_phone_numbers(text: str) -> list[str]:
    """Dutch phone numbers as digits only, "+31" rewritten to "0"."""
    return [found.value for found in find_phone_numbers(text)]
