"""Free text that states a fact differently from the structured facts.

A product's fees, lead time and the public phone numbers are stored once; the web, KCC and
assistant texts repeat them in prose. This module finds prices, lead times and phone numbers
in such prose (with the parsers of `formatting`) and reports those that disagree. It leans to
precision: sentences that are clearly about something else (an income limit, an objection
period, a deadline for the citizen) are not compared with the product's facts.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from math import inf

from .formatting import (
    find_euro_amounts,
    find_lead_times,
    find_phone_numbers,
    format_euro,
    format_lead_time,
)
from .lead_time import CALENDAR_DAYS, HOURS, WEEKS, WORKING_DAYS, LeadTime

PRICE = "price"
LEAD_TIME = "lead_time"
PHONE = "phone"

DEFAULT_CENTRAL_NUMBERS = ("14 0555",)

# Amounts in these sentences are no fee of the product: benefits, limits, fines, subsidies.
_NOT_A_FEE_RE = re.compile(
    r"\b(?:inkomen\w*|\w*inkomen|vermogen\w*|uitkering\w*|bijstand\w*|boete\w*|salaris\w*|loon"
    r"|pensioen\w*|\w*schuld\w*|huur\w*|\w*waarde|woz|vergoeding\w*|\w*premie\w*|subsidie\w*"
    r"|budget\w*|tegemoetkoming\w*|\w*toelage|netto|bruto|per\s+maand|per\s+week|per\s+uur"
    r"|kwijtschelding\w*|teruggave|terugbetaling|bijdrage\w*|eigen\s+risico|drempel\w*"
    r"|grens|grenzen|\w*grens|belastbaar|aanslag\w*|aangifte)\b",
    re.IGNORECASE,
)
# Lead times in these sentences are periods for the citizen or of the law, not the product's.
_NOT_THE_LEAD_TIME_RE = re.compile(
    r"\b(?:bezwaar\w*|beroep\w*|verleng\w*|geldig\w*|opzeg\w*|geef|geeft|doorgeven|aangeven"
    r"|melden|meldt|betaalt|betalen|bewaar\w*|termijn\s+van\s+de\s+wet|wettelijke|uiterlijk"
    r"\s+\d+\s+\w+\s+(?:voor|vóór)|van\s+tevoren|vooraf|openingstijd\w*|geopend|open)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Facts:
    """What the prose is compared with. None switches a check off (the fact is not known)."""

    amounts: frozenset[Decimal] | None
    lead_times: tuple[LeadTime, ...] | None
    phone_numbers: frozenset[str]
    fees_shown: tuple[Decimal, ...] = ()  # the fee lines' amounts, quoted in messages


@dataclass(frozen=True)
class Problem:
    kind: str
    found: str
    start: int
    end: int
    message: str


def normalise_phone(value: str) -> str:
    """Digits only, "+31"/"0031" rewritten to a leading "0", so formats compare equal."""
    digits = re.sub(r"\D", "", re.sub(r"^\s*(?:\+|00)31\s*(?:\(0\))?", "0", value or ""))
    return digits


def allowed_amounts(amounts: Iterable[Decimal | None], express_fee: Decimal | None) -> frozenset:
    """Fee amounts, the express surcharge, and each fee plus the surcharge (a stated total)."""
    fees = {Decimal(a).quantize(Decimal("0.01")) for a in amounts if a is not None}
    result = set(fees)
    if express_fee is not None:
        express = Decimal(express_fee).quantize(Decimal("0.01"))
        result.add(express)
        result.update(fee + express for fee in fees)
    return frozenset(result)


def _sentence(text: str, start: int, end: int) -> str:
    begin = max(text.rfind(mark, 0, start) for mark in (". ", "! ", "? ", "\n")) + 1
    stops = [i for i in (text.find(m, end) for m in (". ", "! ", "? ", "\n")) if i >= 0]
    return text[begin : min(stops, default=len(text))]


# --- Lead times -----------------------------------------------------------------------------


def _days(amount: int, unit: str) -> tuple[float, float]:
    """An amount as a range of calendar days: 5 working days take 5 to 9 calendar days."""
    if unit == HOURS:
        return amount / 24, amount / 24
    if unit == WORKING_DAYS:
        return float(amount), amount * 7 / 5 + 2
    if unit == WEEKS:
        return amount * 7.0, amount * 7.0
    if unit == CALENDAR_DAYS:
        return float(amount), float(amount)
    return 0.0, 0.0


def _overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] + 1e-9 and b[0] <= a[1] + 1e-9


def lead_time_agrees(stated: LeadTime, fact: LeadTime) -> bool:
    """Does a lead time in prose say the same as the structured one (units may differ)?

    "binnen een week" agrees with 5 working days; "binnen 2 weken" does not. A stated maximum
    must match the fact's maximum, a stated minimum its minimum, an exact value or a range
    must lie within the fact's range.
    """
    if fact.is_immediate or stated.is_immediate:
        if fact.is_immediate and stated.is_immediate:
            return True
        other = stated if fact.is_immediate else fact
        # "direct" and "within the hour" say the same.
        return other.unit == HOURS and (other.maximum or other.minimum or 0) <= 1
    low = _days(fact.minimum, fact.unit) if fact.minimum is not None else None
    high = _days(fact.maximum, fact.unit) if fact.maximum is not None else None
    span = ((low or (0.0, 0.0))[0], (high or (inf, inf))[1])
    stated_low = _days(stated.minimum, stated.unit) if stated.minimum is not None else None
    stated_high = _days(stated.maximum, stated.unit) if stated.maximum is not None else None
    if stated_low is not None and stated_high is not None:
        return _overlaps(stated_low, span) and _overlaps(stated_high, span)
    if stated_high is not None:  # "binnen 5 werkdagen", "maximaal 8 weken"
        return _overlaps(stated_high, high) if high else _overlaps(stated_high, span)
    if stated_low is not None:  # "minimaal 2 weken"
        return _overlaps(stated_low, low) if low else _overlaps(stated_low, span)
    return False


# --- Checks ---------------------------------------------------------------------------------


def _price_problems(text: str, facts: Facts, label: str) -> list[Problem]:
    problems = []
    amounts = facts.amounts or frozenset()
    for found in find_euro_amounts(text):
        if found.value in amounts or _NOT_A_FEE_RE.search(_sentence(text, found.start, found.end)):
            continue
        if amounts:
            shown = sorted(set(facts.fees_shown)) or sorted(amounts)
            known = ", ".join(format_euro(a) for a in shown)
            message = (
                f"{label}: het bedrag \u201c{found.text.strip()}\u201d staat niet bij de tarieven "
                f"van dit product ({known})."
            )
        else:
            message = (
                f"{label}: de tekst noemt \u201c{found.text.strip()}\u201d, maar dit product "
                "heeft geen tarieven."
            )
        problems.append(Problem(PRICE, found.text, found.start, found.end, message))
    return problems


def _lead_time_problems(text: str, lead_times: tuple[LeadTime, ...], label: str) -> list[Problem]:
    problems = []
    for found in find_lead_times(text):
        if any(lead_time_agrees(found.value, fact) for fact in lead_times):
            continue
        if _NOT_THE_LEAD_TIME_RE.search(_sentence(text, found.start, found.end)):
            continue
        if lead_times:
            known = " of ".join(dict.fromkeys(format_lead_time(f) for f in lead_times))
            message = (
                f"{label}: de doorlooptijd \u201c{found.text.strip()}\u201d wijkt af van de "
                f"doorlooptijd van dit product ({known})."
            )
        else:
            message = (
                f"{label}: de tekst noemt de doorlooptijd \u201c{found.text.strip()}\u201d, "
                "maar het veld doorlooptijd is leeg."
            )
        problems.append(Problem(LEAD_TIME, found.text, found.start, found.end, message))
    return problems


def _phone_problems(text: str, allowed: frozenset[str], label: str) -> list[Problem]:
    problems = []
    for found in find_phone_numbers(text):
        if found.value in allowed:
            continue
        message = (
            f"{label}: het telefoonnummer \u201c{found.text.strip()}\u201d is geen centraal "
            "nummer en niet het publieke nummer van de dienst."
        )
        problems.append(Problem(PHONE, found.text, found.start, found.end, message))
    return problems


def check_text(text: str, facts: Facts, label: str = "Tekst", phones: bool = True) -> list[Problem]:
    """Prices, lead times and (unless `phones` is off) phone numbers in `text` that disagree
    with `facts`, in order of appearance; `label` names the text in the Dutch messages."""
    if not text:
        return []
    problems: list[Problem] = []
    if facts.amounts is not None:
        problems += _price_problems(text, facts, label)
    if facts.lead_times is not None:
        problems += _lead_time_problems(text, facts.lead_times, label)
    if phones:
        problems += _phone_problems(text, facts.phone_numbers, label)
    return sorted(problems, key=lambda p: p.start)


__all__ = [
    "DEFAULT_CENTRAL_NUMBERS",
    "LEAD_TIME",
    "PHONE",
    "PRICE",
    "Facts",
    "Problem",
    "allowed_amounts",
    "check_text",
    "lead_time_agrees",
    "normalise_phone",
]
