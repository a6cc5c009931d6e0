"""Benchmark: content-quality checks and the quality dashboard over the demo catalogue.

Usage: .venv/bin/python bench/quality_dashboard.py [--copies N]

Builds a throw-away SQLite database with the demo content (unless DATABASE_URL is set), then
times assessing every product and article, building the dashboard (cold and cached) and
rendering the dashboard and one product's edit view (with its quality panel) through the admin.
`--copies N` adds N copies of every demo product first, to see how it scales.
"""

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def timed(fn, repeat: int = 5) -> tuple[float, object]:
    """Median wall-clock seconds of `repeat` runs (CPU seconds are printed alongside)."""
    runs, cpu, result = [], [], None
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = fn()
        runs.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    timed.cpu = statistics.median(cpu)
    return statistics.median(runs), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=0)
    args = parser.parse_args()
    if "DATABASE_URL" not in os.environ:
        tmp = tempfile.mkdtemp(prefix="bench-quality-")
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
        os.environ.setdefault("VAR_DIR", tmp)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")
    os.environ.setdefault("DEBUG", "1")

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from catalogue.models import KnowledgeArticlePage, ProductPage
    from cms import dashboard, quality

    call_command("migrate", verbosity=0)
    if not ProductPage.objects.exists():
        call_command("load_demo", "--no-admin", verbosity=0, stdout=io.StringIO())
    for copy in range(args.copies):
        for product in ProductPage.objects.filter(slug__regex=r"^[a-z-]+$"):
            parent = product.get_parent()
            product.copy(
                to=parent,
                update_attrs={"slug": f"{product.slug}-kopie-{copy}", "title": product.title},
            )

    pages = ProductPage.objects.count() + KnowledgeArticlePage.objects.count()
    print(f"pages: {pages} ({ProductPage.objects.count()} products), {connection.vendor}")

    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        quality.assess_all()
    seconds, results = timed(quality.assess_all)
    issues = sum(len(r.issues) for r in results)
    print(
        f"assess_all            {seconds * 1000:8.1f} ms  {len(queries):3d} queries  "
        f"(cpu {timed.cpu * 1000:.0f} ms; {issues} issues)"
    )

    def cold():
        cache.clear()
        return dashboard.build()

    seconds, _ = timed(cold)
    print(
        f"dashboard build cold  {seconds * 1000:8.1f} ms               (cpu {timed.cpu * 1000:.0f} ms)"
    )
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        dashboard.build()
    seconds, _ = timed(dashboard.build)
    print(f"dashboard build warm  {seconds * 1000:8.1f} ms  {len(queries):3d} queries")

    user = get_user_model().objects.filter(is_superuser=True).first()
    if user is None:
        user = get_user_model().objects.create_superuser("bench", "bench@example.nl", "x" * 16)
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    cache.clear()
    for label, url in (
        ("GET dashboard cold", reverse("cms_dashboard")),
        ("GET dashboard warm", reverse("cms_dashboard")),
        ("GET admin home", reverse("wagtailadmin_home")),
        (
            "GET product edit view",
            reverse("wagtailadmin_pages:edit", args=(ProductPage.objects.first().pk,)),
        ),
    ):
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            elapsed = time.perf_counter() - start
        assert response.status_code == 200, (url, response.status_code)
        print(f"{label:21} {elapsed * 1000:8.1f} ms  {len(queries):3d} queries")


if __name__ == "__main__":
    main()
