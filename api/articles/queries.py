import graphene

from catalogue.models import KnowledgeArticlePage

from ..core.enums import Channel, value_of
from ..core.loader import Loader
from ..core.lookup import usable
from ..core.optimizer import selection
from ..core.pagination import connection
from ..entries.filters import filter_entries
from ..entries.loading import paginated, prepare
from .resolvers import load_articles, published_articles
from .types import KnowledgeArticle

KnowledgeArticleConnection = connection(
    KnowledgeArticle, "KnowledgeArticle", "Gepubliceerde kennisartikelen, op vraag."
)


def _channel_argument():
    return Channel(default_value="web", description="Voor welk kanaal `text` is geformuleerd.")


class ArticleQueries(graphene.ObjectType):
    knowledge_article = graphene.Field(
        KnowledgeArticle,
        slug=graphene.String(required=True),
        channel=_channel_argument(),
        description="Eén gepubliceerd kennisartikel; null als het niet gepubliceerd is.",
    )
    knowledge_articles = graphene.Field(
        KnowledgeArticleConnection,
        required=True,
        first=graphene.Int(description="Aantal per pagina."),
        after=graphene.String(description="De `endCursor` van de vorige pagina."),
        topic=graphene.String(description="Slug van een thema."),
        life_event=graphene.String(description="Slug van een levensgebeurtenis."),
        audience=graphene.String(description="Slug van een doelgroep."),
        service=graphene.String(description="Slug van de verantwoordelijke dienst."),
        product=graphene.String(description="Slug van een gerelateerd product."),
        channel=_channel_argument(),
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
