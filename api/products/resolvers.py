"""Loading published products with exactly the joins and prefetches a query needs."""

from django.db.models import QuerySet

from catalogue.models import ProductPage, ProductRequiredDocument

from ..core.optimizer import SELECT, Related, Selection, Spec, optimize
from ..entries.loading import prepare
from ..entries.types import entry_spec


def channel_spec() -> Spec:
    from ..locations.resolvers import location_spec

    return {"locations": (Related("locations", spec=location_spec),)}


def product_spec() -> Spec:
    from ..articles.resolvers import article_spec, published_articles

    return {
        **entry_spec(),
        "upl": (Related("upl", SELECT),),
        "fees": (Related("fees"),),
        "requiredDocuments": (
            Related(
                "required_documents",
                queryset=lambda: ProductRequiredDocument.objects.select_related("document"),
            ),
        ),
        "conditions": (Related("conditions"),),
        "procedure": (Related("procedure_steps"),),
        "legalBasis": (Related("legal_bases"),),
        "faqs": (Related("faqs"),),
        "channels": (Related("channels", spec=channel_spec),),
        "locations": (Related("channels", spec=channel_spec, via="locations"),),
        "articles": (Related("articles", spec=article_spec, queryset=published_articles),),
    }


def published_products() -> QuerySet:
    """Live, public products: never a draft, an unpublished or a private page."""
    return ProductPage.objects.live().public()


def load_products(queryset: QuerySet, sel: Selection) -> QuerySet:
    return optimize(queryset, sel, product_spec())


def products_by_id(ids, sel: Selection, channel: str, context) -> dict[int, ProductPage]:
    """Published products by id, loaded for `sel` without N+1 (for search hits)."""
    found = {p.pk: p for p in load_products(published_products().filter(pk__in=ids), sel)}
    prepare(found.values(), sel, channel, context)
    return found
