"""Property-based: queries generated from the schema never get a 500 or an internal error."""

import pytest
from api_support import post
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import Mode, nodes, queries

from api.management.commands.export_schema import schema_sdl
from api.schema import schema

pytestmark = pytest.mark.django_db

# The root fields of the catalogue API; search and suggest have tests of their own below
# (a search costs more, so they get fewer examples).
SEARCH_FIELDS = ["search", "suggest"]
FIELDS = sorted(set(schema.graphql_schema.query_type.fields) - set(SEARCH_FIELDS))

SCALARS = {"Date": st.dates().map(lambda d: nodes.String(d.isoformat()))}
FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def ask(client, query: str, variables: dict | None = None):
    response = post(client, query, variables)
    assert response.status_code != 500, query
    body = response.json()
    codes = {e.get("extensions", {}).get("code") for e in body.get("errors", [])}
    assert "INTERNAL_SERVER_ERROR" not in codes, (query, body["errors"])
    return response.status_code, body


@FUZZ
@given(query=queries(schema_sdl(), fields=FIELDS, custom_scalars=SCALARS))
def test_valid_queries_never_fail_internally(client, query):
    status, body = ask(client, query)
    if status == 400:  # only a limit may refuse a valid query as a whole
        assert {e["extensions"]["code"] for e in body["errors"]} <= {"LIMIT_EXCEEDED"}, body
    else:
        assert status == 200 and "data" in body


@FUZZ
@given(query=queries(schema_sdl(), fields=FIELDS, custom_scalars=SCALARS, mode=Mode.NEGATIVE))
def test_invalid_queries_are_refused_with_400(client, query):
    status, body = ask(client, query)
    assert status in (200, 400), (query, body)
    assert body["errors"]


SEARCH_FUZZ = settings(FUZZ, max_examples=40)


@SEARCH_FUZZ
@given(query=queries(schema_sdl(), fields=SEARCH_FIELDS, custom_scalars=SCALARS))
def test_generated_searches_never_fail_internally(client, query):
    """Search and suggest with generated texts, filters, channels and page sizes."""
    status, body = ask(client, query)
    if status == 400:
        assert {e["extensions"]["code"] for e in body["errors"]} <= {"LIMIT_EXCEEDED"}, body
    else:
        assert status == 200 and "data" in body


@SEARCH_FUZZ
@example(text="pas\x00poort", slugs=["\x00"], kinds=[], via=[], first=10)
@example(text="%_\\'\"", slugs=["%", "_"], kinds=["ARTICLE"], via=["ONLINE"], first=0)
@example(text="a" * 2000, slugs=["b" * 500], kinds=["PRODUCT"], via=["COUNTER"], first=51)
@example(text="\ud7ff\U0001f600 OR AND NOT * ~", slugs=[""], kinds=[], via=[], first=-1)
@given(
    text=st.text(max_size=60),
    slugs=st.lists(st.text(max_size=20), max_size=3),
    kinds=st.lists(st.sampled_from(["PRODUCT", "ARTICLE"]), max_size=2),
    via=st.lists(st.sampled_from(["ONLINE", "COUNTER", "PHONE", "POST", "EMAIL"]), max_size=2),
    first=st.integers(min_value=-5, max_value=80),
)
def test_searches_with_any_filter_values_never_fail_internally(
    client, text, slugs, kinds, via, first
):
    """Odd strings (control characters, NUL, very long words) as the query and as filter
    slugs, which the generated queries above reach rarely."""
    query = """query($q: String!, $f: SearchFilterInput, $n: Int) {
      search(query: $q, filters: $f, first: $n) { total hits { title product { slug } } }
      suggest(prefix: $q) { text } }"""
    filters = {
        "topics": slugs,
        "lifeEvents": slugs,
        "audiences": slugs,
        "services": slugs,
        "contentTypes": kinds,
        "availableVia": via,
    }
    status, body = ask(client, query, {"q": text, "f": filters, "n": first})
    assert status in (200, 400), (text, filters, body)


@FUZZ
@given(raw=st.one_of(st.text(max_size=300), st.binary(max_size=300)))
def test_arbitrary_bodies_never_fail_internally(client, raw):
    response = client.post("/graphql/", raw, content_type="application/json")
    assert 400 <= response.status_code < 500 or response.status_code == 200
    assert response.json()
