"""Design tokens and WCAG contrast (pure, no database)."""

import pytest

from themes.design_tokens import (
    Palette,
    contrast_problems,
    contrast_ratio,
    css_custom_properties,
    derived,
    mix,
    parse_hex,
)


def test_contrast_ratio_extremes_and_symmetry():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#777777") == pytest.approx(1.0)
    assert contrast_ratio("#1f4e79", "#ffffff") == pytest.approx(
        contrast_ratio("#ffffff", "#1f4e79")
    )


def test_contrast_ratio_known_value():
    # #767676 on white is the classic "just passes AA" grey: 4.54:1.
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


def test_default_palette_passes_every_rule():
    assert contrast_problems(Palette()) == []


def test_low_contrast_text_on_primary_is_reported_on_that_field():
    problems = contrast_problems(Palette(primary="#ffcc00", on_primary="#ffffff"))
    fields = {p.field for p in problems}
    assert "on_primary" in fields
    message = next(p for p in problems if p.field == "on_primary").message
    assert "tekst op de hoofdkleur" in message and "4.5:1" in message


def test_focus_ring_needs_three_to_one():
    assert [p.field for p in contrast_problems(Palette(focus="#dddddd"))] == ["focus"]


def test_derived_muted_text_passes_on_surface_for_a_dark_theme():
    palette = Palette(
        primary="#8ab4f8",
        on_primary="#000000",
        text="#f1f1f1",
        background="#121212",
        link="#8ab4f8",
        focus="#fbbc04",
        highlight="#5c4b00",
    )
    colours = derived(palette)
    assert contrast_ratio(colours["muted"], colours["surface"]) >= 4.5
    assert contrast_problems(palette) == []


def test_css_custom_properties_contains_every_token():
    css = css_custom_properties(Palette(primary="#123456"))
    assert css.startswith(":root{") and css.endswith("}")
    assert "--theme-primary:#123456" in css
    assert "--theme-on-primary:#ffffff" in css
    assert "--theme-muted:" in css


@pytest.mark.parametrize("bad", ["red", "#12345", "#12345g", "", "#123456;}body{x"])
def test_parse_hex_rejects_anything_but_rrggbb(bad):
    with pytest.raises(ValueError):
        parse_hex(bad)


def test_mix():
    assert mix("#000000", "#ffffff", 0.5) == "#808080"
    assert mix("#102030", "#102030", 0.3) == "#102030"
