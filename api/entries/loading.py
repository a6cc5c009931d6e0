from ..core.context import set_channel
from ..core.loader import Loader
from ..core.optimizer import Selection
from ..core.pagination import ConnectionResult, paginate
from .text import prime_rich_text


def prepare(products, sel: Selection, channel: str, context):
    """Per-page work after loading: the channel to word texts for, rich text links in bulk."""
    products = list(products)
    set_channel(products, channel)
    if "text" in sel:
        prime_rich_text(products, context)
    return products


def paginated(queryset, first, after, loader: Loader) -> ConnectionResult:
    """One page of the ordered `queryset` of published pages: the ORM picks the ids (filters,
    order, offset), the loader reads the rows, which is cheaper per instance."""
    result = paginate(queryset.values_list("pk", flat=True), first, after)
    found = {page.pk: page for page in loader.published(queryset.model, "pk", result.items)}
    result.items = [found[pk] for pk in result.items if pk in found]
    return result
