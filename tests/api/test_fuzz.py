"""Property-based: queries generated from the schema never get a 500 or an internal error."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import Mode, nodes, queries

from api.management.commands.export_schema import schema_sdl
from api.schema import schema

pytestmark = pytest.mark.django_db

# The root fields of the catalogue API; search/suggest (issue 4) are fuzzed by their owner.
FIELDS = sorted(set(schema.graphql_schema.query_type.fields) - {"search", "suggest"})

SCALARS = {"Date": st.dates().map(lambda d: nodes.String(d.isoformat()))}
FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def ask(client, query: str):
    response = client.post(
        "/graphql/", json.dumps({"query": query}), content_type="application/json"
    )
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


@FUZZ
@given(raw=st.one_of(st.text(max_size=300), st.binary(max_size=300)))
def test_arbitrary_bodies_never_fail_internally(client, raw):
    response = client.post("/graphql/", raw, content_type="application/json")
    assert 400 <= response.status_code < 500 or response.status_code == 200
    assert response.json()
