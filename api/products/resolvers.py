"""Loading published products with exactly the relations a query needs."""

from functools import cache

from django.db.models import QuerySet

from catalogue.models import ProductPage

from ..core.loader import Loader
from ..core.optimizer import Related, Selection, Spec
from ..entries.loading import prepare
from ..entries.types import entry_spec, related_entries


@cache
def channel_spec() -> Spec:
    from ..locations.resolvers import location_spec

    return {"locations": (Related("locations", spec=location_spec),)}


@cache
def document_spec() -> Spec:
    document = (Related("document"),)
    return {"slug": document, "name": document, "description": document}


@cache
def product_spec() -> Spec:
    from ..articles.resolvers import article_spec

    return {
        **entry_spec(),
        "upl": (Related("upl"),),
        "fees": (Related("fees"),),
        "requiredDocuments": (Related("required_documents", spec=document_spec),),
        "conditions": (Related("conditions"),),
        "procedure": (Related("procedure_steps"),),
        "legalBasis": (Related("legal_bases"),),
        "faqs": (Related("faqs"),),
        "channels": (Related("channels", spec=channel_spec),),
        "locations": (Related("channels", spec=channel_spec, via="locations"),),
        "articles": (related_entries("articles", article_spec),),
    }


def published_products() -> QuerySet:
    """Live, public products: never a draft, an unpublished or a private page."""
    return ProductPage.objects.live().public()


def load_products(products, sel: Selection, loader: Loader | None = None) -> list[ProductPage]:
    """`products` (a queryset or a list) with the relations `sel` needs loaded."""
    return (loader or Loader()).load(products, sel, product_spec())


def products_by_id(ids, sel: Selection, channel: str, context) -> dict[int, ProductPage]:
    """Published products by id, loaded for `sel` without N+1 (for search hits)."""
    loader = Loader()
    products = loader.published(ProductPage, "pk", list(ids))
    found = {p.pk: p for p in load_products(products, sel, loader)}
    prepare(found.values(), sel, channel, context)
    return found
