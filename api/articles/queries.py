import graphene

from catalogue.models import KnowledgeArticlePage

from ..core.enums import value_of
from ..core.loader import Loader
from ..core.lookup import usable
from ..core.optimizer import selection
from ..core.pagination import connection
from ..entries.filters import channel_argument, filter_entries, list_arguments
from ..entries.loading import paginated, prepare
from .resolvers import load_articles, published_articles
from .types import KnowledgeArticle

KnowledgeArticleConnection = connection(
    KnowledgeArticle, "KnowledgeArticle", "Gepubliceerde kennisartikelen, op vraag."
)


class ArticleQueries(graphene.ObjectType):
    knowledge_article = graphene.Field(
        KnowledgeArticle,
        slug=graphene.String(required=True),
        channel=channel_argument(),
        description="Eén gepubliceerd kennisartikel; null als het niet gepubliceerd is.",
    )
    knowledge_articles = graphene.Field(
        KnowledgeArticleConnection,
        required=True,
        **list_arguments(product="Slug van een gerelateerd product."),
    )

    @staticmethod
    def resolve_knowledge_article(root, info, slug, channel="web"):
        if not usable(slug):
            return None
        sel = selection(info)
        loader = Loader()
        found = load_articles(loader.published(KnowledgeArticlePage, "slug", [slug]), sel, loader)
        return prepare(found, sel, value_of(channel, "web"), info.context)[0] if found else None

    @staticmethod
    def resolve_knowledge_articles(
        root, info, first=None, after=None, channel="web", product=None, **filters
    ):
        queryset = filter_entries(published_articles(), **filters)
        if product is not None:
            queryset = (
                queryset.filter(related_products__slug=product)
                if usable(product)
                else queryset.none()
            )
        sel = selection(info).any_of("edges.node", "nodes")
        loader = Loader()
        result = paginated(queryset.order_by("title", "pk"), first, after, loader)
        articles = load_articles(result.items, sel, loader)
        prepare(articles, sel, value_of(channel, "web"), info.context)
        return result
