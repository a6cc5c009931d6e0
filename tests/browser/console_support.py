"""Helpers shared by the console's browser tests: logging in and finding the focus."""

from urllib.parse import urlparse

PASSWORD = "geheim-wachtwoord-123"


def focused_id(page) -> str:
    return page.evaluate("document.activeElement && document.activeElement.id")


def log_in(page, username: str) -> None:
    """Through the console's login page, keyboard only (the user name field has focus)."""
    page.goto("/kcc/")
    assert "/kcc/inloggen/" in page.url
    assert focused_id(page) == "id_username"
    page.keyboard.type(username)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: urlparse(url).path == "/kcc/")


def settled_completion(page, typed: str) -> str:
    """The inline completion once the suggestions for `typed` have been answered ('' if none)."""
    page.locator(f"#q-ghost[data-prefix='{typed}']").wait_for(state="attached")
    rest = page.locator("#q-ghost .search-box__rest").text_content()
    return typed + rest if rest else ""
