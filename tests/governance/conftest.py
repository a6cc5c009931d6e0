"""Users per role and pages per service for the governance tests."""

import pytest
from gov_support import ensure_service_section, make_user

from catalogue.models import Service
from cms.roles import ADMIN_GROUP, FINAL_EDITOR_GROUP, KCC_GROUP, editor_group_name


@pytest.fixture
def burgerzaken_section(db):
    return ensure_service_section("burgerzaken")


@pytest.fixture
def belastingen_section(db):
    return ensure_service_section("belastingen")


@pytest.fixture
def editor(django_user_model, burgerzaken_section, belastingen_section):
    service = Service.objects.get(slug="burgerzaken")
    return make_user(django_user_model, "redacteur-bz", editor_group_name(service))


@pytest.fixture
def other_editor(django_user_model, burgerzaken_section, belastingen_section):
    service = Service.objects.get(slug="belastingen")
    return make_user(django_user_model, "redacteur-bel", editor_group_name(service))


@pytest.fixture
def final_editor(django_user_model):
    return make_user(django_user_model, "eindredacteur", FINAL_EDITOR_GROUP)


@pytest.fixture
def agent(django_user_model):
    return make_user(django_user_model, "kcc-agent", KCC_GROUP)


@pytest.fixture
def administrator(django_user_model):
    return make_user(django_user_model, "beheer", ADMIN_GROUP)
