"""Loading published knowledge articles with exactly the relations a query needs."""

from functools import cache

from django.db.models import QuerySet

from catalogue.models import KnowledgeArticlePage

from ..core.loader import Loader
from ..core.optimizer import Related, Selection, Spec
from ..entries.loading import prepare
from ..entries.types import ENTRY_TEXTS, entry_spec


@cache
def article_spec() -> Spec:
    from ..products.resolvers import product_spec

    return {
        **entry_spec(),
        "relatedProducts": (
            Related(
                "related_products",
                spec=product_spec,
                published=True,
                order=("title",),
                defer=ENTRY_TEXTS,
            ),
        ),
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
