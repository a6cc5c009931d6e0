"""Headless Chromium (Debian's package) driven by Playwright, against a live test server.

Why not pytest-django's `live_server`: it forces transactional tests, which flush the database
afterwards and so would throw away the demo catalogue the session loaded for every later test.
On the in-memory SQLite test database the server thread can share the test's connection
instead (as Django's LiveServerTestCase does), so each browser test runs inside the usual
rolled-back transaction: it sees the demo data, and what it writes disappears afterwards.
"""

import os
import threading
from pathlib import Path

import pytest
from chromium import CHROMIUM, CHROMIUM_ARGS
from console_support import PASSWORD
from django.contrib.auth.models import Group
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.db import connections
from django.test.testcases import LiveServerThread

from cms.roles import KCC_GROUP

ASSETS = Path(__file__).resolve().parent / "assets"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


class _OneAtATime:
    """Serialises requests: they all use the test's single database connection. (The server
    stays threaded so that Chromium's idle preconnected sockets cannot block it.)"""

    def __init__(self, app):
        self.app = app
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        with self.lock:
            result = self.app(environ, start_response)
            try:
                return list(result)
            finally:
                if hasattr(result, "close"):
                    result.close()  # sends request_finished, as the server would


class _ServerThread(LiveServerThread):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        static_handler = self.static_handler
        self.static_handler = lambda app: _OneAtATime(static_handler(app))


@pytest.fixture(scope="session")
def _shared_connection(django_db_setup, django_db_blocker):
    connection = connections["default"]
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        pytest.skip("browser tests run on the in-memory SQLite test database only")
    return connection


@pytest.fixture(scope="session")
def live_url(_shared_connection):
    """Base URL of a test server that shares the test's database connection."""
    _shared_connection.inc_thread_sharing()
    thread = _ServerThread(
        "127.0.0.1", StaticFilesHandler, connections_override={"default": _shared_connection}
    )
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    yield f"http://127.0.0.1:{thread.port}"
    thread.terminate()
    _shared_connection.dec_thread_sharing()


@pytest.fixture(scope="session")
def chromium():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} not found: run `make browser-setup` (installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread; the ORM calls of the tests are
    # still synchronous, so Django's async-safety guard is lifted while the browser runs.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def make_page(chromium, live_url, db):
    """A fresh browser context per call (desktop by default), closed after the test."""
    contexts = []

    def factory(**options):
        options.setdefault("viewport", {"width": 1366, "height": 900})
        context = chromium.new_context(
            base_url=live_url, locale="nl-NL", timezone_id="Europe/Amsterdam", **options
        )
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_url)
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        # Script errors and failed requests are printed with a failing test's output.
        page.on("pageerror", lambda error: print(f"[page error] {error}"))
        page.on(
            "console",
            lambda message: (
                message.type in ("error", "warning")
                and print(f"[console {message.type}] {message.text}")
            ),
        )
        page.on(
            "requestfailed",
            lambda request: print(f"[failed] {request.method} {request.url}: {request.failure}"),
        )
        page.on(
            "response",
            lambda response: (
                response.status >= 400
                and print(f"[http {response.status}] {response.request.method} {response.url}")
            ),
        )
        return page

    yield factory
    for context in contexts:
        context.close()


@pytest.fixture
def axe_source() -> str:
    return (ASSETS / "axe-core" / "axe.min.js").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@pytest.fixture
def agent(django_user_model):
    """A KCC agent who logs in with console_support.PASSWORD."""
    user = django_user_model.objects.create_user(
        "kcc-test", "kcc-test@example.nl", PASSWORD, first_name="Kim", last_name="de Vries"
    )
    user.groups.add(Group.objects.get(name=KCC_GROUP))
    return user
