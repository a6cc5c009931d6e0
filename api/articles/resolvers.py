"""Loading published knowledge articles with exactly the relations a query needs."""

from functools import cache

from django.db.models import QuerySet

from catalogue.models import KnowledgeArticlePage

from ..core.loader import Loader
from ..core.optimizer import Selection, Spec
from ..entries.loading import prepare
from ..entries.types import entry_spec, related_entries


@cache
def article_spec() -> Spec:
    from ..products.resolvers import product_spec

    return {
        **entry_spec(),
        "relatedProducts": (related_entries("related_products", product_spec),),
    }


def published_articles() -> QuerySet:
    """Live, public knowledge articles."""
    return KnowledgeArticlePage.objects.live().public()


def load_articles(
    articles, sel: Selection, loader: Loader | None = None
) -> list[KnowledgeArticlePage]:
    """`articles` (a queryset or a list) with the relations `sel` needs loaded."""
    return (loader or Loader()).load(articles, sel, article_spec())


def articles_by_id(ids, sel: Selection, channel: str, context) -> dict[int, KnowledgeArticlePage]:
    """Published articles by id, loaded for `sel` without N+1 (for search hits)."""
    loader = Loader()
    articles = loader.published(KnowledgeArticlePage, "pk", list(ids))
    found = {a.pk: a for a in load_articles(articles, sel, loader)}
    prepare(found.values(), sel, channel, context)
    return found
