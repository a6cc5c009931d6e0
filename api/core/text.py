"""Texts in the format a channel asks for, with conversions cached per distinct source text.

Editors write Markdown (KCC answer, conditions, FAQs, ...) or Wagtail rich text (web text). Both
come out as sanitized HTML, Markdown or plain text. Conversions are pure functions of the
source, so an LRU cache keyed by the text itself stays correct after a publish.
"""

from functools import lru_cache

from wagtail.rich_text import expand_db_html

from catalogue.text import html_to_markdown, html_to_text, markdown_to_html, sanitize_html

HTML = "html"
MARKDOWN = "markdown"
PLAIN = "plain"

_CACHE_SIZE = 8192
# Wagtail's rewriter only touches <a linktype> and <embed> tags, so a comment survives it.
_SEPARATOR = "<!--pdc-api-split-->"


@lru_cache(maxsize=_CACHE_SIZE)
def from_html(value: str, fmt: str) -> str:
    """`value` is HTML with internal links already expanded."""
    clean = sanitize_html(value)
    if fmt == HTML:
        return clean
    return html_to_markdown(clean) if fmt == MARKDOWN else html_to_text(clean)


@lru_cache(maxsize=_CACHE_SIZE)
def from_markdown(value: str, fmt: str) -> str:
    return from_html(markdown_to_html(value), fmt)


@lru_cache(maxsize=_CACHE_SIZE)
def from_plain(value: str, fmt: str) -> str:
    """Plain text (no markup intended): paragraphs survive, nothing else is interpreted."""
    if fmt == PLAIN:
        return value.strip()
    return from_markdown(value, fmt)


def has_internal_links(value: str) -> bool:
    return "linktype=" in value or "<embed" in value


class RichTextExpander:
    """Expands Wagtail's internal link markup, many texts in one go.

    `expand_db_html` costs a query per link type per call; joining the texts of a whole page
    of results into one call makes that a constant, whatever the page size.
    """

    def __init__(self) -> None:
        self._done: dict[str, str] = {}

    def prime(self, values: list[str]) -> None:
        todo = list(dict.fromkeys(v for v in values if v and has_internal_links(v)))
        todo = [v for v in todo if v not in self._done and _SEPARATOR not in v]
        if not todo:
            return
        expanded = expand_db_html(_SEPARATOR.join(todo)).split(_SEPARATOR)
        if len(expanded) != len(todo):  # should not happen; fall back to one by one
            expanded = [expand_db_html(v) for v in todo]
        self._done.update(zip(todo, expanded, strict=True))

    def expand(self, value: str) -> str:
        if not value or not has_internal_links(value):
            return value or ""
        if value not in self._done:
            self.prime([value])
        return self._done.get(value) or expand_db_html(value)


def expander(context) -> RichTextExpander:
    """One expander per request (the GraphQL context is the request)."""
    found = getattr(context, "_api_rich_text", None)
    if found is None:
        found = RichTextExpander()
        context._api_rich_text = found
    return found
