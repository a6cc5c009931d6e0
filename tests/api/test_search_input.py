"""Search arguments PostgreSQL would refuse (NUL characters) give an answer, not an error."""

import pytest
from api_support import post

pytestmark = pytest.mark.django_db

QUERY = """query($q: String!, $f: SearchFilterInput) {
  search(query: $q, filters: $f) { total } suggest(prefix: $q) { text } }"""


def _search(client, text: str, filters: dict | None = None) -> dict:
    response = post(client, QUERY, {"q": text, "f": filters})
    assert response.status_code == 200, response.content[:300]
    body = response.json()
    assert "errors" not in body, body["errors"]
    return body["data"]


def test_nul_in_the_search_text_separates_words(client):
    assert _search(client, "paspoort\x00aanvragen")["search"]["total"] > 0


def test_a_slug_with_nul_matches_nothing_rather_than_lifting_the_filter(client):
    assert _search(client, "paspoort")["search"]["total"] > 0
    assert _search(client, "paspoort", {"topics": ["\x00"]})["search"]["total"] == 0
