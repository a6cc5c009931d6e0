"""The admin's SVG charts in headless Chromium with the admin in Dutch: drawn, and no errors.

Dutch localization turns 370.0 into "370,0"; Chromium then logs "Expected length" for each
attribute and draws nothing, which a test of the HTML alone does not notice.
"""

import pytest
from django.urls import reverse

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PASSWORD = "geheim-wachtwoord-123"

# Per chart: does its table hold a value above zero, and how many shapes did Chromium draw?
CHARTS_DRAWN = """() => [...document.querySelectorAll('figure.cms-chart-figure')].map(figure => {
    const values = [...figure.querySelectorAll('.cms-chart__data td')]
        .map(td => parseFloat(td.textContent.replace(/\\./g, '').replace(',', '.')))
        .filter(n => !Number.isNaN(n));
    const drawn = [...figure.querySelectorAll('svg rect, svg circle[stroke-dasharray]')]
        .filter(shape => { const box = shape.getBBox(); return box.width > 0 && box.height > 0; });
    return {
        title: figure.querySelector('figcaption').textContent.trim(),
        hasData: values.some(n => n > 0),
        drawn: drawn.length,
    };
})"""


@pytest.fixture
def dutch_admin(settings, django_user_model):
    settings.LANGUAGE_CODE = "nl"
    return django_user_model.objects.create_superuser("beheer-grafiek", "g@example.nl", PASSWORD)


def log_in(page, username: str) -> None:
    page.goto(reverse("wagtailadmin_login"))
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: not url.rstrip("/").endswith("/login"))


@pytest.mark.parametrize(
    "url_name, minimum_charts", [("wagtailadmin_home", 1), ("cms_dashboard", 8)]
)
def test_charts_are_drawn_without_errors_in_dutch(make_page, dutch_admin, url_name, minimum_charts):
    page = make_page()
    log_in(page, dutch_admin.username)
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(reverse(url_name))
    page.wait_for_load_state("load")
    assert page.locator("html").get_attribute("lang") == "nl"
    charts = page.evaluate(CHARTS_DRAWN)
    assert len(charts) >= minimum_charts
    assert any(chart["hasData"] for chart in charts)
    empty = [chart["title"] for chart in charts if chart["hasData"] and not chart["drawn"]]
    assert empty == []
    assert errors == []
