"""The built-in HTML pages are the editors' view, not the website: unindexable, and they say so."""

from datetime import date
from decimal import Decimal

import pytest
from factories import make_product
from wagtail.models import Site

from catalogue.models import ProductChannel, ProductFee, PublicWebsiteSettings

pytestmark = pytest.mark.django_db

NOT_THE_WEBSITE = "Dit is niet de website van de gemeente."


@pytest.fixture
def product():
    page = make_product("html-controle", title="Controle van de weergave")
    page.fees = [ProductFee(label="Tarief", amount=Decimal("10"), valid_until=date(2026, 12, 31))]
    page.channels = [
        ProductChannel(kind="online", availability="not_offered"),
        ProductChannel(kind="counter", availability="appointment"),
    ]
    page.save_revision().publish()
    return page


@pytest.mark.parametrize("path", ["/", "/producten/", None])
def test_built_in_pages_are_not_indexable_and_link_to_the_website(client, product, path):
    response = client.get(path or product.url)
    assert response.status_code == 200
    assert "noindex" in response["X-Robots-Tag"]
    html = response.content.decode()
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert NOT_THE_WEBSITE in html
    base_url = PublicWebsiteSettings.objects.get().base_url
    assert f'href="{base_url}/' in html


def test_without_a_website_the_banner_says_none_is_set(client, product):
    PublicWebsiteSettings.objects.all().delete()
    html = client.get(product.url).content.decode()
    assert NOT_THE_WEBSITE in html
    assert "nog geen adres van de publieke website ingesteld" in html


def test_robots_txt_disallows_everything(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response.content.decode().splitlines() == ["User-agent: *", "Disallow: /"]


def test_facts_read_correctly(client, product):
    html = client.get(product.url).content.decode()
    assert "(tot en met 31 december 2026)" in html
    assert "( tot" not in html
    assert "<li>Online" not in html  # not offered online: not a way to arrange it
    assert "<li>Balie (op afspraak)" in html


def test_site_root_is_the_website_root(client):
    site = Site.objects.get(is_default_site=True)
    base_url = PublicWebsiteSettings.objects.get(site=site).base_url
    assert f'href="{base_url}/"' in client.get("/").content.decode()
