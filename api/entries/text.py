"""Which text a channel reads, and fallbacks when an editor left a channel's wording empty."""

from ..core import text
from ..core.text import expander

WEB = "web"
KCC = "kcc"
ASSISTANT = "assistant"


def entry_text(entry, channel: str, fmt: str, context) -> str:
    """Web: the rich web text; KCC: the KCC answer, else the web text; assistant: the short
    assistant answer, else the summary."""
    if channel == KCC and entry.kcc_answer.strip():
        return text.from_markdown(entry.kcc_answer, fmt)
    if channel == ASSISTANT:
        return text.from_plain(entry.assistant_answer or entry.summary, fmt)
    if entry.web_body.strip():
        return text.from_html(expander(context).expand(entry.web_body), fmt)
    return text.from_plain(entry.summary, fmt)


def prime_rich_text(entries, context) -> None:
    """Expands the internal links of a whole page of results at once (see RichTextExpander)."""
    expander(context).prime([e.web_body for e in entries])
