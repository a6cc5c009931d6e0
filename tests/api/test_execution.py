"""The lean execution context (api.core.execution) answers exactly as graphql-core's own."""

import json

import graphene
import pytest
from api_support import PRODUCT_FACTS, post
from graphql import ExecutionContext, execute, parse

import api.views
from api.core.execution import FastExecutionContext
from catalogue.models import ProductPage


def _both(monkeypatch, client, query: str, variables: dict | None = None) -> tuple:
    """The view's response body with the lean context and with graphql-core's."""
    fast = post(client, query, variables)
    monkeypatch.setattr(api.views, "FastExecutionContext", ExecutionContext)
    plain = post(client, query, variables)
    monkeypatch.undo()
    assert fast.status_code == plain.status_code
    return json.loads(fast.content), json.loads(plain.content)


@pytest.mark.django_db
def test_product_detail_and_list_are_the_same(monkeypatch, client):
    slug = ProductPage.objects.live().order_by("pk").first().slug
    detail = PRODUCT_FACTS + "query($slug: String!) { product(slug: $slug) { ...Facts } }"
    fast, plain = _both(monkeypatch, client, detail, {"slug": slug})
    assert fast == plain and fast["data"]["product"]["slug"] == slug
    listing = PRODUCT_FACTS + "{ products(first: 5) { totalCount nodes { ...Facts } } }"
    fast, plain = _both(monkeypatch, client, listing)
    assert fast == plain and len(fast["data"]["products"]["nodes"]) == 5


@pytest.mark.django_db
def test_internal_field_error_is_the_same(monkeypatch, client):
    slug = ProductPage.objects.live().order_by("pk").first().slug
    query = "query($s: String!) { product(slug: $s) { slug kccInternalNotes } }"
    fast, plain = _both(monkeypatch, client, query, {"s": slug})
    assert fast == plain
    assert fast["data"]["product"]["kccInternalNotes"] is None and fast["errors"]


@pytest.mark.django_db
def test_plans_shared_between_requests_follow_the_variables(client):
    """The same query text (one parsed document, planned once) with other variables:
    `@include` and an argument from a variable must follow each request's values."""
    slug = ProductPage.objects.live().order_by("pk").first().slug
    query = """query($s: String!, $withFees: Boolean!, $fmt: TextFormat!) {
      product(slug: $s) { slug conditions { text(format: $fmt) }
        fees @include(if: $withFees) { label } } }"""
    seen = []
    for with_fees, fmt in ((True, "HTML"), (False, "PLAIN"), (True, "PLAIN")):
        response = post(client, query, {"s": slug, "withFees": with_fees, "fmt": fmt})
        product = response.json()["data"]["product"]
        assert ("fees" in product) is with_fees
        seen.append([c["text"] for c in product["conditions"]])
    assert seen[1] == seen[2]
    if any("<" in text for text in seen[0]):
        assert seen[0] != seen[1]


class _Item(graphene.ObjectType):
    name = graphene.String(required=True)
    count = graphene.Int()
    label = graphene.String()
    child = graphene.Field(lambda: _Item)  # read from the object: the default resolver

    @staticmethod
    def resolve_label(root, info):
        if root.name == "boom":
            raise ValueError("label kapot")
        return root.name.upper()


class _Query(graphene.ObjectType):
    items = graphene.List(graphene.NonNull(_Item), required=True)
    maybe = graphene.List(_Item)
    shout = graphene.String(required=True, word=graphene.String(default_value="hoi"))
    twice = graphene.List(graphene.NonNull(_Item), required=True, name=graphene.String())
    # Objects and lists of objects read from the root value with the default resolver.
    rows = graphene.List(graphene.NonNull(_Item))
    loose = graphene.List(_Item)
    tupled = graphene.List(graphene.NonNull(_Item), required=True)
    row = graphene.Field(_Item, required=True)
    other = graphene.Field(_Item)
    broken = graphene.Field(_Item)
    not_a_list = graphene.List(_Item)

    @staticmethod
    def resolve_items(root, info):
        return [_Row("a", 1), _Row("boom", 2)]

    @staticmethod
    def resolve_maybe(root, info):
        return [_Row("b", "geen getal"), _Row(None, 3), {"name": "uit een dict", "count": 4}]

    @staticmethod
    def resolve_shout(root, info, word):
        return word.upper()

    @staticmethod
    def resolve_twice(root, info, name="a"):
        row = _Row(name, 1)
        return [row, row]  # the same object twice: answered once, errors at both paths


class _Row:
    def __init__(self, name, count, child=None) -> None:
        self.name, self.count, self.child = name, count, child


class _Root:
    rows = [_Row("a", 1), None]  # null in a list of non-null objects: the list is null
    loose = [_Row("a", 1, _Row("kind", 2)), None, ValueError("rij kapot"), _Row(None, 3)]
    tupled = (_Row("t", 1), _Row("boom", 2, _Row(None, 0)))
    row = None  # a required object that is null: the error reaches the root
    other = _Row("o", 7, _Row("kleinkind", 8, _Row("boom", 9)))
    broken = ValueError("object kapot")
    not_a_list = 5


@pytest.mark.parametrize(
    "query",
    [
        "{ items { name count } }",
        "{ items { name label } }",  # a nullable leaf raises: null and an error
        "{ maybe { name count label } }",  # bad Int, null for a non-null String
        '{ shout a: shout(word: "x") }',
        "query($w: String!) { shout(word: $w) }",
        "{ twice { name count label } }",
        '{ twice(name: "boom") { name label } }',
        '{ a: twice { name } b: twice(name: "boom") { name label } }',
        "{ rows { name } loose { name label child { name count } } }",
        "{ tupled { name label child { name } } other { name child { count child { label } } } }",
        "{ broken { name } notAList { name } other { name } }",
        "{ other { name } row { name } }",
        "{ maybe { name child { name } } rows { child { name } } }",
    ],
)
def test_errors_and_nulls_match_graphql_core(query):
    schema = graphene.Schema(query=_Query).graphql_schema
    document = parse(query)
    results = [
        execute(
            schema,
            document,
            root_value=_Root(),
            variable_values={"w": "var"},
            execution_context_class=context,
        )
        for context in (FastExecutionContext, ExecutionContext)
    ]
    fast, plain = (r.formatted for r in results)
    assert fast == plain
