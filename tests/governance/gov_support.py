"""Helpers shared by the governance tests (a module of its own: several test folders have a
conftest.py, so `from conftest import ...` would pick whichever was imported first)."""

from django.contrib.auth.models import Group

from catalogue.models import SectionPage, Service
from cms.roles import sync_roles


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


def client_for(client_class, user):
    client = client_class()
    client.force_login(user)
    return client
