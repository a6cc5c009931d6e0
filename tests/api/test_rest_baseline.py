"""Wagtail's REST API (the benchmark's baseline) serves a product's facts, not just its meta."""

import pytest
from factories import make_article

from catalogue.models import ProductPage

pytestmark = pytest.mark.django_db


def test_rest_detail_includes_the_product_facts(client):
    page = max(
        ProductPage.objects.live().prefetch_related("channels", "fees", "faqs"),
        key=lambda p: (len(p.channels.all()), len(p.fees.all()), len(p.faqs.all())),
    )
    response = client.get(f"/api/v2/pages/{page.pk}/")
    assert response.status_code == 200
    data = response.json()
    assert data["summary"] == page.summary
    assert [f["label"] for f in data["fees"]] == [f.label for f in page.fees.all()]
    assert [c["kind"] for c in data["channels"]] == [c.kind for c in page.channels.all()]
    assert [q["question"] for q in data["faqs"]] == [q.question for q in page.faqs.all()]
    assert [c["text"] for c in data["conditions"]] == [c.text for c in page.conditions.all()]
    assert [s["text"] for s in data["procedure_steps"]] == [
        s.text for s in page.procedure_steps.all()
    ]
    assert [d["document"] for d in data["required_documents"]] == [
        d.document.name for d in page.required_documents.all()
    ]
    assert sorted(data["topics"]) == sorted(t.name for t in page.topics.all())
    assert data["lead_time_unit"] == page.lead_time_unit
    if page.responsible_service:
        assert data["responsible_service"] == page.responsible_service.name


def test_rest_detail_lists_live_related_articles_only(client):
    product = ProductPage.objects.live().order_by("pk").first()
    live = make_article("rest-live-artikel", title="Live artikel over dit product")
    draft = make_article("rest-concept-artikel", title="Concept artikel", publish=False)
    product.articles.add(live, draft)
    data = client.get(f"/api/v2/pages/{product.pk}/").json()
    assert "Live artikel over dit product" in data["articles"]
    assert "Concept artikel" not in data["articles"]
