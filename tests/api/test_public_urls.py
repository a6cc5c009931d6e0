"""Every URL that leaves the system is the municipality's website's, never the CMS host's."""

import pytest
from api_support import gql
from factories import make_article
from wagtail.models import Site

from catalogue.domain.public_url import PatternError, build_public_url, check_pattern
from catalogue.models import ProductPage, PublicWebsiteSettings
from search import service

pytestmark = pytest.mark.django_db

WEBSITE = "https://www.gemeente.example.nl"


@pytest.fixture
def website():
    setting, _ = PublicWebsiteSettings.objects.update_or_create(
        site=Site.objects.get(is_default_site=True),
        defaults={
            "base_url": WEBSITE + "/",
            "product_pattern": "{base}/producten/{slug}",
            "article_pattern": "",
        },
    )
    return setting


@pytest.fixture
def no_website():
    PublicWebsiteSettings.objects.all().delete()


def passport() -> ProductPage:
    return ProductPage.objects.live().get(slug="paspoort-aanvragen")


def test_patterns_build_the_website_url():
    assert (
        build_public_url(WEBSITE + "/", "{base}/p/{slug}", slug="a b", path="x/a-b/")
        == WEBSITE + "/p/a%20b"
    )
    assert build_public_url(WEBSITE, "", slug="a", path="x/a/") == WEBSITE + "/x/a/"
    assert build_public_url(WEBSITE, "{base}//{path}", slug="a", path="/x/a/") == WEBSITE + "/x/a/"


@pytest.mark.parametrize(
    "pattern, message",
    [
        ("{base}/{id}", "Onbekend in het patroon: {id}"),
        ("{base}/{slug", "losse {"),
        ("/producten/{slug}", "Begin het patroon met {base}"),
        ("{base}/producten", "Neem {slug} of {path} op"),
    ],
)
def test_a_bad_pattern_is_named_in_dutch(pattern, message):
    with pytest.raises(PatternError, match=message.replace("{", r"\{")):
        check_pattern(pattern)


def test_graphql_url_is_the_website_url(client, website):
    article = make_article("waar-vind-ik-de-milieustraat", title="Waar vind ik de milieustraat?")
    status, body = gql(
        client,
        'query($a: String!) { product(slug: "paspoort-aanvragen") { url }'
        " knowledgeArticle(slug: $a) { url } }",
        {"a": article.slug},
    )
    assert status == 200, body
    assert body["data"]["product"]["url"] == WEBSITE + "/producten/paspoort-aanvragen"
    # Articles use the default pattern: the page's path below the site root.
    relative = article.url_path.removeprefix(
        Site.objects.get(is_default_site=True).root_page.url_path
    )
    assert body["data"]["knowledgeArticle"]["url"] == f"{WEBSITE}/{relative}"


def test_without_a_website_the_api_gives_no_url_at_all(client, no_website):
    status, body = gql(client, '{ product(slug: "paspoort-aanvragen") { url } }')
    assert status == 200 and "errors" not in body
    assert body["data"]["product"]["url"] is None
    hits = service.search("paspoort", log=False).hits
    assert hits and all(h.url is None for h in hits)
    data = client.get(f"/api/v2/pages/{passport().pk}/").json()
    assert data["meta"]["html_url"] is None


def test_search_hits_and_suggestions_carry_the_website_url(client, website):
    status, body = gql(
        client,
        '{ search(query: "paspoort aanvragen", first: 5) { hits { url product { slug } } }'
        ' suggest(prefix: "paspoort") { url } }',
    )
    assert status == 200, body
    hits = [h for h in body["data"]["search"]["hits"] if h["product"]]
    assert hits
    for hit in hits:
        assert hit["url"] == f"{WEBSITE}/producten/{hit['product']['slug']}"
    urls = [s["url"] for s in body["data"]["suggest"] if s["url"]]
    assert urls and all(url.startswith(WEBSITE + "/") for url in urls)


def test_rest_api_html_url_is_the_website_url(client, website):
    data = client.get(f"/api/v2/pages/{passport().pk}/").json()
    assert data["meta"]["html_url"] == WEBSITE + "/producten/paspoort-aanvragen"
    assert data["meta"]["parent"]["meta"]["html_url"].startswith(WEBSITE + "/")


def test_admin_warns_while_no_website_is_set(admin_client, no_website):
    warning = "Er is nog geen adres van de publieke website ingesteld"
    assert warning in admin_client.get("/admin/").content.decode()
    edit = admin_client.get(f"/admin/pages/{passport().pk}/edit/", follow=True)
    assert warning in edit.content.decode()
    PublicWebsiteSettings.objects.create(
        site=Site.objects.get(is_default_site=True), base_url=WEBSITE
    )
    assert warning not in admin_client.get("/admin/").content.decode()


def test_settings_form_rejects_a_bad_pattern_in_dutch(admin_client, website):
    site = Site.objects.get(is_default_site=True)
    url = f"/admin/settings/catalogue/publicwebsitesettings/{site.pk}/"
    response = admin_client.post(
        url,
        {"base_url": WEBSITE, "product_pattern": "/producten/{slug}", "article_pattern": ""},
    )
    assert response.status_code == 200
    assert "Begin het patroon met {base}" in response.content.decode()
    website.refresh_from_db()
    assert website.product_pattern == "{base}/producten/{slug}"
