import graphene

from catalogue.models import ProductPage

from ..core.enums import value_of
from ..core.loader import Loader
from ..core.lookup import usable
from ..core.optimizer import selection
from ..core.pagination import connection
from ..entries.filters import channel_argument, filter_entries, list_arguments
from ..entries.loading import paginated, prepare
from .resolvers import load_products, published_products
from .types import Product

ProductConnection = connection(Product, "Product", "Gepubliceerde producten, op titel.")


class ProductQueries(graphene.ObjectType):
    product = graphene.Field(
        Product,
        slug=graphene.String(required=True),
        channel=channel_argument(),
        description="Eén gepubliceerd product; null als het niet (meer) gepubliceerd is.",
    )
    products = graphene.Field(
        ProductConnection,
        required=True,
        **list_arguments(),
    )

    @staticmethod
    def resolve_product(root, info, slug, channel="web"):
        if not usable(slug):
            return None
        sel = selection(info)
        loader = Loader()
        found = load_products(loader.published(ProductPage, "slug", [slug]), sel, loader)
        return prepare(found, sel, value_of(channel, "web"), info.context)[0] if found else None

    @staticmethod
    def resolve_products(root, info, first=None, after=None, channel="web", **filters):
        queryset = filter_entries(published_products(), **filters).order_by("title", "pk")
        sel = selection(info).any_of("edges.node", "nodes")
        loader = Loader()
        result = paginated(queryset, first, after, loader)
        prepare(
            load_products(result.items, sel, loader), sel, value_of(channel, "web"), info.context
        )
        return result
