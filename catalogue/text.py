"""Conversions between the text formats editors write (Markdown, rich text) and channels read.

Kept free of Django so the API, search and checks can share it.
"""

import re
from html.parser import HTMLParser

import markdown as markdown_lib
import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "strong",
    "b",
    "em",
    "i",
    "ul",
    "ol",
    "li",
    "a",
    "blockquote",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
_BLOCK_TAGS = {"p", "h2", "h3", "h4", "blockquote", "ul", "ol", "div"}


def sanitize_html(value: str) -> str:
    """Only the tags a channel may render; scripts, styles and event handlers go."""
    return nh3.clean(
        value or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer",
    )


def markdown_to_html(value: str) -> str:
    return sanitize_html(markdown_lib.markdown(value or "", extensions=["sane_lists"]))


class _TextExtractor(HTMLParser):
    """HTML to plain text that keeps paragraphs and list items on lines of their own."""

    def __init__(self, with_markdown: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.with_markdown = with_markdown
        self.href: str | None = None
        self.list_stack: list[list] = []

    def handle_starttag(self, tag, attrs):
        if tag in _BLOCK_TAGS:
            self.parts.append("\n\n")
        if tag == "br":
            self.parts.append("\n")
        elif tag in ("ul", "ol"):
            self.list_stack.append([tag, 0])
        elif tag == "li":
            prefix = "- "
            if self.list_stack and self.list_stack[-1][0] == "ol":
                self.list_stack[-1][1] += 1
                prefix = f"{self.list_stack[-1][1]}. "
            self.parts.append("\n" + prefix)
        elif self.with_markdown and tag in ("h2", "h3", "h4"):
            self.parts.append("#" * int(tag[1]) + " ")
        elif self.with_markdown and tag in ("strong", "b"):
            self.parts.append("**")
        elif self.with_markdown and tag in ("em", "i"):
            self.parts.append("*")
        elif tag == "a":
            self.href = dict(attrs).get("href")
            if self.with_markdown and self.href:
                self.parts.append("[")

    def handle_endtag(self, tag):
        if tag in ("ul", "ol") and self.list_stack:
            self.list_stack.pop()
        if self.with_markdown and tag in ("strong", "b"):
            self.parts.append("**")
        elif self.with_markdown and tag in ("em", "i"):
            self.parts.append("*")
        elif tag == "a" and self.href:
            self.parts.append(f"]({self.href})" if self.with_markdown else f" ({self.href})")
            self.href = None
        if tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        self.parts.append(re.sub(r"\s+", " ", data))

    def text(self) -> str:
        lines = (line.strip() for line in "".join(self.parts).split("\n"))
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def html_to_text(value: str) -> str:
    parser = _TextExtractor(with_markdown=False)
    parser.feed(value or "")
    return parser.text()


def html_to_markdown(value: str) -> str:
    parser = _TextExtractor(with_markdown=True)
    parser.feed(value or "")
    return parser.text()


def markdown_to_text(value: str) -> str:
    return html_to_text(markdown_to_html(value))
