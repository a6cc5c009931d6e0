"""Admin edit forms in Dutch: amounts with a decimal comma, dates as day-month-year."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from gov_forms import form_data, read_form

from catalogue.models import ProductPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def passport():
    page = ProductPage.objects.get(slug="paspoort-aanvragen")
    fee = page.fees.get(amount=Decimal("84.05"))
    assert fee.valid_until == date(2026, 12, 31)
    return page, fee


def _edit(admin_client, page) -> tuple[str, str]:
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    response = admin_client.get(url)
    assert response.status_code == 200
    return url, response.content.decode()


def _saved(page, fee):
    latest = ProductPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    return next(f for f in latest.fees.all() if f.pk == fee.pk)


def _prefix(fields: dict, fee) -> str:
    """The inline form's prefix of this fee line ("fees-0")."""
    return next(
        name[: -len("-id")]
        for name, v in fields.items()
        if name.startswith("fees-") and v == [str(fee.pk)]
    )


def test_amounts_and_dates_show_in_dutch(admin_client, passport):
    page, fee = passport
    _, html = _edit(admin_client, page)
    fields = read_form(html, "page-edit-form")
    prefix = _prefix(fields, fee)
    assert fields[f"{prefix}-amount"] == ["84,05"]
    assert fields[f"{prefix}-valid_until"] == ["31-12-2026"]


@pytest.mark.parametrize(
    "amount, valid_until, expected_amount, expected_until",
    [
        ("91,20", "30-11-2026", Decimal("91.20"), date(2026, 11, 30)),
        ("91.2", "30/11/2026", Decimal("91.20"), date(2026, 11, 30)),
        ("91", "2026-11-30", Decimal("91"), date(2026, 11, 30)),
    ],
)
def test_dutch_amounts_and_dates_are_saved(
    admin_client, passport, amount, valid_until, expected_amount, expected_until
):
    page, fee = passport
    url, html = _edit(admin_client, page)
    prefix = _prefix(read_form(html, "page-edit-form"), fee)
    changes = {f"{prefix}-amount": amount, f"{prefix}-valid_until": valid_until}
    response = admin_client.post(url, form_data(html, "page-edit-form", **changes))
    assert response.status_code == 302, response.context["form"].errors
    saved = _saved(page, fee)
    assert saved.amount == expected_amount
    assert saved.valid_until == expected_until


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("amount", "84,0x", "Voer een getal in."),
        ("amount", "1.234,50", "Voer een getal in."),
        ("valid_until", "31-13-2026", "Voer een geldige datum in."),
        ("valid_until", "12/31/2026", "Voer een geldige datum in."),
    ],
)
def test_invalid_amounts_and_dates_get_a_dutch_message(
    admin_client, passport, field, value, message
):
    page, fee = passport
    url, html = _edit(admin_client, page)
    prefix = _prefix(read_form(html, "page-edit-form"), fee)
    response = admin_client.post(
        url, form_data(html, "page-edit-form", **{f"{prefix}-{field}": value})
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert _saved(page, fee).amount == Decimal("84.05")
