"""Dutch phrasing of prices and lead times, and the free-text parsers behind the checker."""

from decimal import Decimal

import pytest

from catalogue.domain.formatting import (
    find_euro_amounts,
    find_lead_times,
    find_phone_numbers,
    format_euro,
    format_lead_time,
    parse_euro_amounts,
    parse_lead_times,
    parse_phone_numbers,
)
from catalogue.domain.lead_time import (
    CALENDAR_DAYS,
    HOURS,
    IMMEDIATE,
    WEEKS,
    WORKING_DAYS,
    LeadTime,
)

# --- format_euro ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (Decimal("75.35"), "€ 75,35"),
        (Decimal("1234.5"), "€ 1.234,50"),
        (Decimal("10"), "€ 10,00"),
        (Decimal("0.5"), "€ 0,50"),
        (Decimal("999.999"), "€ 1.000,00"),
        (Decimal("1234567.891"), "€ 1.234.567,89"),
        (Decimal("0.005"), "€ 0,01"),  # half up, not banker's rounding
        (Decimal("-5"), "€ -5,00"),
        (12, "€ 12,00"),
    ],
)
def test_format_euro(amount, expected):
    assert format_euro(amount) == expected


def test_format_euro_free_and_unknown():
    assert format_euro(Decimal("0")) == "gratis"
    assert format_euro(Decimal("0.00")) == "gratis"
    assert format_euro(Decimal("12.50"), free=True) == "gratis"
    assert format_euro(None, free=True) == "gratis"
    assert format_euro(None) == ""


# --- format_lead_time -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lead_time", "expected"),
    [
        (LeadTime.immediate(), "direct"),
        (LeadTime(5, 5, WORKING_DAYS), "5 werkdagen"),
        (LeadTime(1, 1, WORKING_DAYS), "1 werkdag"),
        (LeadTime(3, 5, WORKING_DAYS), "3 tot 5 werkdagen"),
        (LeadTime(1, 2, WORKING_DAYS), "1 tot 2 werkdagen"),
        (LeadTime(24, 24, HOURS), "24 uur"),
        (LeadTime(1, 1, HOURS), "1 uur"),
        (LeadTime(14, 14, CALENDAR_DAYS), "14 dagen"),
        (LeadTime(1, 1, CALENDAR_DAYS), "1 dag"),
        (LeadTime(8, 8, WEEKS), "8 weken"),
        (LeadTime(1, 1, WEEKS), "1 week"),
        (LeadTime(3, None, WORKING_DAYS), "minimaal 3 werkdagen"),
        (LeadTime(None, 8, WEEKS), "maximaal 8 weken"),
        (LeadTime(None, 1, WEEKS), "maximaal 1 week"),
        (LeadTime(0, 5, WORKING_DAYS), "maximaal 5 werkdagen"),
        (LeadTime(0, 0, WORKING_DAYS), "direct"),
    ],
)
def test_format_lead_time(lead_time, expected):
    assert format_lead_time(lead_time) == expected


@pytest.mark.parametrize(
    "lead_time",
    [
        LeadTime(5, 5, WORKING_DAYS),
        LeadTime(1, 1, WORKING_DAYS),
        LeadTime(3, 5, WORKING_DAYS),
        LeadTime(3, None, WORKING_DAYS),
        LeadTime(None, 8, WEEKS),
        LeadTime(2, 2, WEEKS),
        LeadTime(14, 14, CALENDAR_DAYS),
        LeadTime(24, 24, HOURS),
        LeadTime(24, 48, HOURS),
    ],
)
def test_formatted_lead_times_parse_back(lead_time):
    assert parse_lead_times(format_lead_time(lead_time)) == [lead_time]


# --- parse_euro_amounts ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("€ 75,35", Decimal("75.35")),
        ("€75,35", Decimal("75.35")),
        ("EUR 75,35", Decimal("75.35")),
        ("75,35 euro", Decimal("75.35")),
        ("75 euro", Decimal("75")),
        ("€ 1.234,50", Decimal("1234.50")),
        ("1.234,50 EUR", Decimal("1234.50")),
        ("€ 1234,50", Decimal("1234.50")),
        ("€ 70,-", Decimal("70")),
        ("€ 70,–", Decimal("70")),
        ("€70", Decimal("70")),
        ("€ 0,50", Decimal("0.50")),
        ("€ 7,5", Decimal("7.50")),
        ("€\u00a012,95", Decimal("12.95")),
        ("10 euro's", Decimal("10")),
    ],
)
def test_parse_single_euro_amount(text, expected):
    assert parse_euro_amounts(f"Het kost {text} per aanvraag.") == [expected]


def test_parse_euro_amounts_in_prose_in_order():
    text = (
        "Een paspoort kost € 75,35 en een identiteitskaart 70 euro. "
        "Met spoed betaalt u € 1.234,50 extra (EUR 10 administratiekosten)."
    )
    assert parse_euro_amounts(text) == [
        Decimal("75.35"),
        Decimal("70"),
        Decimal("1234.50"),
        Decimal("10"),
    ]


def test_parse_euro_amounts_keeps_position():
    (found,) = find_euro_amounts("Kosten: € 41,90.")
    assert found.value == Decimal("41.90")
    assert found.text == "€ 41,90"
    assert (found.start, found.end) == (8, 15)


@pytest.mark.parametrize(
    "text",
    [
        "Bel 14 0555 of 0343-123456.",
        "Kom op 25-03-2027 om 10.30 uur.",
        "Sinds 2024 is de regeling veranderd.",
        "Binnen 3 tot 5 werkdagen.",
        "Postcode 3701 AB, huisnummer 12.",
        "Het kost 50 eurocent.",
        "Prijs: € 75.35",  # English notation is not guessed at
        "Prijs: 12.50 euro",  # nor read as 50 euro
        "Zie artikel 2:15 euro-regeling",
        "Kamer 1.234",
    ],
)
def test_no_money_without_currency(text):
    assert parse_euro_amounts(text) == []


def test_currency_before_and_after_counts_once():
    assert parse_euro_amounts("€ 75 euro") == [Decimal("75")]


# --- parse_lead_times -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5 werkdagen", LeadTime(5, 5, WORKING_DAYS)),
        ("U ontvangt het besluit binnen 5 werkdagen.", LeadTime(None, 5, WORKING_DAYS)),
        ("Dit duurt 3 tot 5 werkdagen.", LeadTime(3, 5, WORKING_DAYS)),
        ("Reken op 3-5 werkdagen.", LeadTime(3, 5, WORKING_DAYS)),
        ("Reken op drie à vijf werkdagen.", LeadTime(3, 5, WORKING_DAYS)),
        ("Het duurt tussen 3 en 5 werkdagen.", LeadTime(3, 5, WORKING_DAYS)),
        ("U krijgt binnen een week bericht.", LeadTime(None, 1, WEEKS)),
        ("U krijgt binnen één week bericht.", LeadTime(None, 1, WEEKS)),
        ("U krijgt binnen twee weken bericht.", LeadTime(None, 2, WEEKS)),
        ("De beslistermijn is 8 weken.", LeadTime(8, 8, WEEKS)),
        ("Het duurt maximaal 8 weken.", LeadTime(None, 8, WEEKS)),
        ("Het duurt minimaal 3 werkdagen.", LeadTime(3, None, WORKING_DAYS)),
        ("Levering duurt ongeveer twaalf weken.", LeadTime(12, 12, WEEKS)),
        ("Het kaartje is na 1 werkdag klaar.", LeadTime(1, 1, WORKING_DAYS)),
        ("Levertijd: 24 uur.", LeadTime(24, 24, HOURS)),
        ("U krijgt binnen 24 uur een bevestiging.", LeadTime(None, 24, HOURS)),
        ("Verwerking duurt 24 tot 48 uur.", LeadTime(24, 48, HOURS)),
        ("U krijgt binnen 14 dagen bericht.", LeadTime(None, 14, CALENDAR_DAYS)),
        ("Bezwaar binnen 42 kalenderdagen.", LeadTime(None, 42, CALENDAR_DAYS)),
        ("U krijgt uw rijbewijs direct mee.", LeadTime(None, None, IMMEDIATE)),
        ("De pas is meteen klaar.", LeadTime(None, None, IMMEDIATE)),
        ("Klaar terwijl u wacht.", LeadTime(None, None, IMMEDIATE)),
    ],
)
def test_parse_lead_time(text, expected):
    assert parse_lead_times(text) == [expected]


def test_parse_several_lead_times_in_order():
    text = "Een paspoort is binnen 5 werkdagen klaar. Met spoed duurt het 1 werkdag."
    assert parse_lead_times(text) == [LeadTime(None, 5, WORKING_DAYS), LeadTime(1, 1, WORKING_DAYS)]


def test_lead_time_match_covers_the_phrase():
    (found,) = find_lead_times("Het besluit volgt uiterlijk binnen 8 weken.")
    assert found.text == "uiterlijk binnen 8 weken"
    assert found.value == LeadTime(None, 8, WEEKS)


@pytest.mark.parametrize(
    "text",
    [
        "Het loket is open van 9 tot 17 uur.",
        "Bel ons tussen 9 en 17 uur.",
        "U bent welkom om 9 uur.",
        "Na 17 uur zijn wij gesloten.",
        "Wij zijn 3 weken gesloten in de zomer.",
        "U kunt op een werkdag langskomen.",
        "Wij zijn 5 werkdagen per week open.",
        "Vraag het minimaal 6 weken voor de trouwdatum aan.",
        "Uw aanvraag van 2 weken geleden.",
        "Het kind moet 8 weken oud zijn.",
        "U kunt direct contact opnemen.",
        "Het loket is op dinsdag open.",
        "Om 12.30 uur sluiten wij.",
        "Wij zijn 24 uur per dag bereikbaar.",
    ],
)
def test_no_lead_time_in_unrelated_prose(text):
    assert parse_lead_times(text) == []


# --- parse_phone_numbers --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14 0555", "140555"),
        ("140555", "140555"),
        ("14 020", "14020"),
        ("0343 123 456", "0343123456"),
        ("0343-123456", "0343123456"),
        ("0343 - 12 34 56", "0343123456"),
        ("(0343) 123456", "0343123456"),
        ("020 123 45 67", "0201234567"),
        ("06-12345678", "0612345678"),
        ("06 12 34 56 78", "0612345678"),
        ("+31 343 123 456", "0343123456"),
        ("+31 (0)6 1234 5678", "0612345678"),
        ("+31612345678", "0612345678"),
        ("0031 20 123 4567", "0201234567"),
        ("0800-2000", "08002000"),
        ("0900 1234", "09001234"),
        ("0900-123 45 67", "09001234567"),
        ("088 123 4567", "0881234567"),
    ],
)
def test_parse_phone_number(text, expected):
    assert parse_phone_numbers(f"Bel ons op {text}.") == [expected]


def test_parse_phone_numbers_in_prose():
    text = "Bel 14 0343 of 06-12345678, buiten kantoortijd +31 30 123 4567."
    assert parse_phone_numbers(text) == ["140343", "0612345678", "0301234567"]


def test_phone_number_match_keeps_the_written_form():
    (found,) = find_phone_numbers("Telefoon: 0343-123456 (werkdagen)")
    assert found.text == "0343-123456"
    assert found.value == "0343123456"


@pytest.mark.parametrize(
    "text",
    [
        "Kom op 05-03-2027 om 10:00 uur.",
        "Op 06-12-2027 10 uur.",
        "IBAN NL91 ABNA 0417 1643 00",
        "Postcode 3701 AB.",
        "BSN 123456789.",
        "Het kost € 1.234,50.",
        "In 2027 verandert dat.",
        "Open 09:00-12:00.",
        "0343 123 4567",  # one digit too many
        "0343 12345",  # one digit short
        "0800 123456",  # 0800 numbers have 4 or 7 digits
    ],
)
def test_no_phone_numbers_in_other_numbers(text):
    assert parse_phone_numbers(text) == []
