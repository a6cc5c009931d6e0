"""HTTP behaviour: ETag/Cache-Control/304 for anonymous GET, CORS, the offline GraphiQL page."""

import json
import re

import pytest
from api_support import post
from django.core.cache import cache
from django.test import override_settings
from factories import make_product

from api.tokens import create_token
from catalogue.models import ProductPage

pytestmark = pytest.mark.django_db

QUERY = "query($s: String!) { product(slug: $s) { title summary } }"


def get(client, query: str, variables: str = "", **headers):
    params = {"query": query}
    if variables:
        params["variables"] = variables
    return client.get("/graphql/", params, HTTP_ACCEPT="application/json", **headers)


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def test_anonymous_get_has_etag_and_cache_control_and_answers_304(client):
    page = make_product("etag-product")
    variables = json.dumps({"s": page.slug})
    first = get(client, QUERY, variables)
    assert first.status_code == 200
    assert first.json()["data"]["product"]["title"] == page.title
    tag = first["ETag"]
    assert re.fullmatch(r'"[0-9a-f]{32}"', tag)
    assert first["Cache-Control"].startswith("public, max-age=")
    again = get(client, QUERY, variables, HTTP_IF_NONE_MATCH=tag)
    assert again.status_code == 304
    assert again["ETag"] == tag and again.content == b""
    other = get(client, QUERY, '{"s": "iets-anders"}')
    assert other["ETag"] != tag


def test_a_publish_changes_the_etag_and_the_cached_answer(client):
    page = make_product("wordt-gewijzigd", title="Oude titel")
    variables = '{"s": "wordt-gewijzigd"}'
    before = get(client, QUERY, variables)
    assert get(client, QUERY, variables)["ETag"] == before["ETag"]  # stable when nothing changes
    page = ProductPage.objects.get(pk=page.pk)
    page.title = "Nieuwe titel"
    page.save_revision()  # a draft changes nothing for the public
    draft = get(client, QUERY, variables)
    assert draft["ETag"] == before["ETag"]
    page.get_latest_revision().publish()
    after = get(client, QUERY, variables, HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert after["ETag"] != before["ETag"]
    assert after.json()["data"]["product"]["title"] == "Nieuwe titel"


def test_a_snippet_change_also_changes_the_etag(client):
    from catalogue.models import Location

    query = "{ locations { name } }"
    before = get(client, query)["ETag"]
    location = Location.objects.first()
    location.name = location.name + " (verbouwd)"
    location.save()
    after = get(client, query)
    assert after["ETag"] != before
    assert any("(verbouwd)" in loc["name"] for loc in after.json()["data"]["locations"])


def test_time_sensitive_queries_and_errors_are_handled(client):
    answer = get(client, "{ locations { openingHours { isOpenNow } } }")
    assert answer.status_code == 200 and answer.has_header("ETag")
    failing = get(client, '{ products(after: "kapot") { totalCount } }')
    assert not failing.has_header("ETag")
    assert failing["Cache-Control"] == "no-cache"


def test_responses_with_a_token_are_private(client):
    _token, plain = create_token("privé")
    response = get(client, "{ topics { slug } }", HTTP_AUTHORIZATION=f"Bearer {plain}")
    assert response.status_code == 200
    assert not response.has_header("ETag")
    assert response["Cache-Control"] == "private, no-store"
    assert "Authorization" in response["Vary"]
    posted = post(client, "{ topics { slug } }")
    assert not posted.has_header("ETag")


@override_settings(GRAPHQL_CORS_ORIGINS=["https://www.heuvelrode.example.nl"])
def test_cors_for_configured_origins_only(client):
    allowed = "https://www.heuvelrode.example.nl"
    response = post(client, "{ topics { slug } }", HTTP_ORIGIN=allowed)
    assert response["Access-Control-Allow-Origin"] == allowed
    assert "ETag" in response["Access-Control-Expose-Headers"]
    assert "Origin" in response["Vary"]
    other = post(client, "{ topics { slug } }", HTTP_ORIGIN="https://evil.example")
    assert not other.has_header("Access-Control-Allow-Origin")
    preflight = client.options(
        "/graphql/",
        HTTP_ORIGIN=allowed,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization, content-type",
    )
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == allowed
    assert "Authorization" in preflight["Access-Control-Allow-Headers"]
    assert "POST" in preflight["Access-Control-Allow-Methods"]


def test_no_cors_headers_without_configuration(client, settings):
    settings.GRAPHQL_CORS_ORIGINS = []
    response = post(client, "{ topics { slug } }", HTTP_ORIGIN="https://www.example.nl")
    assert not response.has_header("Access-Control-Allow-Origin")


def test_cors_wildcard(client, settings):
    settings.GRAPHQL_CORS_ORIGINS = ["*"]
    response = post(client, "{ topics { slug } }", HTTP_ORIGIN="https://any.example")
    assert response["Access-Control-Allow-Origin"] == "*"


def test_graphiql_is_served_offline(client):
    response = client.get("/graphql/", HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    html = response.content.decode()
    scripts = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
    vendored = {
        "/static/graphiql/graphiql.min.js",
        "/static/graphiql/graphiql.min.css",
        "/static/graphiql/react.production.min.js",
        "/static/graphiql/react-dom.production.min.js",
    }
    assert vendored <= set(scripts)
    assert all(url.startswith("/static/") for url in scripts), scripts
    assert "cdn" not in html.lower() and "unpkg" not in html
    from django.contrib.staticfiles import finders

    for url in scripts:
        assert finders.find(url.removeprefix("/static/")), url


def test_graphiql_can_be_switched_off(client, settings):
    settings.GRAPHQL_GRAPHIQL = False
    response = client.get("/graphql/", HTTP_ACCEPT="text/html")
    assert response.status_code == 400
    assert response.json()["errors"]


def test_making_a_page_private_changes_the_etag(client):
    from wagtail.models import PageViewRestriction

    page = make_product("wordt-besloten")
    variables = json.dumps({"s": page.slug})
    before = get(client, QUERY, variables)
    assert before.json()["data"]["product"] is not None
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="x")
    after = get(client, QUERY, variables)
    assert after["ETag"] != before["ETag"]
    assert after.json()["data"]["product"] is None
