"""The GraphQL schema: one API for the website, the KCC and the digital assistant.

Structure (after Saleor's graphql package): one package per domain, each with
- `types.py`     the hand-written graphene types (no generated types: every field is reviewed),
- `resolvers.py` published content, and the spec of which relations each field needs,
- `queries.py`   a mixin class with the domain's root fields.

`Query` below is composed from those mixins. To add root fields (e.g. search, issue 4), write a
mixin `class SearchQueries(graphene.ObjectType)` in its own module and add it to the bases of
`Query`: an import and one name. Reusable pieces for that:
- `api.products.types.Product`, `api.articles.types.KnowledgeArticle` (and the `Entry`
  interface of both, `api.entries.types.Entry`);
- `api.core.optimizer.selection(info)` (requested fields, e.g. `.descend("hits", "product")`)
  with `api.products.resolvers.products_by_id(ids, sel, channel, info.context)` and
  `api.articles.resolvers.articles_by_id(...)`: published items by id, loaded with the
  relations the query needs, so hits that return "the product itself" cost no N+1;
- `api.core.pagination.connection(...)`/`paginate(...)` for cursor pagination.

Shared building blocks live in `api.core` (enums, text formats, dates, errors, internal-field
guard, requested fields (`optimizer`) and the batch loader (`loader`), pagination). Resolvers read
relations with `api.core.loader.related(obj, name)`, which also works on objects not batch
loaded (a preview revision). Limits, caching and CORS are enforced by the view (`api.views`),
not by the schema. The committed SDL is `api/schema.graphql`; regenerate it with
`manage.py export_schema` (a test fails when it is out of date).
"""

import graphene

from .articles.queries import ArticleQueries
from .articles.types import KnowledgeArticle
from .entries.queries import PreviewQueries
from .locations.queries import LocationQueries
from .products.queries import ProductQueries
from .products.types import Product
from .search_types import SearchMutations, SearchQueries
from .services.queries import ServiceQueries
from .taxonomy.queries import TaxonomyQueries


class Query(
    ProductQueries,
    ArticleQueries,
    ServiceQueries,
    LocationQueries,
    TaxonomyQueries,
    PreviewQueries,
    SearchQueries,
    graphene.ObjectType,
):
    """Gepubliceerde inhoud van de productcatalogus en de kennisbank."""


schema = graphene.Schema(query=Query, mutation=SearchMutations, types=[Product, KnowledgeArticle])
