"""What a walk-through of the console by an agent found, desktop and phone, in headless Chromium:
arrow keys, the inline completion, a search without results, the report dialog, the phone view.
"""

import io

import pytest
from console_support import focused_id, log_in, settled_completion
from PIL import Image, ImageChops

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def results(page, query: str):
    page.keyboard.type(query, delay=30)
    page.locator("#status").filter(has_text=f"voor “{query}”").wait_for()
    return page.locator("#results [role=option]")


def selected(page) -> list[int]:
    return page.evaluate(
        "[...document.querySelectorAll('#results [role=option]')]"
        ".flatMap((li, i) => li.getAttribute('aria-selected') === 'true' ? [i] : [])"
    )


def test_arrow_down_moves_to_the_first_result(make_page, agent):
    page = make_page()
    log_in(page, agent.username)
    options = results(page, "paspoort")
    assert options.count() >= 3
    assert selected(page) == [], "nothing is chosen before a key is pressed"
    assert page.locator("#q").get_attribute("aria-activedescendant") is None

    page.keyboard.press("ArrowDown")
    assert selected(page) == [0]
    assert page.locator("#q").get_attribute("aria-activedescendant") == "result-0"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    assert selected(page) == [0]
    page.keyboard.press("Enter")
    title = options.nth(0).locator(".result__title").inner_text()
    page.locator("#answer-title").filter(has_text=title).wait_for()

    # Enter with nothing chosen opens the first result.
    page.locator("#q").fill("")
    page.locator("#q").focus()
    options = results(page, "rijbewijs verlengen")
    assert selected(page) == []
    first = options.nth(0).locator(".result__title").inner_text()
    page.keyboard.press("Enter")
    page.locator("#answer-title").filter(has_text=first).wait_for()


def ink_box(png: bytes) -> tuple[int, int, int, int] | None:
    """Bounding box of the dark pixels (the text) of a screenshot."""
    grey = Image.open(io.BytesIO(png)).convert("L")
    return ImageChops.invert(grey).point(lambda v: 255 if v > 96 else 0).getbbox()


def test_completion_is_drawn_exactly_over_the_typed_text(make_page, agent):
    page = make_page()
    log_in(page, agent.username)
    page.keyboard.type("rijbew", delay=30)
    assert settled_completion(page, "rijbew") == "rijbewijs"

    fonts = page.evaluate(
        """() => [document.querySelector('#q'), document.querySelector('#q-ghost .search-box__typed')]
            .map(el => { const s = getComputedStyle(el);
                return [s.fontSize, s.fontFamily, s.fontWeight, s.letterSpacing, s.fontStretch]; })"""
    )
    assert fonts[0] == fonts[1], "the completion has the typed text's font"

    # The same text, drawn once by the input and once by the overlay: the pixels must coincide.
    box = page.locator("#q").bounding_box()
    clip = {"x": box["x"] + 2, "y": box["y"] + 2, "width": 160, "height": box["height"] - 4}
    hide = page.add_style_tag(
        content="#q-ghost { visibility: hidden } #q { caret-color: transparent }"
    )
    input_text = ink_box(page.screenshot(clip=clip))
    hide.evaluate("el => el.remove()")
    page.add_style_tag(
        content="#q { color: transparent; caret-color: transparent }"
        " #q-ghost .search-box__typed { color: #000 } #q-ghost .search-box__rest { opacity: 0 }"
    )
    ghost_text = ink_box(page.screenshot(clip=clip))
    assert input_text is not None and ghost_text is not None
    assert all(abs(a - b) <= 1 for a, b in zip(input_text, ghost_text, strict=True)), (
        f"input text at {input_text}, completion's copy at {ghost_text}"
    )


@pytest.mark.parametrize("typed", ["paspoot kwijt", "wat kost dat", "boom"])
def test_completion_only_proposes_what_leads_to_results(make_page, agent, typed):
    page = make_page()
    log_in(page, agent.username)
    page.keyboard.type(typed, delay=30)
    completion = settled_completion(page, typed)
    if not completion:
        return
    # A completion is a page title (or a phrase search answers as typed): accepting it finds
    # that page without a correction.
    page.keyboard.press("Tab")
    assert page.input_value("#q") == completion
    page.locator("#status").filter(has_text=f"voor “{completion}”").wait_for()
    assert "Gezocht op" not in page.locator("#status").inner_text()
    titles = [t.lower() for t in page.locator("#results .result__title").all_inner_texts()]
    assert completion.lower() in titles


def test_completion_still_completes_a_word_being_typed(make_page, agent):
    page = make_page()
    log_in(page, agent.username)
    page.keyboard.type("paspoort kw", delay=30)
    assert settled_completion(page, "paspoort kw") == "paspoort kwijt"


def test_a_search_without_results_clears_the_previous_answer(make_page, agent):
    page = make_page()
    log_in(page, agent.username)
    results(page, "paspoort kwijt")
    page.keyboard.press("Enter")
    page.locator("#answer-title").wait_for(state="visible")
    page.locator("#q").fill("")
    page.locator("#q").focus()
    results(page, "xqzwvjk")
    assert "Niets gevonden" in page.locator("#status").inner_text()
    assert not page.locator("#answer").is_visible(), "no answer next to 'Niets gevonden'"
    assert page.locator("#answer-title").count() == 0


def test_report_dialog_lets_the_agent_type_straight_away(make_page, agent):
    page = make_page()
    log_in(page, agent.username)
    results(page, "paspoort kwijt")
    page.keyboard.press("Enter")
    page.locator("#report-problem").click()
    page.locator("#feedback-dialog").wait_for(state="visible")
    assert focused_id(page) == "feedback-remark"
    page.keyboard.type("Geen antwoord voor het buitenland")
    assert page.input_value("#feedback-remark") == "Geen antwoord voor het buitenland"
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.name") == "kind", "the choice is one key back"


def test_phone_shows_the_answer_as_its_own_view(make_page, agent, screenshot_dir):
    page = make_page(**PHONE)
    log_in(page, agent.username)
    assert not page.locator("#search-help").is_visible(), "no keyboard hints on a touch screen"
    assert not page.locator(".shortcut-toggle").is_visible()
    options = results(page, "paspoort kwijt")
    second = options.nth(1).locator(".result__title").inner_text()
    options.nth(1).tap()

    page.locator("#answer-title").filter(has_text=second).wait_for()
    title = page.locator("#answer-title").bounding_box()
    assert 0 <= title["y"] < 844 / 3, f"the answer starts at the top of the screen ({title})"
    assert not page.locator("#results").is_visible(), "the answer is a view of its own"
    back = page.get_by_role("button", name="Terug naar resultaten")
    assert back.is_visible()
    assert back.bounding_box()["y"] >= 0
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(screenshot_dir / "console-phone-answer.png"))

    back.tap()
    assert options.nth(1).is_visible()
    assert not page.locator("#answer").is_visible()
    assert selected(page) == [1], "back at the result that was opened"
    assert options.nth(1).bounding_box()["y"] < 844

    # The phone's own back gesture returns to the results too.
    options.nth(0).tap()
    page.locator("#answer-title").wait_for(state="visible")
    page.go_back()
    options.nth(0).wait_for(state="visible")
    assert not page.locator("#answer").is_visible()
    assert page.url.endswith("/kcc/")
