import graphene

from ..core.context import channel_of, set_channel
from ..core.loader import related
from ..entries.types import Entry


class KnowledgeArticle(graphene.ObjectType):
    """Een vraag en antwoord uit de kennisbank."""

    class Meta:
        interfaces = (Entry,)

    question = graphene.String(required=True, description="De vraag (gelijk aan `title`).")
    source_url = graphene.String(description="Waar het antwoord vandaan komt.")
    related_products = graphene.List(
        graphene.NonNull(lambda: _product_type()),
        required=True,
        description="Gepubliceerde producten waar dit artikel over gaat.",
    )

    @staticmethod
    def resolve_question(root, info):
        return root.title

    @staticmethod
    def resolve_source_url(root, info):
        return root.source_url or None

    @staticmethod
    def resolve_related_products(root, info):
        products = [p for p in related(root, "related_products") if p.live]
        return set_channel(products, channel_of(root))


def _product_type():
    from ..products.types import Product

    return Product
