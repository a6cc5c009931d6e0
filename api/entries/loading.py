from ..core.context import set_channel
from ..core.optimizer import Selection
from .text import prime_rich_text


def prepare(products, sel: Selection, channel: str, context):
    """Per-page work after loading: the channel to word texts for, rich text links in bulk."""
    products = list(products)
    set_channel(products, channel)
    if "text" in sel:
        prime_rich_text(products, context)
    return products
