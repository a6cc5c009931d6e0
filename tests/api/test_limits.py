"""Requests beyond a limit or plainly malformed: a GraphQL error and 400, never a 500."""

import json

import pytest
from api_support import gql, post

pytestmark = pytest.mark.django_db


def error_of(response, status: int = 400) -> dict:
    assert response.status_code == status, response.content
    body = response.json()
    assert "data" not in body or body["data"] is None
    return body["errors"][0]


def limit_of(response) -> str:
    error = error_of(response)
    assert error["extensions"]["code"] == "LIMIT_EXCEEDED"
    return error["extensions"]["limit"]


def nested(depth: int) -> str:
    # product → responsibleService → locations → openingHours → week → intervals → opens ...
    inner = "relatedProducts { slug }"
    query = inner
    for _ in range(depth):
        query = f"relatedProducts {{ articles {{ {query} }} }}"
    return "{ knowledgeArticles(first: 1) { nodes { " + query + " } } }"


def test_depth_limit(client, settings):
    settings.GRAPHQL_MAX_DEPTH = 6
    response = post(client, nested(3))
    assert limit_of(response) == "GRAPHQL_MAX_DEPTH"
    assert "niveaus diep" in error_of(response)["message"]
    assert post(client, "{ products(first: 1) { nodes { slug } } }").status_code == 200


def test_depth_counts_fragments(client, settings):
    settings.GRAPHQL_MAX_DEPTH = 4
    query = """fragment A on Product { responsibleService { locations { openingHours { isOpenNow } } } }
      { products(first: 1) { nodes { ...A } } }"""
    assert limit_of(post(client, query)) == "GRAPHQL_MAX_DEPTH"


def test_alias_limit(client, settings):
    settings.GRAPHQL_MAX_ALIASES = 5
    query = "{ " + " ".join(f"a{i}: topics {{ slug }}" for i in range(6)) + " }"
    assert limit_of(post(client, query)) == "GRAPHQL_MAX_ALIASES"
    query = "{ " + " ".join(f"a{i}: topics {{ slug }}" for i in range(5)) + " }"
    assert post(client, query).status_code == 200


def test_cost_limit_multiplies_by_page_size(client, settings):
    settings.GRAPHQL_MAX_COST = 500
    query = "query($n: Int) { products(first: $n) { nodes { slug title summary fees { label formatted } } } }"
    assert post(client, query, {"n": 10}).status_code == 200
    response = post(client, query, {"n": 100})
    assert limit_of(response) == "GRAPHQL_MAX_COST"
    assert error_of(response)["extensions"]["maximum"] == 500


def test_page_size_cap(client, settings):
    settings.GRAPHQL_MAX_PAGE_SIZE = 50
    response = post(client, "{ products(first: 51) { totalCount } }")
    assert limit_of(response) == "GRAPHQL_MAX_PAGE_SIZE"
    response = post(client, "query($n: Int) { products(first: $n) { totalCount } }", {"n": 51})
    assert limit_of(response) == "GRAPHQL_MAX_PAGE_SIZE"
    assert post(client, "{ products(first: 50) { totalCount } }").status_code == 200


def test_query_length_limit(client, settings):
    settings.GRAPHQL_MAX_QUERY_LENGTH = 200
    query = "{ topics { slug } }" + " " * 200
    assert limit_of(post(client, query)) == "GRAPHQL_MAX_QUERY_LENGTH"


def test_batch_limit_and_batches(client, settings):
    settings.GRAPHQL_MAX_BATCH = 2
    one = {"query": "{ topics { slug } }"}
    response = client.post(
        "/graphql/", json.dumps([one, one, one]), content_type="application/json"
    )
    assert limit_of(response) == "GRAPHQL_MAX_BATCH"
    response = client.post(
        "/graphql/",
        json.dumps([one, {"query": "{ nope }"}]),
        content_type="application/json",
    )
    assert response.status_code == 400
    first, second = response.json()
    assert first["data"]["topics"]
    assert "nope" in second["errors"][0]["message"]


def test_huge_strings_are_refused(client):
    response = post(client, "query($s: String!) { product(slug: $s) { id } }", {"s": "x" * 100_000})
    assert limit_of(response) == "GRAPHQL_MAX_STRING_LENGTH"
    query = '{ product(slug: "' + "y" * 5000 + '") { id } }'
    assert limit_of(post(client, query)) in {
        "GRAPHQL_MAX_STRING_LENGTH",
        "GRAPHQL_MAX_QUERY_LENGTH",
    }


def test_a_body_over_djangos_upload_limit_is_refused(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    body = json.dumps({"query": "{ topics { slug } }", "variables": {"x": "z" * 2000}})
    assert limit_of(client.post("/graphql/", body, content_type="application/json")) == (
        "DATA_UPLOAD_MAX_MEMORY_SIZE"
    )


@pytest.mark.parametrize(
    "body",
    [
        "{not json",
        '"just a string"',
        "[]",
        "42",
        '{"query": 42}',
        '{"query": ""}',
        '{"query": "{ topics { slug } }", "variables": [1]}',
        '{"query": "{ topics { slug } }", "variables": "{broken"}',
        '{"query": "{ topics { slug } }", "operationName": 5}',
        '{"query": "query A { topics { slug } } query B { audiences { slug } }"}',
        '{"query": "{ topics { slug } }", "operationName": "Missing"}',
        '{"query": "{ topics { slug "}',
        '{"query": "{ unknownField }"}',
        '{"query": "{ product(slug: 5) { id } }"}',
        '{"query": "query($s: String!) { product(slug: $s) { id } }", "variables": {"s": 5}}',
        '{"query": "query($s: String!) { product(slug: $s) { id } }"}',
        '{"query": "query($n: Int) { products(first: $n) { totalCount } }", "variables": {"n": "veel"}}',
        '{"query": "query($n: Int) { products(first: $n) { totalCount } }", "variables": {"n": 99999999999}}',
        '{"query": "mutation { x }"}',
        '{"query": "subscription { x }"}',
        '{"query": "fragment A on Product { ...A } { products { nodes { ...A } } }"}',
    ],
)
def test_malformed_requests_get_a_graphql_error_and_400(client, body):
    response = client.post("/graphql/", body, content_type="application/json")
    assert 400 <= response.status_code < 500, response.content
    errors = response.json()["errors"]
    assert errors and all(e["message"] for e in errors)


def test_wrong_content_type_and_method(client):
    response = client.post("/graphql/", "query=x", content_type="text/plain")
    assert error_of(response, 415)["message"].startswith("Stuur de query als JSON")
    response = client.put("/graphql/", "{}", content_type="application/json")
    assert error_of(response, 405)
    response = client.get("/graphql/", {"query": "mutation { x }"}, HTTP_ACCEPT="application/json")
    assert response.status_code in (400, 405)


def test_application_graphql_body(client):
    response = client.post(
        "/graphql/", "{ audiences { slug } }", content_type="application/graphql"
    )
    assert response.status_code == 200
    assert response.json()["data"]["audiences"]


def test_non_utf8_body(client):
    response = client.post("/graphql/", b"\xff\xfe{", content_type="application/json")
    assert error_of(response)["message"]


def test_the_full_product_list_fits_the_default_limits(client):
    from api_support import PRODUCT_FACTS

    query = PRODUCT_FACTS + "{ products(first: 100) { nodes { ...Facts text } } }"
    status, body = gql(client, query)
    assert status == 200 and "errors" not in body, body
