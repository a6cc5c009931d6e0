"""What products and knowledge articles share, as a GraphQL interface."""

from collections.abc import Callable
from functools import cache

import graphene
from django.http import HttpRequest

from catalogue.public_urls import public_url

from ..core.context import channel_of, internal
from ..core.enums import Channel, TextFormat, value_of
from ..core.loader import related, related_one
from ..core.optimizer import Related, Spec
from ..services.types import Service
from ..taxonomy.types import Audience, LifeEvent, Topic
from .text import entry_text


def text_field(description: str) -> graphene.String:
    return graphene.String(
        required=True,
        format=TextFormat(default_value="html"),
        description=description,
    )


class Entry(graphene.Interface):
    """Een gepubliceerd product of kennisartikel."""

    id = graphene.ID(required=True)
    slug = graphene.String(required=True)
    title = graphene.String(required=True)
    summary = graphene.String(required=True, description="Eén of twee zinnen (platte tekst).")
    channel = Channel(required=True, description="Het kanaal waarvoor `text` is geformuleerd.")
    text = graphene.String(
        required=True,
        format=TextFormat(default_value="html"),
        channel=Channel(description="Standaard het kanaal van de vraag (bijv. `product`)."),
        description="De tekst voor het kanaal: WEB de websitetekst, KCC het KCC-antwoord, "
        "ASSISTANT het korte antwoord. Ontbreekt die, dan WEB (voor KCC) of de samenvatting "
        "(voor ASSISTANT).",
    )
    topics = graphene.List(graphene.NonNull(Topic), required=True)
    life_events = graphene.List(graphene.NonNull(LifeEvent), required=True)
    audiences = graphene.List(graphene.NonNull(Audience), required=True)
    keywords = graphene.List(graphene.NonNull(graphene.String), required=True)
    responsible_service = graphene.Field(Service)
    url = graphene.String(
        description="Het adres van de pagina op de website van de gemeente (Instellingen → "
        "Publieke website). `null` zolang die niet is ingesteld: nooit het adres van het CMS."
    )
    last_published_at = graphene.DateTime()
    kcc_internal_notes = graphene.String(
        description="Intern (token met rol KCC): tips voor KCC-medewerkers."
    )

    @classmethod
    def resolve_type(cls, instance, info):
        from catalogue.models import KnowledgeArticlePage

        from ..articles.types import KnowledgeArticle
        from ..products.types import Product

        return KnowledgeArticle if isinstance(instance, KnowledgeArticlePage) else Product

    @staticmethod
    def resolve_id(root, info):
        return root.pk

    @staticmethod
    def resolve_channel(root, info):
        return channel_of(root)

    @staticmethod
    def resolve_text(root, info, format="html", channel=None):
        return entry_text(
            root, value_of(channel) or channel_of(root), value_of(format, "html"), info.context
        )

    @staticmethod
    def resolve_topics(root, info):
        return related(root, "topics")

    @staticmethod
    def resolve_life_events(root, info):
        return related(root, "life_events")

    @staticmethod
    def resolve_audiences(root, info):
        return related(root, "audiences")

    @staticmethod
    def resolve_keywords(root, info):
        return root.keyword_list

    @staticmethod
    def resolve_responsible_service(root, info):
        return related_one(root, "responsible_service")

    @staticmethod
    def resolve_url(root, info):
        request = info.context if isinstance(info.context, HttpRequest) else None
        return public_url(root, request)

    @staticmethod
    @internal("kccInternalNotes")
    def resolve_kcc_internal_notes(root, info):
        return root.kcc_internal_notes


# Large text columns of products and articles, and the fields that read them: a list of
# related articles or products shown by title leaves them unread.
ENTRY_TEXTS = (
    ("web_body", ("text",)),
    ("kcc_answer", ("text",)),
    ("assistant_answer", ("text",)),
    ("kcc_internal_notes", ("kccInternalNotes",)),
)


def related_entries(path: str, spec: Callable[[], Spec]) -> Related:
    """The relation to published products or articles of an entry (Product.articles,
    KnowledgeArticle.relatedProducts): by title, texts read only when asked."""
    return Related(path, spec=spec, published=True, order=("title",), defer=ENTRY_TEXTS)


@cache
def entry_spec() -> dict:
    """Relations of the interface's fields (see api.core.optimizer)."""
    from ..services.resolvers import service_spec

    return {
        "topics": (Related("topics"),),
        "lifeEvents": (Related("life_events"),),
        "audiences": (Related("audiences"),),
        "responsibleService": (Related("responsible_service", spec=service_spec),),
    }
