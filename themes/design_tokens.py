"""Design tokens of a theme: colours in, CSS custom properties and WCAG contrast checks out.

Pure Python (no Django), so the model's validation, the templates and the tests share one
definition of "readable enough".
"""

import re
from dataclasses import dataclass

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")

# WCAG 2.1 AA: 4.5:1 for normal text (1.4.3), 3:1 for focus indicators and UI parts (1.4.11).
TEXT_CONTRAST = 4.5
NON_TEXT_CONTRAST = 3.0


@dataclass(frozen=True)
class Palette:
    """The colours an editor chooses; every other token is derived from these."""

    primary: str = "#1f4e79"  # header and buttons
    on_primary: str = "#ffffff"  # text on primary
    text: str = "#1b1b1b"
    background: str = "#ffffff"
    link: str = "#0b5394"
    focus: str = "#c25e00"  # focus ring, next to the background
    highlight: str = "#fff1a8"  # background of <mark> in search snippets


@dataclass(frozen=True)
class ContrastRule:
    field: str  # the colour the editor should change when the rule fails
    foreground: str
    background: str
    minimum: float
    what: str  # Dutch, shown to the editor


RULES = (
    ContrastRule("text", "text", "background", TEXT_CONTRAST, "tekst op de achtergrond"),
    ContrastRule("on_primary", "on_primary", "primary", TEXT_CONTRAST, "tekst op de hoofdkleur"),
    ContrastRule("link", "link", "background", TEXT_CONTRAST, "links op de achtergrond"),
    ContrastRule("link", "link", "surface", TEXT_CONTRAST, "links op een vlak"),
    ContrastRule("focus", "focus", "background", NON_TEXT_CONTRAST, "focusrand op de achtergrond"),
    ContrastRule("highlight", "text", "highlight", TEXT_CONTRAST, "tekst op de markeerkleur"),
    ContrastRule(
        "primary", "primary", "background", NON_TEXT_CONTRAST, "knoppen op de achtergrond"
    ),
    ContrastRule(
        "primary", "text", "primary_soft", TEXT_CONTRAST, "tekst op een gekozen resultaat"
    ),
    ContrastRule(
        "primary", "link", "primary_soft", TEXT_CONTRAST, "links op een gekozen resultaat"
    ),
    ContrastRule("text", "border", "background", NON_TEXT_CONTRAST, "randen van invoervelden"),
)


def parse_hex(colour: str) -> tuple[int, int, int]:
    if not HEX_COLOUR.match(colour or ""):
        raise ValueError(f"Geen geldige kleur: {colour!r} (gebruik #rrggbb).")
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def to_hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02x}" for c in rgb)


def relative_luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance of an sRGB colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in parse_hex(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    la, lb = relative_luminance(a), relative_luminance(b)
    lighter, darker = max(la, lb), min(la, lb)
    return (lighter + 0.05) / (darker + 0.05)


def mix(a: str, b: str, weight: float) -> str:
    """`weight` of colour b mixed into colour a."""
    ra, rb = parse_hex(a), parse_hex(b)
    return to_hex(tuple(x + (y - x) * weight for x, y in zip(ra, rb, strict=True)))


def derived(palette: Palette) -> dict[str, str]:
    """Every colour token, the chosen ones and those derived from them."""
    colours = {
        "primary": palette.primary,
        "on_primary": palette.on_primary,
        "text": palette.text,
        "background": palette.background,
        "link": palette.link,
        "focus": palette.focus,
        "highlight": palette.highlight,
        # A faint panel colour and a border, both from the text/background pair.
        "surface": mix(palette.background, palette.text, 0.045),
        "border": mix(palette.background, palette.text, 0.55),
        "primary_soft": mix(palette.background, palette.primary, 0.1),
    }
    # Secondary text: as light as possible while still passing AA on the surface colour.
    muted = palette.text
    for weight in (0.45, 0.4, 0.35, 0.3, 0.25, 0.2):
        candidate = mix(palette.text, palette.background, weight)
        if contrast_ratio(candidate, colours["surface"]) >= TEXT_CONTRAST:
            muted = candidate
            break
    colours["muted"] = muted
    return colours


@dataclass(frozen=True)
class ContrastProblem:
    field: str
    what: str
    ratio: float
    minimum: float

    @property
    def message(self) -> str:
        return (
            f"Te weinig contrast voor {self.what}: {self.ratio:.2f}:1, "
            f"minimaal {self.minimum:g}:1 nodig (WCAG 2.1 AA)."
        )


def contrast_problems(palette: Palette) -> list[ContrastProblem]:
    colours = derived(palette)
    problems = []
    for rule in RULES:
        ratio = contrast_ratio(colours[rule.foreground], colours[rule.background])
        if ratio < rule.minimum:
            problems.append(ContrastProblem(rule.field, rule.what, ratio, rule.minimum))
    return problems


def css_custom_properties(palette: Palette) -> str:
    """`:root{...}` with one `--theme-<name>` property per colour token."""
    colours = derived(palette)
    body = ";".join(f"--theme-{name.replace('_', '-')}:{value}" for name, value in colours.items())
    return ":root{" + body + "}"
