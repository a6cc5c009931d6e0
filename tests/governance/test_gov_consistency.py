"""Prose that contradicts the structured facts: prices, lead times, phone numbers."""

from decimal import Decimal

import pytest

from catalogue.domain.consistency import (
    LEAD_TIME,
    PHONE,
    PRICE,
    Facts,
    allowed_amounts,
    check_text,
    lead_time_agrees,
    normalise_phone,
)
from catalogue.domain.lead_time import LeadTime

PASSPORT = Facts(
    amounts=allowed_amounts([Decimal("75.35")], Decimal("56.10")),
    lead_times=(LeadTime.exactly(5, "working_days"), LeadTime.exactly(1, "working_days")),
    phone_numbers=frozenset({normalise_phone("14 0555"), normalise_phone("0343 123 456")}),
    fees_shown=(Decimal("75.35"),),
)


def kinds(text: str, facts: Facts = PASSPORT) -> list[tuple[str, str]]:
    return [(p.kind, p.found.strip()) for p in check_text(text, facts, label="Antwoord KCC")]


def test_price_not_among_fees_is_flagged_with_dutch_message():
    problems = check_text("Een paspoort kost € 70.", PASSPORT, label="Antwoord KCC")
    assert [p.kind for p in problems] == [PRICE]
    assert problems[0].message == (
        "Antwoord KCC: het bedrag \u201c€ 70\u201d staat niet bij de tarieven van dit product "
        "(€ 75,35)."
    )
    assert "Een paspoort kost € 70."[problems[0].start : problems[0].end] == "€ 70"


@pytest.mark.parametrize(
    "text",
    [
        "Een paspoort kost € 75,35.",
        "Een paspoort kost 75,35 euro.",
        "Met spoed betaalt u € 56,10 extra, samen € 131,45.",
        "Bij een inkomen onder € 1.500 per maand krijgt u korting.",  # not a fee
    ],
)
def test_prices_that_agree_or_are_no_fee(text):
    assert kinds(text) == []


@pytest.mark.parametrize("text", ["Het kost 75 euro.", "Het kost EUR 80,-.", "Kosten: € 7,53."])
def test_prices_that_disagree(text):
    assert [k for k, _ in kinds(text)] == [PRICE]


def test_amount_without_any_fee_line_is_flagged():
    facts = Facts(frozenset(), None, frozenset())
    [problem] = check_text("Dit kost € 12,50.", facts, label="Tekst website")
    assert "heeft geen tarieven" in problem.message


@pytest.mark.parametrize(
    "text",
    [
        "Uw paspoort is na 5 werkdagen klaar.",
        "U krijgt het binnen een week.",  # 7 days cover 5 working days
        "Met spoed ligt het er binnen 1 werkdag.",  # the express lead time
        "Binnen 6 weken kunt u bezwaar maken.",  # an objection period, not the lead time
    ],
)
def test_lead_times_that_agree_or_are_other_periods(text):
    assert kinds(text) == []


@pytest.mark.parametrize(
    "text", ["Het paspoort is binnen 2 weken klaar.", "Reken op 10 werkdagen doorlooptijd."]
)
def test_lead_times_that_disagree(text):
    problems = check_text(text, PASSPORT, label="Tekst website")
    assert [p.kind for p in problems] == [LEAD_TIME]
    assert "(5 werkdagen of 1 werkdag)" in problems[0].message


def test_lead_time_in_prose_without_lead_time_field():
    facts = Facts(None, (), frozenset())
    [problem] = check_text("U krijgt binnen 8 weken een besluit.", facts)
    assert "veld doorlooptijd is leeg" in problem.message


@pytest.mark.parametrize(
    ("stated", "fact", "agrees"),
    [
        (LeadTime(None, 7, "calendar_days"), LeadTime.exactly(5, "working_days"), True),
        (LeadTime(None, 8, "weeks"), LeadTime(None, 8, "weeks"), True),
        (LeadTime(None, 2, "weeks"), LeadTime(None, 8, "weeks"), False),
        (LeadTime(3, 5, "working_days"), LeadTime(3, 5, "working_days"), True),
        (LeadTime.exactly(4, "working_days"), LeadTime(3, 5, "working_days"), True),
        (LeadTime.exactly(24, "hours"), LeadTime.exactly(1, "working_days"), True),
        (LeadTime.immediate(), LeadTime.immediate(), True),
        (LeadTime.immediate(), LeadTime.exactly(5, "working_days"), False),
        (LeadTime(2, None, "weeks"), LeadTime(14, 20, "calendar_days"), True),
    ],
)
def test_lead_time_agreement(stated, fact, agrees):
    assert lead_time_agrees(stated, fact) is agrees


def test_phone_numbers_central_or_service_only():
    assert kinds("Bel 14 0555 of 0343 - 123 456.") == []
    assert kinds("Bel +31 343 123 456.") == []  # the same number, international notation
    assert kinds("Bel mevrouw Jansen op 06 12345678.") == [(PHONE, "06 12345678")]


def test_phone_check_can_be_switched_off_for_internal_notes():
    text = "Tweede lijn: 0343 987 654."
    assert check_text(text, PASSPORT) != []
    assert check_text(text, PASSPORT, phones=False) == []


def test_allowed_amounts_include_express_total():
    assert allowed_amounts([Decimal("10"), None], Decimal("5")) == {
        Decimal("10.00"),
        Decimal("5.00"),
        Decimal("15.00"),
    }
