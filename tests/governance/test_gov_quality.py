"""Quality checks where editors see them: the edit panel, its live re-check, the dashboard."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from factories import make_product
from gov_forms import form_data
from gov_support import client_for

from catalogue.models import (
    Availability,
    ChannelKind,
    KnowledgeArticlePage,
    ProductChannel,
    ProductPage,
    Service,
)
from cms import quality
from cms.dashboard import build
from cms.feedback import report_feedback
from cms.quality import (
    COMPLETENESS,
    CONSISTENCY,
    FRESHNESS,
    READABILITY,
    Context,
    assess,
    assess_all,
)

pytestmark = pytest.mark.django_db

PRICE_WARNING = "het bedrag \u201c€ 70\u201d staat niet bij de tarieven van dit product (€ 75,35)"


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


@pytest.fixture
def wrong_price(burgerzaken_section):
    return make_product(
        "test-paspoort-70",
        "burgerzaken",
        title="Paspoort (test)",
        kcc_answer="Een paspoort kost € 70. Bel bij vragen 14 0555.",
    )


def test_editor_sees_price_warning_in_edit_view(editor, wrong_price):
    response = client_for(Client, editor).get(edit_url(wrong_price))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Kwaliteitscontrole" in body
    assert "Antwoord KCC: " + PRICE_WARNING in body


def test_live_check_follows_the_unsaved_form(editor, wrong_price):
    client = client_for(Client, editor)
    html = client.get(edit_url(wrong_price)).content.decode()
    check_url = reverse("cms_quality_check", args=(wrong_price.pk,))
    assert f'data-check-url="{check_url}"' in html

    fixed = form_data(html, "page-edit-form", kcc_answer="Een paspoort kost € 75,35.")
    response = client.post(check_url, fixed)
    assert response.status_code == 200
    assert PRICE_WARNING not in response.content.decode()

    worse = form_data(
        html,
        "page-edit-form",
        kcc_answer="Een paspoort kost € 70 en is binnen 3 weken klaar. Bel 06 12345678.",
        lead_time_min="5",
        lead_time_max="5",
        lead_time_unit="working_days",
    )
    body = client.post(check_url, worse).content.decode()
    assert PRICE_WARNING in body
    assert "de doorlooptijd \u201cbinnen 3 weken\u201d wijkt af" in body
    assert "\u201c06 12345678\u201d is geen centraal nummer" in body
    # Nothing was saved by checking.
    assert ProductPage.objects.get(
        pk=wrong_price.pk
    ).get_latest_revision_as_object().kcc_answer == (
        "Een paspoort kost € 70. Bel bij vragen 14 0555."
    )


def test_live_check_needs_edit_rights(other_editor, wrong_price):
    client = client_for(Client, other_editor)
    response = client.post(reverse("cms_quality_check", args=(wrong_price.pk,)), {})
    assert response.status_code in (302, 403)


def test_completeness_checks(burgerzaken_section):
    page = make_product("test-onvolledig", "burgerzaken")  # a fee, nothing else
    result = assess(ProductPage.objects.get(pk=page.pk))
    missing = {label for label, ok in result.checks if not ok}
    assert missing == {"Doorlooptijd", "Kanaal", "Antwoord KCC", "Controledatum"}
    assert len(result.of(COMPLETENESS)) == 4

    page.kcc_answer = "U vraagt het aan bij de balie."
    page.review_date = timezone.localdate() + timedelta(days=200)
    page.lead_time_immediate = True
    page.channels = [
        ProductChannel(
            kind=ChannelKind.COUNTER,
            availability=Availability.APPOINTMENT,
            appointment_url="https://afspraak.example.nl",
            appointment_minutes=10,
        )
    ]
    result = assess(page)
    assert [label for label, ok in result.checks if not ok] == ["Meenemen bij afspraak"]
    page.channels.first().what_to_bring = "Uw identiteitsbewijs."
    assert assess(page).complete


def test_freshness_and_readability_issues(burgerzaken_section):
    page = make_product(
        "test-oud",
        "burgerzaken",
        review_date=timezone.localdate() - timedelta(days=1),
        kcc_answer=(
            "Belanghebbenden dienen voorafgaand aan de indiening van de aanvraag tot verlening "
            "van een omgevingsvergunning de noodzakelijke bescheiden, waaronder een "
            "constructieberekening en een situatietekening, digitaal beschikbaar te stellen."
        ),
    )
    result = assess(ProductPage.objects.get(pk=page.pk))
    assert result.freshness == quality.OVERDUE
    assert [i.message for i in result.of(FRESHNESS)] == [
        f"De controledatum ({page.review_date:%d-%m-%Y}) is verstreken."
    ]
    kcc = next(s for s in result.scores if s.label == "Antwoord KCC")
    assert not kcc.on_target and len(kcc.long_sentences) == 1
    messages = [i.message for i in result.of(READABILITY)]
    assert any(m.startswith("Antwoord KCC: leesbaarheid") for m in messages)
    assert "Antwoord KCC: 1 zin is langer dan 20 woorden." in messages


def test_article_prices_follow_related_products(burgerzaken_section):
    article = KnowledgeArticlePage.objects.filter(related_products__isnull=False).first()
    assert article is not None, "demo articles should link to products"
    product = article.related_products.first()
    amount = next(f.amount for f in product.fees.all() if f.amount)
    article.kcc_answer = f"Dit kost € {amount + Decimal('1.00')}".replace(".", ",")
    problems = assess(article).of(CONSISTENCY)
    assert len(problems) == 1 and "staat niet bij de tarieven" in problems[0].message


def test_central_phone_numbers_come_from_settings(settings, burgerzaken_section):
    page = make_product("test-telefoon", "burgerzaken", kcc_answer="Bel 0800 1234567.")
    assert assess(page).of(CONSISTENCY)
    settings.CENTRAL_PHONE_NUMBERS = ["14 0555", "0800-1234567"]
    assert not assess(page).of(CONSISTENCY)


def test_bulk_assessment_uses_a_fixed_number_of_queries():
    with CaptureQueriesContext(connection) as queries:
        results = assess_all()
    assert len(results) == ProductPage.objects.count() + KnowledgeArticlePage.objects.count()
    assert len(queries) <= 15  # no query per page
    # The same results as page by page.
    context = Context.load()
    sample = ProductPage.objects.order_by("title")[:5]
    by_id = {r.page_id: r for r in results}
    for page in sample:
        assert assess(page, context).issues == by_id[page.pk].issues


def test_dashboard_shows_demo_state_with_charts(admin_client, burgerzaken_section):
    report_feedback("missing", service=Service.objects.get(slug="burgerzaken"), query="rijbewys")
    response = admin_client.get(reverse("cms_dashboard"))
    assert response.status_code == 200
    body = response.content.decode()
    results = assess_all()
    data = build()
    assert data.overall.pages == len(results)
    assert data.overall.consistency_problems == sum(len(r.of(CONSISTENCY)) for r in results)
    assert data.overall.feedback["missing"] >= 1
    assert body.count("<svg") >= 8
    assert f"<strong>{len(results)}</strong> producten en artikelen" in body
    assert f"<strong>{data.overall.consistency_problems}</strong> tegenstrijdige feiten" in body
    for title in (
        "Volledigheid per dienst",
        "Leesbaarheid van de teksten",
        "Actualiteit (controledatum)",
        "Tegenstrijdige feiten per dienst",
        "Open meldingen uit het KCC per dienst",
    ):
        assert title in body
    # The bar of Burgerzaken in the completeness chart has the service's real percentage.
    burgerzaken = next(f for f in data.services if f.slug == "burgerzaken")
    assert re.search(rf"<title>Burgerzaken: {round(burgerzaken.completeness)}%</title>", body)


def test_editor_dashboard_defaults_to_own_service(editor):
    client = client_for(Client, editor)
    response = client.get(reverse("cms_dashboard"))
    assert response.status_code == 200
    assert response.context["selected"].slug == "burgerzaken"
    assert [f.slug for f in response.context["services"]] == ["burgerzaken"]
    assert client.get(reverse("cms_dashboard"), {"dienst": "belastingen"}).status_code in (302, 403)


def test_home_panel(editor, wrong_price):
    response = client_for(Client, editor).get(reverse("wagtailadmin_home"))
    body = response.content.decode()
    assert "Kwaliteit van de inhoud (uw dienst)" in body
    assert reverse("cms_dashboard") in body
