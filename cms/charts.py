"""Geometry for small SVG charts drawn server-side in templates: no JavaScript, no CDN.

Each function returns plain dicts with coordinates in a fixed viewBox; the templates in
cms/templates/cms/charts/ draw them. Every chart also keeps its numbers, so the template can
give screen readers a table next to the picture.
"""

import math
from dataclasses import dataclass, field

from django.utils.formats import number_format

GREEN = "#1b8666"
AMBER = "#b36b00"
RED = "#cd4444"
GREY = "#767676"
BLUE = "#2e5aac"
PURPLE = "#6b3fa0"

WIDTH = 640
LABEL_WIDTH = 200
VALUE_WIDTH = 70
ROW = 26
BAR = 18


@dataclass
class Series:
    key: str
    label: str
    color: str


@dataclass
class Chart:
    title: str
    width: int
    height: int
    kind: str  # "bars", "stacked", "donut", "columns"
    rows: list[dict] = field(default_factory=list)
    series: list[Series] = field(default_factory=list)
    extra: dict = field(default_factory=dict)

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"


def _fmt(value: float, unit: str) -> str:
    """A value as people read it in the active language ("62,5" in Dutch)."""
    decimals = 0 if float(value).is_integer() or unit == "%" else 1
    text = number_format(round(value, decimals), decimal_pos=decimals)
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}".strip()


def bars(
    title: str,
    items: list[tuple[str, float]],
    maximum: float | None = None,
    unit: str = "",
    color: str = BLUE,
    colors: list[str] | None = None,
    target: float | None = None,
) -> Chart:
    """Horizontal bars, one per (label, value); an optional target line (e.g. B1 = 60)."""
    top = maximum if maximum is not None else max([v for _, v in items] + [target or 0, 1])
    area = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    rows = []
    for index, (label, value) in enumerate(items):
        length = 0 if top <= 0 else max(0.0, min(value, top)) / top * area
        rows.append(
            {
                "label": label,
                "value": value,
                "display": _fmt(value, unit),
                "x": LABEL_WIDTH,
                "y": 4 + index * ROW,
                "width": round(length, 1),
                "height": BAR,
                "text_y": 4 + index * ROW + BAR - 5,
                "value_x": LABEL_WIDTH + round(length, 1) + 6,
                "color": colors[index] if colors else color,
            }
        )
    extra = {"label_x": LABEL_WIDTH - 8}
    if target is not None and top > 0:
        extra["target_x"] = round(LABEL_WIDTH + min(target, top) / top * area, 1)
        extra["target_label"] = _fmt(target, unit)
    return Chart(title, WIDTH, max(len(items), 1) * ROW + 8, "bars", rows, extra=extra)


def stacked(title: str, series: list[Series], items: list[tuple[str, dict[str, float]]]) -> Chart:
    """Horizontal bars split into coloured parts, each bar scaled to the largest total."""
    totals = [sum(values.get(s.key, 0) for s in series) for _, values in items]
    top = max(totals + [1])
    area = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    rows = []
    for index, ((label, values), total) in enumerate(zip(items, totals, strict=True)):
        x = float(LABEL_WIDTH)
        parts = []
        for s in series:
            value = values.get(s.key, 0)
            length = value / top * area
            if value:
                parts.append(
                    {
                        "x": round(x, 1),
                        "width": round(length, 1),
                        "color": s.color,
                        "label": s.label,
                        "value": value,
                    }
                )
            x += length
        rows.append(
            {
                "label": label,
                "total": total,
                "values": [values.get(s.key, 0) for s in series],
                "parts": parts,
                "y": 4 + index * ROW,
                "height": BAR,
                "text_y": 4 + index * ROW + BAR - 5,
                "value_x": round(x, 1) + 6,
            }
        )
    return Chart(
        title,
        WIDTH,
        max(len(items), 1) * ROW + 8,
        "stacked",
        rows,
        series,
        {"label_x": LABEL_WIDTH - 8},
    )


def donut(title: str, segments: list[tuple[Series, float]], size: int = 180) -> Chart:
    """A ring of segments drawn with stroke-dasharray on circles (total in the middle)."""
    radius = size / 2 - 18
    circumference = 2 * math.pi * radius
    total = sum(value for _, value in segments)
    offset = 0.0
    rows = []
    for s, value in segments:
        length = value / total * circumference if total else 0
        rows.append(
            {
                "label": s.label,
                "value": value,
                "color": s.color,
                "dasharray": f"{length:.2f} {circumference - length:.2f}",
                "dashoffset": f"{-offset:.2f}",
                "percent": round(100 * value / total) if total else 0,
            }
        )
        offset += length
    extra = {"cx": size / 2, "cy": size / 2, "r": round(radius, 2), "total": total, "stroke": 26}
    return Chart(title, size, size, "donut", rows, [s for s, _ in segments], extra)


def columns(
    title: str,
    items: list[tuple[str, float, str]],
    height: int = 200,
    marker: tuple[int, str] | None = None,
) -> Chart:
    """Vertical bars (a histogram): (label, value, colour); `marker` puts a line before a column."""
    top = max([v for _, v, _ in items] + [1])
    slot = (WIDTH - 40) / max(len(items), 1)
    base = height - 30
    rows = []
    for index, (label, value, color) in enumerate(items):
        bar_height = value / top * (base - 20)
        x = 20 + index * slot
        rows.append(
            {
                "label": label,
                "value": value,
                "color": color,
                "x": round(x + slot * 0.15, 1),
                "width": round(slot * 0.7, 1),
                "y": round(base - bar_height, 1),
                "height": round(bar_height, 1),
                "center": round(x + slot / 2, 1),
                "value_y": round(base - bar_height - 5, 1),
            }
        )
    extra = {"base": base, "label_y": base + 16, "left": 20, "right": WIDTH - 20}
    if marker is not None:
        extra["marker_x"] = round(20 + marker[0] * slot, 1)
        extra["marker_label"] = marker[1]
    return Chart(title, WIDTH, height, "columns", rows, extra=extra)
