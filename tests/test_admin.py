"""Editors maintain a product completely through the Wagtail admin views."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from catalogue.models import Location, ProductPage, RequiredDocument, SectionPage, Service, Topic

pytestmark = pytest.mark.django_db


def product_form(**overrides) -> dict:
    location = Location.objects.get(slug="stadhuis")
    data = {
        "title": "Huwelijksboekje vervangen",
        "slug": "huwelijksboekje-vervangen",
        "summary": "U vraagt een nieuw trouwboekje aan als het oude kwijt is.",
        "web_body": rich_text("<p>Bent u uw trouwboekje kwijt? Vraag een nieuw boekje aan.</p>"),
        "kcc_answer": "U kunt een nieuw trouwboekje aanvragen bij de balie.",
        "assistant_answer": "Een nieuw trouwboekje vraagt u aan bij de balie van het stadhuis.",
        "responsible_service": Service.objects.get(slug="burgerzaken").pk,
        "keywords": "trouwboekje kwijt",
        "synonyms": "huwelijksboekje",
        "lead_time_min": "5",
        "lead_time_max": "10",
        "lead_time_unit": "working_days",
        "fees": inline_formset([{"label": "Trouwboekje", "amount": "31.50", "channel": ""}]),
        "required_documents": inline_formset(
            [
                {
                    "document": RequiredDocument.objects.get(slug="geldig-identiteitsbewijs").pk,
                    "note": "",
                }
            ]
        ),
        "conditions": inline_formset([]),
        "procedure_steps": inline_formset([{"text": "Maak een afspraak."}]),
        "legal_bases": inline_formset([]),
        "channels": inline_formset(
            [
                {
                    "kind": "counter",
                    "availability": "appointment",
                    "appointment_url": "https://afspraak.heuvelrode.example.nl/trouwboekje",
                    "appointment_minutes": "15",
                    "what_to_bring": "Uw identiteitsbewijs.",
                }
            ]
        ),
        "faqs": inline_formset([]),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    form_data = nested_form_data(data)
    # Multi-value fields must stay lists; nested_form_data would flatten them.
    form_data["topics"] = [Topic.objects.get(slug="geboorte-huwelijk-overlijden").pk]
    form_data["channels-0-locations"] = [location.pk]
    return form_data


def add_url() -> str:
    section = SectionPage.objects.get(slug="burgerzaken", url_path__contains="/producten/")
    return reverse("wagtailadmin_pages:add", args=("catalogue", "productpage", section.pk))


def test_admin_lists_demo_catalogue(admin_client):
    section = SectionPage.objects.get(slug="burgerzaken", url_path__contains="/producten/")
    response = admin_client.get(reverse("wagtailadmin_explore", args=(section.pk,)))
    assert response.status_code == 200
    assert "Paspoort aanvragen" in response.content.decode()


def test_create_and_publish_product_through_admin(admin_client):
    data = product_form()
    data["action-publish"] = "action-publish"
    response = admin_client.post(add_url(), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = ProductPage.objects.get(slug="huwelijksboekje-vervangen")
    assert page.live
    assert [f.formatted for f in page.fees.all()] == ["€ 31,50"]
    channel = page.channels.get()
    assert channel.availability == "appointment"
    assert list(channel.locations.values_list("slug", flat=True)) == ["stadhuis"]
    assert page.lead_time_text == "5 tot 10 werkdagen"


def test_edit_product_through_admin_creates_draft_then_publishes(admin_client):
    admin_client.post(add_url(), product_form())
    page = ProductPage.objects.get(slug="huwelijksboekje-vervangen")
    assert not page.live
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    response = admin_client.get(edit_url)
    assert response.status_code == 200
    data = product_form(title="Trouwboekje vervangen")
    data["action-publish"] = "action-publish"
    response = admin_client.post(edit_url, data)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live and page.title == "Trouwboekje vervangen"


def test_negative_fee_is_refused_in_admin_with_clear_message(admin_client):
    data = product_form(
        fees=inline_formset([{"label": "Trouwboekje", "amount": "-10", "channel": ""}])
    )
    data["action-publish"] = "action-publish"
    response = admin_client.post(add_url(), data)
    assert response.status_code == 200
    assert "Een bedrag kan niet negatief zijn." in response.content.decode()
    assert not ProductPage.objects.filter(slug="huwelijksboekje-vervangen").exists()


def test_appointment_channel_without_url_is_refused_in_admin(admin_client):
    data = product_form(
        channels=inline_formset(
            [{"kind": "counter", "availability": "appointment", "appointment_minutes": "10"}]
        )
    )
    response = admin_client.post(add_url(), data)
    assert response.status_code == 200
    assert "heeft een link nodig om de afspraak te maken" in response.content.decode()


def test_lead_time_min_above_max_is_refused_in_admin(admin_client):
    response = admin_client.post(add_url(), product_form(lead_time_min="12", lead_time_max="3"))
    assert response.status_code == 200
    assert "langer dan de maximale" in response.content.decode()


def location_form(hours: list[dict]) -> dict:
    return nested_form_data(
        {
            "name": "Testlocatie",
            "slug": "testlocatie",
            "street": "Dorpsstraat 1",
            "postcode": "1234 AB",
            "city": "Heuvelrode",
            "accessibility": "",
            "opening_hours": inline_formset(hours),
            "opening_exceptions": inline_formset([]),
        }
    )


def test_overlapping_opening_hours_are_refused_in_admin(admin_client):
    url = reverse("wagtailsnippets_catalogue_location:add")
    overlapping = [
        {"channel": "counter", "weekday": "0", "opens": "09:00", "closes": "12:00"},
        {"channel": "counter", "weekday": "0", "opens": "11:00", "closes": "13:00"},
    ]
    response = admin_client.post(url, location_form(overlapping))
    assert response.status_code == 200
    assert "overlappen" in response.content.decode()
    assert not Location.objects.filter(slug="testlocatie").exists()


def test_same_hours_on_different_channels_are_fine(admin_client):
    url = reverse("wagtailsnippets_catalogue_location:add")
    hours = [
        {"channel": "counter", "weekday": "0", "opens": "09:00", "closes": "12:00"},
        {"channel": "phone", "weekday": "0", "opens": "09:00", "closes": "12:00"},
    ]
    response = admin_client.post(url, location_form(hours))
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Location.objects.get(slug="testlocatie").opening_hours.count() == 2


def test_snippet_menus_are_dutch(admin_client):
    response = admin_client.get(reverse("wagtailadmin_home"))
    body = response.content.decode()
    assert "Catalogus" in body
    assert Page.objects.type(ProductPage).count() >= 60
