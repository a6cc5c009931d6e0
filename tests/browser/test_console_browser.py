"""The KCC console end to end, in headless Chromium: an agent answers "paspoort kwijt".

Everything is done from the keyboard, as an agent on the phone would. Screenshots for the README
are written to docs/screenshots/.
"""

import json
import time
from urllib.parse import urlparse

import pytest
from console_support import PASSWORD, focused_id, log_in

from catalogue.models import ProductPage
from cms.models import ContentFeedback
from search.models import ResultOpened
from themes.models import ConsoleAction

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

ANSWER_TITLE = "Paspoort of ID-kaart kwijt of gestolen"
SERIOUS = ("serious", "critical")


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("beheer-test", "b@example.nl", PASSWORD)


def report_page_id(title: str) -> int:
    return ProductPage.objects.live().get(title=title).pk


def tab_to(page, element_id: str, limit: int = 12) -> None:
    for _ in range(limit):
        if focused_id(page) == element_id:
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"#{element_id} not reached with Tab (focus on #{focused_id(page)})")


def serious_violations(page, axe_source: str) -> list[dict]:
    page.add_script_tag(content=axe_source)
    result = page.evaluate(
        """async () => {
            const r = await axe.run(document, {
                runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
            });
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5),
            }));
        }"""
    )
    return [v for v in result if v["impact"] in SERIOUS]


def ask(page, query: str) -> float:
    """Type the question and open the first result with Enter; seconds until the answer shows."""
    start = time.perf_counter()
    page.keyboard.type(query, delay=40)
    page.keyboard.press("Enter")
    page.locator("#answer-title").wait_for(state="visible")
    return time.perf_counter() - start


def test_agent_answers_a_lost_passport_from_the_keyboard(
    make_page, agent, superuser, axe_source, screenshot_dir
):
    page = make_page()
    log_in(page, agent.username)
    assert focused_id(page) == "q", "the search box has focus on load"

    # A typo: results appear while typing, the first is the right one.
    page.keyboard.type("paspoot kwijt", delay=60)
    first = page.locator("#results [role=option]").first
    first.wait_for(state="visible")
    assert ANSWER_TITLE in first.inner_text()
    assert first.locator("mark").count() >= 1, "the snippet highlights the words"
    glance = first.locator(".glance").inner_text()
    assert "Kosten" in glance and "Regelen" in glance

    # Arrows move through the results (↓ to the first); back to the first, open it with Enter.
    page.keyboard.press("ArrowDown")
    assert first.get_attribute("aria-selected") == "true"
    page.keyboard.press("ArrowDown")
    assert page.locator("#q").get_attribute("aria-activedescendant") == "result-1"
    page.keyboard.press("ArrowUp")
    assert page.locator("#q").get_attribute("aria-activedescendant") == "result-0"
    page.keyboard.press("Enter")
    title = page.locator("#answer-title")
    title.wait_for(state="visible")
    assert title.inner_text() == ANSWER_TITLE
    assert focused_id(page) == "answer-title", "focus moves to the answer"
    opened = ResultOpened.objects.filter(log__query="paspoot kwijt", position=1)
    deadline = time.monotonic() + 5  # the log request is sent while the answer renders
    while not opened.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert opened.get().page_id == report_page_id(ANSWER_TITLE)

    # The facts: online steering first, fees valid today, lead time, channels, service.
    answer = page.locator("#answer")
    steer = answer.locator(".steer")
    assert "online" in steer.inner_text().lower()
    assert steer.locator("a").get_attribute("href").startswith("https://")
    fees = answer.locator("section[aria-labelledby=fact-fees]").inner_text()
    assert "gratis" in fees.lower() or "€" in fees
    assert (
        answer.locator("section[aria-labelledby=fact-lead]").inner_text().strip() != "Doorlooptijd"
    )
    channels = answer.locator(".channels .channel")
    assert channels.count() >= 2
    assert channels.first.inner_text().startswith("Online")
    assert answer.locator(".badge--appointment").count() >= 1, "'op afspraak' is marked"
    assert "Burgerzaken" in answer.locator("section[aria-labelledby=fact-service]").inner_text()
    page.screenshot(path=str(screenshot_dir / "console-desktop.png"))

    # "Stuur naar inwoner": one key press puts the plain-text summary on the clipboard.
    tab_to(page, "copy-summary")
    page.keyboard.press("Enter")
    page.locator("#action-status").filter(has_text="Gekopieerd").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    composed = page.locator("#citizen-summary").text_content()
    assert copied == composed
    assert copied.startswith(ANSWER_TITLE)
    assert "Regel het online: https://" in copied
    assert "Meer informatie: " in copied
    assert "<" not in copied, "plain text, no HTML"

    # "Antwoord ontbreekt of klopt niet" with a remark, keyboard only.
    tab_to(page, "report-problem")
    page.keyboard.press("Enter")
    dialog = page.locator("#feedback-dialog")
    dialog.wait_for(state="visible")
    assert focused_id(page) == "feedback-remark", "the agent can type the remark at once"
    page.keyboard.type("Wat als het paspoort in het buitenland is gestolen?")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.locator("#action-status").filter(has_text="Melding verstuurd").wait_for()
    assert not dialog.is_visible()
    report = ContentFeedback.objects.get()
    assert report.query == "paspoot kwijt"
    assert report.page.title == ANSWER_TITLE
    assert report.service.name == "Burgerzaken"
    assert report.created_by == agent

    # Marking the contact as answered is logged for the editors' report.
    tab_to(page, "mark-answered")
    page.keyboard.press("Enter")
    page.locator("#action-status").filter(has_text="Vastgelegd").wait_for()
    answered = ConsoleAction.objects.get(kind="answered")
    assert answered.page_id == report.page_id and answered.query == "paspoot kwijt"
    assert answered.search_log_id is not None
    assert ConsoleAction.objects.filter(kind="sent").count() == 1

    # Esc brings the agent back to the search box; "/" does so from anywhere too.
    page.keyboard.press("Escape")
    assert focused_id(page) == "q"
    page.locator("#answer-title").focus()
    page.keyboard.press("/")
    assert focused_id(page) == "q"

    # The report reaches the editors: the admin's list of KCC reports shows it.
    admin = make_page()
    admin.goto("/admin/login/?next=/admin/meldingen/")
    admin.fill("#id_username", superuser.username)
    admin.fill("#id_password", PASSWORD)
    admin.keyboard.press("Enter")
    admin.wait_for_url(lambda url: urlparse(url).path == "/admin/meldingen/")
    listing = admin.locator("main").inner_text()
    assert "paspoot kwijt" in listing
    assert "Burgerzaken" in listing
    admin.goto("/admin/kcc-antwoorden/")
    assert ANSWER_TITLE in admin.locator("main").inner_text()


def test_console_has_no_serious_accessibility_violations(make_page, agent, axe_source):
    page = make_page()
    page.goto("/kcc/inloggen/")
    assert serious_violations(page, axe_source) == []
    log_in(page, agent.username)
    assert serious_violations(page, axe_source) == [], "empty console"
    ask(page, "paspoort kwijt")
    violations = serious_violations(page, axe_source)
    assert violations == [], json.dumps(violations, indent=1)
    page.locator("#report-problem").click()
    page.locator("#feedback-dialog").wait_for(state="visible")
    violations = serious_violations(page, axe_source)
    assert violations == [], json.dumps(violations, indent=1)


def test_phone_viewport(make_page, agent, axe_source, screenshot_dir):
    page = make_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    log_in(page, agent.username)
    page.keyboard.type("paspoort kwijt", delay=40)
    page.locator("#results [role=option]").first.wait_for(state="visible")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"no horizontal scrolling on a phone ({width}px)"
    page.screenshot(path=str(screenshot_dir / "console-phone.png"))
    page.keyboard.press("Enter")
    page.locator("#answer-title").wait_for(state="visible")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(screenshot_dir / "console-phone-answer.png"))
    assert serious_violations(page, axe_source) == []


def test_time_to_answer_from_a_cold_page(make_page, agent):
    """'paspoort kwijt' to a visible answer, keyboard only, from a cold page (reported, and
    bench/console_answer_time.py measures it repeatedly)."""
    page = make_page()
    log_in(page, agent.username)
    cold = make_page(storage_state=page.context.storage_state())
    start = time.perf_counter()
    cold.goto("/kcc/")
    cold.locator("#q:focus").wait_for()
    elapsed = ask(cold, "paspoort kwijt") + 0.0
    total = time.perf_counter() - start
    assert cold.locator("#answer-title").inner_text() == ANSWER_TITLE
    print(
        f"\npaspoort kwijt -> answer: {total:.2f} s from a cold page ({elapsed:.2f} s after load)"
    )


def test_autocomplete_completes_the_word_with_tab(make_page, agent):
    page = make_page()
    log_in(page, agent.username)
    page.keyboard.type("rijbew", delay=40)
    completion = page.locator("#completion")
    completion.filter(has_text="rijbewijs").wait_for(state="attached")
    assert page.locator("#q-ghost .search-box__rest").text_content() == "ijs"
    page.keyboard.press("Tab")
    assert page.input_value("#q") == "rijbewijs"
    assert focused_id(page) == "q", "Tab took the completion instead of leaving the box"
    page.locator("#results [role=option]").first.wait_for(state="visible")
    assert "ijbewijs" in page.locator("#results [role=option]").first.inner_text().lower()
    page.keyboard.press("Tab")  # without a completion, Tab moves on as usual
    assert focused_id(page) != "q"
