"""Loading published knowledge articles with the joins and prefetches a query needs."""

from django.db.models import QuerySet

from catalogue.models import KnowledgeArticlePage

from ..core.optimizer import Related, Selection, Spec, optimize
from ..entries.loading import prepare
from ..entries.types import entry_spec


def article_spec() -> Spec:
    from ..products.resolvers import product_spec, published_products

    return {
        **entry_spec(),
        "relatedProducts": (
            Related("related_products", spec=product_spec, queryset=published_products),
        ),
    }


def published_articles() -> QuerySet:
    """Live, public knowledge articles."""
    return KnowledgeArticlePage.objects.live().public()


def load_articles(queryset: QuerySet, sel: Selection) -> QuerySet:
    return optimize(queryset, sel, article_spec())


def articles_by_id(ids, sel: Selection, channel: str, context) -> dict[int, KnowledgeArticlePage]:
    """Published articles by id, loaded for `sel` without N+1 (for search hits)."""
    found = {a.pk: a for a in load_articles(published_articles().filter(pk__in=ids), sel)}
    prepare(found.values(), sel, channel, context)
    return found
