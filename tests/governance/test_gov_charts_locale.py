"""Numbers in markup stay machine-readable in the Dutch admin; numbers people read are Dutch.

Django localizes every float a template prints ("370,0" under `nl`), which SVG cannot parse.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from cms import charts

pytestmark = pytest.mark.django_db

# Attributes whose value is one number, a list of numbers or a transform.
NUMERIC_ATTRIBUTES = {
    "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "rx", "ry", "dx", "dy",
    "width", "height", "stroke-width", "stroke-dasharray", "stroke-dashoffset",
    "viewbox", "transform", "points", "font-size", "opacity",
}  # fmt: skip
SVG_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?(px|%)?$")
DECIMAL_COMMA = re.compile(r"\d,\d")


class _SvgAttributes(HTMLParser):
    """Collects (tag, attribute, value) of the numeric attributes inside <svg> elements."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.found: list[tuple[str, str, str]] = []
        self.svgs = 0

    def handle_starttag(self, tag, attrs):
        if tag == "svg":
            self.depth += 1
            self.svgs += 1
        if self.depth:
            for name, value in attrs:
                if name in NUMERIC_ATTRIBUTES or name == "style":
                    self.found.append((tag, name, value or ""))

    def handle_endtag(self, tag):
        if tag == "svg":
            self.depth -= 1


def invalid_svg_numbers(html: str) -> tuple[int, list[tuple[str, str, str]]]:
    """How many <svg> elements the markup has, and the attributes no browser can parse."""
    parser = _SvgAttributes()
    parser.feed(html)
    bad = []
    for tag, name, value in parser.found:
        if name == "style":
            ok = not DECIMAL_COMMA.search(value)
        else:
            tokens = re.sub(r"[a-z]+\(|\)", " ", value).split()
            ok = bool(tokens) and all(SVG_NUMBER.match(t) for t in tokens)
        if not ok:
            bad.append((tag, name, value))
    return parser.svgs, bad


def _every_kind_with_fractions() -> list[charts.Chart]:
    series = [charts.Series("a", "Actueel", charts.GREEN), charts.Series("b", "Oud", charts.RED)]
    return [
        charts.bars("Balken", [("Een", 33.3), ("Twee", 66.7)], unit="%", target=62.5),
        charts.bars("Aantallen", [("Een", 2.5), ("Twee", 7)]),
        charts.stacked("Gestapeld", series, [("Een", {"a": 1, "b": 2}), ("Twee", {"a": 3})]),
        charts.donut("Ring", [(series[0], 1), (series[1], 2)]),
        charts.columns("Kolommen", [("< 30", 1, charts.AMBER), ("≥ 80", 3, charts.GREEN)], marker=(1, "B1-doel 60")),
    ]  # fmt: skip


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_chart_kind_writes_parsable_svg_numbers(language):
    with translation.override(language):
        for chart in _every_kind_with_fractions():
            html = render_to_string("cms/charts/chart.html", {"chart": chart})
            svgs, bad = invalid_svg_numbers(html)
            assert svgs == 1, chart.kind
            assert bad == [], chart.kind


def test_numbers_people_read_in_charts_are_dutch():
    with translation.override("nl"):
        html = render_to_string(
            "cms/charts/chart.html",
            {"chart": charts.bars("Score", [("Burgerzaken", 62.5)], unit="punten", target=60)},
        )
    assert "<title>Burgerzaken: 62,5 punten</title>" in html
    assert "62.5" not in html


def test_dashboards_write_parsable_svg_numbers(admin_client):
    for url in (reverse("wagtailadmin_home"), reverse("cms_dashboard")):
        response = admin_client.get(url, HTTP_ACCEPT_LANGUAGE="nl")
        assert response.status_code == 200
        svgs, bad = invalid_svg_numbers(response.content.decode())
        assert svgs >= 1, url
        assert bad == [], url


def _project_templates() -> list[Path]:
    base = Path(settings.BASE_DIR)
    return sorted(
        path
        for app in ("cms", "search", "themes", "api", "catalogue")
        for path in (base / app).rglob("templates/**/*.html")
    )


_ATTRIBUTE_NAMES = "|".join(sorted(NUMERIC_ATTRIBUTES | {"style"}, key=len, reverse=True))
NUMERIC_ATTRIBUTE_VARIABLE = re.compile(rf"\s(?:{_ATTRIBUTE_NAMES})=\"[^\"]*\{{\{{", re.IGNORECASE)


def test_templates_write_numbers_into_markup_unlocalized():
    """Audit: a variable in a numeric attribute must sit in {% localize off %} (or |unlocalize)."""
    offenders = []
    for path in _project_templates():
        text = path.read_text(encoding="utf-8")
        # Blocks where Django prints numbers as Python does are fine.
        outside = re.sub(r"\{% localize off %\}.*?\{% endlocalize %\}", "", text, flags=re.S)
        for match in NUMERIC_ATTRIBUTE_VARIABLE.finditer(outside):
            tail = outside[match.end() : outside.find('"', match.end())]
            if "|unlocalize" not in tail:
                offenders.append(f"{path.relative_to(settings.BASE_DIR)}: {match.group(0)}")
    assert _project_templates(), "no templates found"
    assert offenders == []
