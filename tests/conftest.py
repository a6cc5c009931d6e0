"""Shared fixtures. The test database is loaded once per session with the demo catalogue."""

import io

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo", "--no-admin", verbosity=0, stdout=io.StringIO())


@pytest.fixture
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser(
        "beheerder", "beheer@example.nl", "geheim-wachtwoord"
    )


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client
