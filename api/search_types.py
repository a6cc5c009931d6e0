"""GraphQL for search (issue 4): `search`, `suggest` and `recordSearchResultOpened`.

The engines, best bets, fallback and logging live in `search.service`; this module only
translates arguments and results. Hits carry the product or article itself, loaded in one
query per type with the prefetches the request needs (`products_by_id`, `articles_by_id`).
"""

import graphene

from catalogue.models import Audience, LifeEvent, Service, Topic
from catalogue.models import ChannelKind as ChannelKindChoices
from search import service
from search.engines.base import SearchFilters

from .articles.resolvers import articles_by_id
from .articles.types import KnowledgeArticle
from .core.enums import Channel, ChannelKind, value_of
from .core.errors import bad_input
from .core.optimizer import selection
from .core.pagination import decode_cursor, encode_cursor, page_size
from .products.resolvers import products_by_id
from .products.types import Product

CONTENT_TYPE_LABELS = {"product": "Product", "article": "Kennisartikel"}


class SearchContentType(graphene.Enum):
    """Soort resultaat."""

    PRODUCT = "product"
    ARTICLE = "article"


class SearchFilterInput(graphene.InputObjectType):
    """Filters; binnen één filter is het 'of', tussen filters 'en'."""

    topics = graphene.List(graphene.NonNull(graphene.String), description="Slugs van thema's.")
    life_events = graphene.List(
        graphene.NonNull(graphene.String), description="Slugs van levensgebeurtenissen."
    )
    audiences = graphene.List(
        graphene.NonNull(graphene.String), description="Slugs van doelgroepen."
    )
    services = graphene.List(graphene.NonNull(graphene.String), description="Slugs van diensten.")
    content_types = graphene.List(graphene.NonNull(SearchContentType))
    available_via = graphene.List(
        graphene.NonNull(ChannelKind),
        description="Alleen producten die via dit kanaal te krijgen zijn (online, balie…).",
    )


class FacetValue(graphene.ObjectType):
    value = graphene.String(required=True, description="Slug of waarde om op te filteren.")
    label = graphene.String(required=True)
    count = graphene.Int(required=True)


class SearchFacets(graphene.ObjectType):
    """Aantallen per filterwaarde binnen de resultaten (met de gekozen filters toegepast)."""

    topics = graphene.List(graphene.NonNull(FacetValue), required=True)
    life_events = graphene.List(graphene.NonNull(FacetValue), required=True)
    audiences = graphene.List(graphene.NonNull(FacetValue), required=True)
    services = graphene.List(graphene.NonNull(FacetValue), required=True)
    content_types = graphene.List(graphene.NonNull(FacetValue), required=True)
    available_via = graphene.List(graphene.NonNull(FacetValue), required=True)


class SearchHit(graphene.ObjectType):
    position = graphene.Int(required=True, description="Plaats in de hele lijst (vanaf 1).")
    type = graphene.Field(SearchContentType, required=True)
    title = graphene.String(required=True)
    title_highlight = graphene.String(required=True, description="Titel (HTML) met <mark>.")
    summary = graphene.String(required=True)
    highlight = graphene.String(
        required=True, description="Tekstfragment (HTML) met de gevonden woorden in <mark>."
    )
    url = graphene.String(required=True)
    score = graphene.Float(required=True)
    best_bet = graphene.Boolean(required=True, description="Door de redactie vastgepind.")
    product = graphene.Field(Product, description="Het product zelf (bij type PRODUCT).")
    article = graphene.Field(KnowledgeArticle, description="Het artikel zelf (bij type ARTICLE).")


class SearchPageInfo(graphene.ObjectType):
    has_next_page = graphene.Boolean(required=True)
    end_cursor = graphene.String()


class SearchResults(graphene.ObjectType):
    search_id = graphene.ID(
        description="Kenmerk van deze zoekopdracht, voor `recordSearchResultOpened`."
    )
    query = graphene.String(required=True)
    total = graphene.Int(required=True)
    hits = graphene.List(graphene.NonNull(SearchHit), required=True)
    page_info = graphene.Field(SearchPageInfo, required=True)
    facets = graphene.Field(SearchFacets, required=True)
    suggestion = graphene.String(description="'Bedoelde u…?' als er niets gevonden is.")
    corrected_query = graphene.String(description="Hoe tikfouten zijn gelezen, als dat gebeurde.")
    relaxed = graphene.Boolean(
        required=True, description="Niet alle woorden kwamen in de resultaten voor."
    )
    degraded = graphene.Boolean(
        required=True,
        description="De zoekmachine was onbereikbaar; dit antwoord komt van de reservezoekfunctie.",
    )


class SearchSuggestion(graphene.ObjectType):
    text = graphene.String(required=True)
    kind = graphene.String(required=True, description="'title' (een pagina) of 'term' (een woord).")
    url = graphene.String(description="De pagina, bij een titel.")


# PostgreSQL refuses NUL characters in text. In a search text a NUL separates words; a slug
# with one matches nothing, so it becomes a value no slug has (not dropped: dropping the
# only value of a filter would lift the filter).
_NO_SLUG = "\ufffd"


def _text(value: str) -> str:
    return value.replace("\x00", " ")


def _slugs(values) -> list[str]:
    return [_NO_SLUG if "\x00" in v else v for v in values or ()]


def _filters(value) -> SearchFilters:
    value = value or {}
    return SearchFilters(
        topics=_slugs(value.get("topics")),
        life_events=_slugs(value.get("life_events")),
        audiences=_slugs(value.get("audiences")),
        services=_slugs(value.get("services")),
        content_types=[value_of(v) for v in value.get("content_types") or []],
        channels=[value_of(v) for v in value.get("available_via") or []],
    )


def _facets(counts: dict[str, dict[str, int]]) -> dict:
    names = {
        "topics": dict(
            Topic.objects.filter(slug__in=counts.get("topics", {})).values_list("slug", "name")
        ),
        "life_events": dict(
            LifeEvent.objects.filter(slug__in=counts.get("life_events", {})).values_list(
                "slug", "name"
            )
        ),
        "audiences": dict(
            Audience.objects.filter(slug__in=counts.get("audiences", {})).values_list(
                "slug", "name"
            )
        ),
        "services": dict(
            Service.objects.filter(slug__in=counts.get("services", {})).values_list("slug", "name")
        ),
        "content_types": CONTENT_TYPE_LABELS,
        "channels": dict(ChannelKindChoices.choices),
    }
    out = {}
    for group, field in (
        ("topics", "topics"),
        ("life_events", "life_events"),
        ("audiences", "audiences"),
        ("services", "services"),
        ("content_types", "content_types"),
        ("channels", "available_via"),
    ):
        values = sorted(counts.get(group, {}).items(), key=lambda item: (-item[1], item[0]))
        out[field] = [FacetValue(value=v, label=names[group].get(v, v), count=n) for v, n in values]
    return out


class SearchQueries(graphene.ObjectType):
    search = graphene.Field(
        SearchResults,
        required=True,
        query=graphene.String(required=True, description="Wat de gebruiker typte."),
        channel=Channel(default_value="web", description="Wie zoekt: website, KCC of assistent."),
        first=graphene.Int(description="Aantal resultaten per pagina (hoogstens 50)."),
        after=graphene.String(description="De `endCursor` van de vorige pagina."),
        filters=SearchFilterInput(),
        description="Producten en kennisartikelen in één lijst, beste antwoord eerst.",
    )
    suggest = graphene.List(
        graphene.NonNull(SearchSuggestion),
        required=True,
        prefix=graphene.String(required=True),
        first=graphene.Int(default_value=8),
        description="Aanvullingen voor het zoekvak terwijl de gebruiker typt.",
    )

    @staticmethod
    def resolve_search(root, info, query, channel="web", first=None, after=None, filters=None):
        size = min(page_size(first), service.MAX_LIMIT)
        offset = decode_cursor(after) + 1 if after else 0
        sel = selection(info)
        channel_value = value_of(channel, "web")
        if size == 0:
            raise bad_input("'first' moet minstens 1 zijn.", argument="first")
        try:
            result = service.search(
                _text(query),
                channel=channel_value,
                filters=_filters(filters),
                offset=offset,
                limit=size,
                with_facets="facets" in sel,
            )
        except service.QueryError as error:
            raise bad_input(str(error), argument="query") from None
        hit_sel = sel.get("hits")
        products, articles = {}, {}
        if "product" in hit_sel:
            ids = [h.page_id for h in result.hits if h.content_type == "product"]
            products = products_by_id(ids, hit_sel.get("product"), channel_value, info.context)
        if "article" in hit_sel:
            ids = [h.page_id for h in result.hits if h.content_type == "article"]
            articles = articles_by_id(ids, hit_sel.get("article"), channel_value, info.context)
        hits = [
            SearchHit(
                position=offset + i + 1,
                type=h.content_type,
                title=h.title,
                title_highlight=h.title_highlight,
                summary=h.summary,
                highlight=h.highlight,
                url=h.url,
                score=h.score if h.score != float("inf") else 1e9,
                best_bet=h.best_bet,
                product=products.get(h.page_id),
                article=articles.get(h.page_id),
            )
            for i, h in enumerate(result.hits)
        ]
        shown = offset + len(result.hits)
        return SearchResults(
            search_id=result.log_id,
            query=result.query,
            total=result.total,
            hits=hits,
            page_info=SearchPageInfo(
                has_next_page=shown < result.total,
                end_cursor=encode_cursor(shown - 1) if result.hits else None,
            ),
            facets=SearchFacets(**_facets(result.facets)),
            suggestion=result.suggestion,
            corrected_query=result.corrected_query,
            relaxed=result.relaxed,
            degraded=result.degraded,
        )

    @staticmethod
    def resolve_suggest(root, info, prefix, first=8):
        if first is None or first < 1 or first > 20:
            raise bad_input("'first' moet tussen 1 en 20 liggen.", argument="first")
        return [
            SearchSuggestion(text=s.text, kind=s.kind, url=s.url or None)
            for s in service.suggest(_text(prefix), limit=first)
        ]


class RecordSearchResultOpened(graphene.Mutation):
    """Meld dat een resultaat van een zoekopdracht is geopend (voor het zoekrapport)."""

    class Arguments:
        search_id = graphene.ID(required=True)
        page_id = graphene.ID(required=True, description="Het `id` van het product of artikel.")
        position = graphene.Int(description="Plaats van het resultaat in de lijst.")

    ok = graphene.Boolean(required=True)

    @staticmethod
    def mutate(root, info, search_id, page_id, position=None):
        try:
            log_id, page = int(search_id), int(page_id)
        except (TypeError, ValueError):
            raise bad_input("Ongeldig kenmerk.", argument="searchId") from None
        if not (0 < log_id < 2**62 and 0 < page < 2**31):
            raise bad_input("Ongeldig kenmerk.", argument="searchId")
        if position is not None and not 0 < position <= 10_000:
            raise bad_input("Ongeldige plaats.", argument="position")
        if not service.record_opened(log_id, page, position):
            raise bad_input("Onbekende zoekopdracht.", argument="searchId")
        return RecordSearchResultOpened(ok=True)


class SearchMutations(graphene.ObjectType):
    record_search_result_opened = RecordSearchResultOpened.Field()
