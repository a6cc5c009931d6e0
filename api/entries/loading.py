"""Shared steps of loading products and articles for a root field."""

from ..core.context import set_channel
from ..core.loader import Loader
from ..core.optimizer import Selection
from ..core.pagination import ConnectionResult, paginate
from .text import prime_rich_text


def prepare(entries, sel: Selection, channel: str, context) -> list:
    """Per-page work after loading products or articles: the channel their texts are worded
    for, and the internal links of their rich text expanded in bulk."""
    entries = list(entries)
    set_channel(entries, channel)
    if "text" in sel:
        prime_rich_text(entries, context)
    return entries


def paginated(queryset, first, after, loader: Loader) -> ConnectionResult:
    """One page of the ordered `queryset` of published pages: the ORM picks the ids (filters,
    order, offset), the loader reads the rows, which is cheaper per instance."""
    result = paginate(queryset.values_list("pk", flat=True), first, after)
    found = {page.pk: page for page in loader.published(queryset.model, "pk", result.items)}
    result.items = [found[pk] for pk in result.items if pk in found]
    return result
