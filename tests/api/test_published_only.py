"""Anonymous callers see live, public content only: no drafts, no private or scheduled pages."""

from datetime import timedelta

import pytest
from api_support import gql
from django.utils import timezone
from factories import make_product
from wagtail.models import PageViewRestriction

from catalogue.models import KnowledgeArticlePage, ProductPage

pytestmark = pytest.mark.django_db

QUERY = "query($s: String!) { product(slug: $s) { title summary fees { label } } }"
LIST = "{ products(first: 100) { totalCount nodes { slug } } }"


def listed(client) -> set[str]:
    _, body = gql(client, LIST)
    return {n["slug"] for n in body["data"]["products"]["nodes"]}


def test_a_never_published_page_is_invisible(client):
    make_product("nooit-gepubliceerd", publish=False, live=False)
    assert gql(client, QUERY, {"s": "nooit-gepubliceerd"})[1]["data"]["product"] is None
    assert "nooit-gepubliceerd" not in listed(client)


def test_a_draft_revision_does_not_leak_into_the_live_page(client):
    page = make_product("met-concept", title="Gepubliceerde titel", summary="Live samenvatting.")
    page = ProductPage.objects.get(pk=page.pk)
    page.title = "Concepttitel"
    page.summary = "Concept samenvatting."
    page.fees = []
    page.save_revision()  # what "Opslaan als concept" does
    product = gql(client, QUERY, {"s": "met-concept"})[1]["data"]["product"]
    assert product == {
        "title": "Gepubliceerde titel",
        "summary": "Live samenvatting.",
        "fees": [{"label": "Tarief"}],
    }


def test_an_unpublished_page_disappears(client):
    page = make_product("ingetrokken")
    assert "ingetrokken" in listed(client)
    page.unpublish()
    assert gql(client, QUERY, {"s": "ingetrokken"})[1]["data"]["product"] is None
    assert "ingetrokken" not in listed(client)


def test_a_scheduled_page_is_invisible_until_it_goes_live(client):
    page = make_product("gepland", publish=False, live=False)
    page.go_live_at = timezone.now() + timedelta(days=2)
    page.save_revision().publish()  # with a future go-live date this only schedules
    page.refresh_from_db()
    assert not page.live
    assert gql(client, QUERY, {"s": "gepland"})[1]["data"]["product"] is None
    assert "gepland" not in listed(client)


def test_a_private_page_is_invisible(client):
    page = make_product("besloten")
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="x")
    assert gql(client, QUERY, {"s": "besloten"})[1]["data"]["product"] is None
    assert "besloten" not in listed(client)


def test_related_items_are_published_only(client):
    article = KnowledgeArticlePage.objects.live().filter(related_products__isnull=False).first()
    if article is None:  # the demo links articles to products; make sure the test has one
        article = KnowledgeArticlePage.objects.live().first()
    product = make_product("zichtbaar-gerelateerd")
    hidden = make_product("verborgen-gerelateerd")
    article.related_products.add(product, hidden)
    article.save()
    hidden.unpublish()
    query = """query($s: String!) { knowledgeArticle(slug: $s) { relatedProducts { slug } } }"""
    related = gql(client, query, {"s": article.slug})[1]["data"]["knowledgeArticle"]
    slugs = [p["slug"] for p in related["relatedProducts"]]
    assert "zichtbaar-gerelateerd" in slugs and "verborgen-gerelateerd" not in slugs
    article.unpublish()
    query = "query($s: String!) { product(slug: $s) { articles { slug } } }"
    product_articles = gql(client, query, {"s": "zichtbaar-gerelateerd"})[1]["data"]["product"]
    assert article.slug not in [a["slug"] for a in product_articles["articles"]]
