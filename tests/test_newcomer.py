"""What a newcomer meets first: manage.py without configuration, the KCC token command."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from api.tokens import authenticate

ROOT = Path(__file__).resolve().parents[1]


def test_manage_py_without_debug_or_secret_key_says_what_to_set_in_one_line(tmp_path):
    env = {
        k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "PYTEST_VERSION"}
    }
    env["VAR_DIR"] = str(tmp_path)
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "SECRET_KEY" in lines[0] and "DEBUG=1" in lines[0]


@pytest.mark.django_db
def test_kcc_token_command_prints_a_working_token(django_user_model, capsys):
    from django.contrib.auth.models import Group

    from cms.roles import KCC_GROUP

    agent = django_user_model.objects.create_user("agent-token", password="x")
    agent.groups.add(Group.objects.get(name=KCC_GROUP))
    call_command("kcc_token", "agent-token")
    token = capsys.readouterr().out.strip()
    found = authenticate(token)
    assert found is not None and found.user == agent


@pytest.mark.django_db
def test_kcc_token_command_refuses_unknown_users_and_non_agents(django_user_model):
    django_user_model.objects.create_user("geen-kcc", password="x")
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("kcc_token", "niemand")
    with pytest.raises(CommandError, match="mag de interne velden"):
        call_command("kcc_token", "geen-kcc")


@pytest.mark.django_db
def test_load_demo_shows_progress_and_names_every_entrance():
    out = io.StringIO()
    call_command("load_demo", "--url", "http://demo.test:9000/", stdout=out)
    text = out.getvalue()
    steps = [line for line in text.splitlines() if line.startswith("==> ")]
    assert any(s.startswith("==> Producten: ") for s in steps)
    assert any(s.startswith("==> Kennisartikelen: ") for s in steps)
    closing = text[text.index("Klaar. De ingangen:") :]
    for entrance in ("/admin/", "/kcc/", "/graphql/"):
        assert f"http://demo.test:9000{entrance}" in closing
    assert "admin / " in closing and "kcc / " in closing and "kcc_token" in closing


def test_make_demo_shows_progress_and_passes_host_and_port(tmp_path):
    result = subprocess.run(
        ["make", "-n", "demo", f"VENV={tmp_path}/venv", "HOST=0.0.0.0", "PORT=8123"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "--quiet" not in result.stdout
    assert "==> Installing the dependencies" in result.stdout
    assert "load_demo --url http://0.0.0.0:8123" in result.stdout
    assert "runserver 0.0.0.0:8123" in result.stdout
