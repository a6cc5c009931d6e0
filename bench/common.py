"""What the benchmark scripts share: Django on a bench database, the demo content, percentiles."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def setup_django(database_url: str, *, override: bool, **env: str) -> None:
    """Django on `database_url` with production-like settings (DEBUG off: no query log that
    formats every statement). `override`: the URL wins over DATABASE_URL from the environment
    (else the environment's, e.g. tests/pg_server.py's PostgreSQL, wins)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")
    os.environ.setdefault("DEBUG", "0")
    os.environ.setdefault("SECRET_KEY", "bench-only-not-secret")
    for name, value in env.items():
        os.environ.setdefault(name, value)
    if override:
        os.environ["DATABASE_URL"] = database_url
    else:
        os.environ.setdefault("DATABASE_URL", database_url)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def migrate_with_demo() -> None:
    """Migrate, and load the demo catalogue into an empty database."""
    from django.core.management import call_command

    from catalogue.models import ProductPage

    call_command("migrate", verbosity=0, interactive=False)
    if not ProductPage.objects.exists():
        log("demo laden...")
        call_command("load_demo", "--no-admin", verbosity=0, stdout=io.StringIO())


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]
