"""How long an agent needs from a cold KCC console to the answer, keyboard only.

    .venv/bin/python bench/console_answer_time.py [--runs 15] [--typing-delay 0,80]

Builds a throw-away SQLite database with the demo catalogue, serves the project on 127.0.0.1,
and drives Debian's headless Chromium: for each run a fresh browser context (cold: no cache)
opens /kcc/ as a logged-in agent, types "paspoort kwijt" and presses Enter. It prints, per
typing speed, the median and p95 of "page requested -> answer visible" and of its parts.
Target (issue 5): under ten seconds.
"""

import argparse
import io
import os
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

QUERY = "paspoort kwijt"
EXPECTED = "Paspoort of ID-kaart kwijt of gestolen"


def setup_django(workdir: Path) -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="cms.settings",
        DATABASE_URL=f"sqlite:///{workdir / 'bench.sqlite3'}",
        VAR_DIR=str(workdir),
        SECRET_KEY=secrets.token_urlsafe(40),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DEBUG="0",
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def load_content() -> None:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.management import call_command, get_commands

    from cms.roles import KCC_GROUP

    quiet = {"verbosity": 0, "stdout": io.StringIO(), "stderr": io.StringIO()}
    call_command("migrate", **quiet)
    call_command("load_demo", "--no-admin", **quiet)
    if "rebuild_search_index" in get_commands():
        call_command("rebuild_search_index", **quiet)
    agent = get_user_model().objects.create_user("kcc-bench", password="bench-wachtwoord-123")
    agent.groups.add(Group.objects.get(name=KCC_GROUP))


def start_server() -> tuple[object, str]:
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.test.testcases import LiveServerThread

    thread = LiveServerThread("127.0.0.1", StaticFilesHandler)
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    return thread, f"http://127.0.0.1:{thread.port}"


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def measure(browser, base_url: str, storage_state: dict, typing_delay: int) -> dict[str, float]:
    context = browser.new_context(
        base_url=base_url,
        storage_state=storage_state,
        locale="nl-NL",
        timezone_id="Europe/Amsterdam",
    )
    page = context.new_page()
    try:
        start = time.perf_counter()
        page.goto("/kcc/")
        page.locator("#q:focus").wait_for()
        ready = time.perf_counter()
        page.keyboard.type(QUERY, delay=typing_delay)
        typed = time.perf_counter()
        page.keyboard.press("Enter")
        title = page.locator("#answer-title")
        title.wait_for(state="visible")
        done = time.perf_counter()
        if title.inner_text() != EXPECTED:
            raise SystemExit(f"wrong answer: {title.inner_text()!r}")
    finally:
        context.close()
    return {
        "total": done - start,
        "load": ready - start,
        "typing": typed - ready,
        "answer": done - typed,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument(
        "--typing-delay",
        default="0,80",
        help="milliseconds between key presses, comma-separated (0 = as fast as possible)",
    )
    args = parser.parse_args()
    delays = [int(d) for d in args.typing_delay.split(",")]

    with tempfile.TemporaryDirectory(prefix="kcc-bench-") as tmp:
        setup_django(Path(tmp))
        started = time.perf_counter()
        load_content()
        print(f"demo loaded in {time.perf_counter() - started:.1f} s")
        server, base_url = start_server()
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            login = browser.new_context(base_url=base_url)
            page = login.new_page()
            page.goto("/kcc/inloggen/")
            page.fill("#id_username", "kcc-bench")
            page.fill("#id_password", "bench-wachtwoord-123")
            page.keyboard.press("Enter")
            page.wait_for_url(f"{base_url}/kcc/")
            state = login.storage_state()
            login.close()
            measure(browser, base_url, state, 0)  # warm the server (not the browser)
            print(f'"{QUERY}" -> answer visible, keyboard only, cold browser context each run')
            print(
                f"{'typing':>16} {'runs':>5} {'median':>8} {'p95':>8} {'max':>8}   parts (median)"
            )
            for delay in delays:
                runs = [measure(browser, base_url, state, delay) for _ in range(args.runs)]
                totals = [r["total"] for r in runs]
                parts = "  ".join(
                    f"{part} {statistics.median(r[part] for r in runs):.2f}s"
                    for part in ("load", "typing", "answer")
                )
                label = f"{delay} ms/key" if delay else "instant"
                print(
                    f"{label:>16} {len(runs):>5} {statistics.median(totals):>7.2f}s "
                    f"{percentile(totals, 0.95):>7.2f}s {max(totals):>7.2f}s   {parts}"
                )
            browser.close()
        server.terminate()


if __name__ == "__main__":
    main()
