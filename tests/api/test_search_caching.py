"""Searches are logged every time: an anonymous GET search is never answered from the cache."""

import pytest

from search.models import SearchLog

pytestmark = pytest.mark.django_db

SEARCH = '{ search(query: "paspoort") { searchId total } }'
SUGGEST = '{ suggest(prefix: "pasp") { text } }'


def _get(client, query: str):
    return client.get("/graphql/", {"query": query}, HTTP_ACCEPT="application/json")


def test_identical_get_searches_are_each_logged(client):
    before = SearchLog.objects.count()
    first, second = _get(client, SEARCH), _get(client, SEARCH)
    assert first.status_code == second.status_code == 200
    assert "ETag" not in first and "ETag" not in second
    ids = {r.json()["data"]["search"]["searchId"] for r in (first, second)}
    assert SearchLog.objects.count() == before + 2
    assert len(ids) == 2


def test_suggest_stays_cacheable(client):
    first = _get(client, SUGGEST)
    assert first.status_code == 200 and first["ETag"]
    again = client.get(
        "/graphql/",
        {"query": SUGGEST},
        HTTP_ACCEPT="application/json",
        HTTP_IF_NONE_MATCH=first["ETag"],
    )
    assert again.status_code == 304
