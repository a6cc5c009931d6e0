"""Settings come from the environment, with safe defaults."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_settings(env: dict[str, str], expression: str) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "SECRET_KEY", "PYTEST_VERSION", "DATABASE_URL", "TIME_ZONE"}
    }
    clean.update({"DJANGO_SETTINGS_MODULE": "cms.settings", **env})
    code = f"import django; django.setup(); from django.conf import settings; print({expression})"
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True
    )


def test_secret_key_required_when_debug_is_off():
    result = load_settings({}, "settings.SECRET_KEY")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_secret_key_from_environment(tmp_path):
    result = load_settings(
        {"SECRET_KEY": "s3cr3t", "VAR_DIR": str(tmp_path)}, "settings.SECRET_KEY, settings.DEBUG"
    )
    assert result.stdout.strip() == "s3cr3t False"


def test_debug_generates_and_keeps_a_local_secret_key(tmp_path):
    env = {"DEBUG": "1", "VAR_DIR": str(tmp_path)}
    first = load_settings(env, "settings.SECRET_KEY").stdout.strip()
    second = load_settings(env, "settings.SECRET_KEY").stdout.strip()
    assert len(first) > 40 and first == second
    assert (tmp_path / "secret_key").read_text().strip() == first


def test_brussels_time_zone_and_database_url(tmp_path):
    env = {
        "SECRET_KEY": "x",
        "TIME_ZONE": "Europe/Brussels",
        "PUBLIC_HOLIDAYS_COUNTRY": "BE",
        "DATABASE_URL": "postgres://pdc:pw@db.internal:5433/catalogus",
    }
    expression = (
        "settings.TIME_ZONE, settings.PUBLIC_HOLIDAYS_COUNTRY, settings.DATABASES['default']['ENGINE'], "
        "settings.DATABASES['default']['PORT'], settings.LANGUAGE_CODE"
    )
    result = load_settings(env, expression)
    assert result.stdout.strip() == ("Europe/Brussels BE django.db.backends.postgresql 5433 nl"), (
        result.stderr
    )


def test_default_database_is_sqlite_under_var(tmp_path):
    result = load_settings(
        {"SECRET_KEY": "x", "VAR_DIR": str(tmp_path)}, "settings.DATABASES['default']['NAME']"
    )
    assert result.stdout.strip() == str(tmp_path / "db.sqlite3")
