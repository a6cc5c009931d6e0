"""Addresses on the municipality's own website, from a base URL and a path pattern.

The CMS is headless: a citizen must never be sent to the CMS host, so every URL that leaves
the system is built here from the website's base URL and a pattern per page type.
"""

import re
from string import Formatter
from urllib.parse import quote, urlsplit

PLACEHOLDERS = {
    "base": "het adres van de website, zonder / aan het eind",
    "slug": "de slug van de pagina",
    "path": "het pad van de pagina in de boom, zonder de startpagina (bijv. producten/burgerzaken/paspoort-aanvragen/)",
}
DEFAULT_PATTERN = "{base}/{path}"
_MULTIPLE_SLASHES = re.compile(r"(?<!:)/{2,}")


class PatternError(ValueError):
    """A pattern that cannot produce a URL; the message is Dutch, for the admin."""


def check_base_url(base_url: str) -> None:
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise PatternError("Geef een volledig adres op, bijv. https://www.gemeente.nl.")
    if parts.query or parts.fragment:
        raise PatternError("Het adres van de website mag geen ? of # bevatten.")


def check_pattern(pattern: str) -> None:
    """Raise PatternError unless `pattern` starts with {base} and uses only known placeholders."""
    try:
        fields = [name for _, name, spec, conv in Formatter().parse(pattern) if name is not None]
    except ValueError:
        raise PatternError(
            "Het patroon heeft een losse { of }; gebruik ze alleen rond een naam."
        ) from None
    unknown = sorted(set(fields) - PLACEHOLDERS.keys())
    if unknown:
        known = ", ".join("{" + name + "}" for name in PLACEHOLDERS)
        raise PatternError(f"Onbekend in het patroon: {{{unknown[0]}}}. Gebruik {known}.")
    if not pattern.startswith("{base}"):
        raise PatternError("Begin het patroon met {base}, het adres van de website.")
    if "slug" not in fields and "path" not in fields:
        raise PatternError("Neem {slug} of {path} op, anders krijgt elke pagina hetzelfde adres.")


def build_public_url(base_url: str, pattern: str, *, slug: str, path: str) -> str:
    """The website URL of one page; `path` is relative to the site root ("a/b/")."""
    base = base_url.rstrip("/")
    url = (pattern or DEFAULT_PATTERN).format(
        base=base, slug=quote(slug), path=quote(path.lstrip("/"))
    )
    if not url.startswith(base):
        return url
    return base + _MULTIPLE_SLASHES.sub("/", url[len(base) :])
