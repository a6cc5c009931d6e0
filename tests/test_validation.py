"""Model validation: every bad input is refused with a clear Dutch message."""

from datetime import date, time
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from factories import make_product

from catalogue.models import (
    OpeningException,
    OpeningHours,
    ProductChannel,
    ProductFee,
    ProductPage,
)

pytestmark = pytest.mark.django_db


def messages(excinfo) -> str:
    return " ".join(str(m) for msgs in excinfo.value.message_dict.values() for m in msgs)


def test_negative_fee_is_refused():
    fee = ProductFee(label="Paspoort", amount=Decimal("-5.00"))
    with pytest.raises(ValidationError) as excinfo:
        fee.full_clean(exclude=["page"])
    assert "negatief" in messages(excinfo)


def test_fee_needs_amount_or_free():
    with pytest.raises(ValidationError) as excinfo:
        ProductFee(label="Paspoort").full_clean(exclude=["page"])
    assert "gratis" in messages(excinfo)
    ProductFee(label="Gratis", free=True).full_clean(exclude=["page"])


def test_free_fee_with_amount_is_refused():
    with pytest.raises(ValidationError):
        ProductFee(label="X", free=True, amount=Decimal("3")).full_clean(exclude=["page"])


def test_fee_end_before_start_is_refused():
    fee = ProductFee(
        label="X", amount=Decimal("1"), valid_from=date(2027, 1, 1), valid_until=date(2026, 1, 1)
    )
    with pytest.raises(ValidationError) as excinfo:
        fee.full_clean(exclude=["page"])
    assert "einddatum" in messages(excinfo)


def test_fee_validity_window():
    fee = ProductFee(label="X", amount=Decimal("1"), valid_from=date(2027, 1, 1))
    assert not fee.is_valid_on(date(2026, 12, 31))
    assert fee.is_valid_on(date(2027, 1, 1))
    assert fee.formatted == "€ 1,00"


def test_minimum_lead_time_above_maximum_is_refused():
    page = ProductPage.objects.get(slug="paspoort-aanvragen")
    page.lead_time_min, page.lead_time_max, page.lead_time_unit = 10, 5, "working_days"
    with pytest.raises(ValidationError) as excinfo:
        page.full_clean()
    assert "minimale doorlooptijd (10) is langer dan de maximale (5)" in messages(excinfo)


def test_lead_time_without_unit_is_refused():
    page = ProductPage.objects.get(slug="paspoort-aanvragen")
    page.lead_time_immediate = False
    page.lead_time_min, page.lead_time_max, page.lead_time_unit = 3, 5, ""
    with pytest.raises(ValidationError) as excinfo:
        page.full_clean()
    assert "eenheid" in messages(excinfo)


def test_assistant_text_too_long_is_refused():
    page = ProductPage.objects.get(slug="paspoort-aanvragen")
    page.assistant_answer = "x" * 301
    with pytest.raises(ValidationError) as excinfo:
        page.full_clean()
    assert "300" in messages(excinfo)


def test_product_slug_must_be_unique_across_sections():
    make_product("uniek-product", service_slug="burgerzaken")
    other = ProductPage(title="Dubbel", slug="uniek-product", summary="x")
    with pytest.raises(ValidationError) as excinfo:
        other.full_clean(exclude=["path", "depth"])
    assert "al in gebruik" in messages(excinfo)


@pytest.mark.parametrize(
    ("fields", "field_in_error"),
    [
        (
            {"kind": "counter", "availability": "appointment", "appointment_minutes": 15},
            "appointment_url",
        ),
        (
            {
                "kind": "counter",
                "availability": "appointment",
                "appointment_url": "https://a.example/x",
            },
            "appointment_minutes",
        ),
        ({"kind": "online", "availability": "direct"}, "form_url"),
        ({"kind": "online", "availability": "direct", "form_url": "geen url"}, "form_url"),
    ],
)
def test_channel_validation(fields, field_in_error):
    with pytest.raises(ValidationError) as excinfo:
        ProductChannel(**fields).full_clean(exclude=["page"])
    assert field_in_error in excinfo.value.message_dict


def test_valid_appointment_channel_passes():
    ProductChannel(
        kind="counter",
        availability="appointment",
        appointment_url="https://afspraak.example.nl/",
        appointment_minutes=20,
    ).full_clean(exclude=["page"])


def test_opening_hours_close_before_open_is_refused():
    hours = OpeningHours(weekday=0, opens=time(12), closes=time(9))
    with pytest.raises(ValidationError) as excinfo:
        hours.full_clean(exclude=["location"])
    assert "sluitingstijd" in messages(excinfo).lower()


def test_opening_exception_needs_times_unless_closed():
    with pytest.raises(ValidationError):
        OpeningException(date=date(2026, 12, 24)).full_clean(exclude=["location"])
    OpeningException(date=date(2026, 12, 24), closed=True).full_clean(exclude=["location"])
