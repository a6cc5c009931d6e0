"""The number of SQL queries does not grow with the number of items."""

import json
from pathlib import Path

import pytest
from api_support import PRODUCT_FACTS, post
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalogue.demo.products import build_product
from catalogue.models import KnowledgeArticlePage, ProductPage, SectionPage, Service

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parents[2] / "catalogue" / "demo" / "data"
# Every field, so that each relation is loaded.
LIST = (
    PRODUCT_FACTS
    + """query($n: Int) { products(first: $n) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { cursor node { ...Facts text(format: PLAIN) kcc: text(channel: KCC) } } } }"""
)
LIMIT = 10  # the whole nested product list or detail: a handful of queries


@pytest.fixture
def hundred_products():
    """At least 100 live products, copies of the richest demo product (all facts filled)."""
    bundles = [
        json.loads(p.read_text(encoding="utf-8")) for p in sorted(DATA.glob("products_*.json"))
    ]
    source = max(
        (p for b in bundles for p in b["products"]),
        key=lambda p: (len(p.get("channels", [])), len(p.get("fees", [])), len(p.get("faqs", []))),
    )
    missing = 100 - ProductPage.objects.live().count()
    service = Service.objects.get(slug=source["service"])
    section = SectionPage.objects.get(service=service, url_path__contains="/producten/")
    for i in range(max(missing, 0)):
        page = build_product({**source, "slug": f"kopie-{i}", "title": f"Kopie {i}"}, service)
        section.add_child(instance=page)
        page.save_revision().publish()
    assert ProductPage.objects.live().count() >= 100


def count_queries(client, query: str, variables: dict) -> tuple[int, dict]:
    post(client, query, variables)  # warm up: Wagtail caches the site root paths once
    with CaptureQueriesContext(connection) as ctx:
        response = post(client, query, variables)
    body = response.json()
    assert response.status_code == 200 and "errors" not in body, body
    return len(ctx.captured_queries), body


def test_product_list_costs_a_constant_number_of_queries(client, hundred_products):
    small, small_body = count_queries(client, LIST, {"n": 10})
    large, large_body = count_queries(client, LIST, {"n": 100})
    assert len(small_body["data"]["products"]["edges"]) == 10
    nodes = [e["node"] for e in large_body["data"]["products"]["edges"]]
    assert len(nodes) == 100
    assert all(
        n["channels"] and n["fees"] and n["faqs"] for n in nodes if n["slug"].startswith("kopie-")
    )
    assert large == small
    assert large <= LIMIT


def test_product_detail_costs_a_constant_number_of_queries(client):
    query = PRODUCT_FACTS + "query($s: String!) { product(slug: $s) { ...Facts text } }"
    products = ProductPage.objects.live().prefetch_related("channels")
    counts = {p.slug: count_queries(client, query, {"s": p.slug})[0] for p in products[:10]}
    assert max(counts.values()) <= LIMIT, counts


def test_article_list_costs_a_constant_number_of_queries(client):
    query = """query($n: Int) { knowledgeArticles(first: $n) { totalCount nodes {
      slug title text(format: MARKDOWN) topics { slug } lifeEvents { slug } audiences { slug }
      responsibleService { name locations { name openingHours { isOpenNow } } }
      relatedProducts { slug fees { formatted } channels { kind locations { name } } } } } }"""
    assert KnowledgeArticlePage.objects.live().count() >= 30
    small, _ = count_queries(client, query, {"n": 3})
    large, body = count_queries(client, query, {"n": 30})
    assert len(body["data"]["knowledgeArticles"]["nodes"]) == 30
    assert large == small <= LIMIT


def test_locations_and_services_cost_a_constant_number_of_queries(client):
    query = """{ services { name locations { name openingHours { isOpenNow week { formatted } } } }
      locations { name openingHours(channel: PHONE) { nextOpening } } topics { slug }
      lifeEvents { slug } audiences { slug } }"""
    count, body = count_queries(client, query, {})
    assert body["data"]["services"] and body["data"]["locations"]
    assert count <= 10


def test_texts_of_related_entries_are_read_only_when_asked(client):
    """Related articles listed by title leave their texts unread (Related.defer); asking
    their text reads it in the same batch, not one query per article."""
    product = max(
        ProductPage.objects.live().prefetch_related("articles"),
        key=lambda p: len([a for a in p.articles.all() if a.live]),
    )
    titles = "query($s: String!) { product(slug: $s) { articles { slug } } }"
    texts = "query($s: String!) { product(slug: $s) { articles { slug text kcc: text(channel: KCC) } } }"
    without, body = count_queries(client, titles, {"s": product.slug})
    with_texts, body = count_queries(client, texts, {"s": product.slug})
    assert with_texts == without, (without, with_texts)
    articles = body["data"]["product"]["articles"]
    assert len(articles) >= 2
    by_slug = {a.slug: a for a in KnowledgeArticlePage.objects.live()}
    for article in articles:
        page = by_slug[article["slug"]]
        if page.web_body.strip():
            assert article["text"], article
        if page.kcc_answer.strip():
            assert article["kcc"]
