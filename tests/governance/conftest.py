"""Users per role and pages per service for the governance tests."""

import pytest
from django.contrib.auth.models import Group

from catalogue.models import SectionPage, Service
from cms.roles import ADMIN_GROUP, FINAL_EDITOR_GROUP, KCC_GROUP, editor_group_name, sync_roles


def ensure_service_section(service_slug: str) -> SectionPage:
    """The service's folder under "Producten" (created if the demo has none), with rights set."""
    service = Service.objects.get(slug=service_slug)
    section = SectionPage.objects.filter(service=service, url_path__contains="/producten/").first()
    if section is None:
        products = SectionPage.objects.get(slug="producten")
        section = SectionPage(title=service.name, slug=service.slug, service=service)
        products.add_child(instance=section)
        section.save_revision().publish()
        sync_roles()
    return section


def make_user(django_user_model, username: str, *groups: str):
    user = django_user_model.objects.create_user(
        username, f"{username}@heuvelrode.example.nl", "geheim-wachtwoord-123"
    )
    user.groups.set(Group.objects.filter(name__in=groups))
    assert user.groups.count() == len(groups), "role groups missing: did setup_roles run?"
    return user


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


def client_for(client_class, user):
    client = client_class()
    client.force_login(user)
    return client
