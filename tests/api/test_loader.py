"""The batch loader gives what the ORM gives, also when a query must be split up."""

import pytest
from api_support import PRODUCT_FACTS, gql
from wagtail.models import PageViewRestriction

from api.core import loader
from api.core.loader import Loader, related, related_one
from api.core.model_sql import model_sql
from api.core.optimizer import Selection
from api.products.resolvers import product_spec
from catalogue.models import KnowledgeArticlePage, ProductPage

pytestmark = pytest.mark.django_db

LIST = PRODUCT_FACTS + "{ products(first: 40) { nodes { ...Facts } } }"


def test_split_queries_give_the_same_answer(client, monkeypatch):
    _, whole = gql(client, LIST)
    monkeypatch.setattr(loader, "_max_params", lambda: 7)  # forces many small queries
    _, split = gql(client, LIST)
    assert "errors" not in whole and whole == split
    assert len(whole["data"]["products"]["nodes"]) == 40


def test_loaded_relations_equal_the_orm(client):
    products = list(ProductPage.objects.live().order_by("pk")[:15])
    sel = Selection()
    for name in ("fees", "channels", "topics", "requiredDocuments", "responsibleService"):
        sel._child(name, None)
    Loader().load(products, sel, product_spec())
    for product in products:
        fresh = ProductPage.objects.get(pk=product.pk)
        assert related(product, "fees") == list(fresh.fees.all())
        assert related(product, "channels") == list(fresh.channels.all())
        assert related(product, "topics") == list(fresh.topics.all())
        assert related(product, "required_documents") == list(fresh.required_documents.all())
        assert related_one(product, "responsible_service") == fresh.responsible_service
        for fee in related(product, "fees"):
            assert type(fee.amount).__name__ in ("Decimal", "NoneType")  # converters applied


def test_published_skips_drafts_and_private_sections():
    article = KnowledgeArticlePage.objects.live().first()
    found = Loader().published(KnowledgeArticlePage, "pk", [article.pk])
    assert found == [article]
    PageViewRestriction.objects.create(page=article, restriction_type="password", password="x")
    assert Loader().published(KnowledgeArticlePage, "pk", [article.pk]) == []
    KnowledgeArticlePage.objects.filter(pk=article.pk).update(live=False)
    assert Loader().published(KnowledgeArticlePage, "pk", [article.pk]) == []


def test_related_falls_back_to_the_manager():
    product = ProductPage.objects.live().first()
    assert related(product, "fees") == list(product.fees.all())
    assert related_one(product, "upl") == product.upl


def test_instances_go_through_the_constructor_when_a_signal_listens():
    from django.db.models.signals import post_init

    from catalogue.models import Topic

    seen = []

    def listener(sender, instance, **kwargs):
        seen.append(instance)

    product = ProductPage.objects.live().filter(topics__isnull=False).first()
    post_init.connect(listener, sender=Topic)
    model_sql.cache_clear()
    try:
        sel = Selection()
        sel._child("topics", None)
        Loader().load([ProductPage.objects.get(pk=product.pk)], sel, product_spec())
    finally:
        post_init.disconnect(listener, sender=Topic)
        model_sql.cache_clear()
    assert seen and all(isinstance(t, Topic) for t in seen)
