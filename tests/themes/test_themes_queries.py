"""The console's GraphQL documents stay valid against the API's schema (api/schema.graphql)."""

import re
from pathlib import Path

import pytest
from graphql import build_schema, parse, validate

ROOT = Path(__file__).resolve().parents[2]
QUERIES = ROOT / "themes" / "static" / "themes" / "console-queries.js"
_CONST = re.compile(r"(?:export )?const (\w+) = `(.*?)`;", re.S)


def console_documents() -> dict[str, str]:
    """The template literals of console-queries.js, with ${NAME} pieces filled in."""
    constants = dict(_CONST.findall(QUERIES.read_text(encoding="utf-8")))

    def expand(text: str) -> str:
        return re.sub(r"\$\{(\w+)\}", lambda m: expand(constants[m.group(1)]), text)

    return {
        name: expand(text)
        for name, text in constants.items()
        if name.endswith("_QUERY") or name.endswith("_MUTATION")
    }


def test_the_console_has_its_documents():
    assert set(console_documents()) == {
        "SEARCH_QUERY",
        "SUGGEST_QUERY",
        "PRODUCT_QUERY",
        "ARTICLE_QUERY",
        "OPENED_MUTATION",
    }


@pytest.mark.parametrize("name", sorted(console_documents()))
def test_console_query_is_valid_against_the_schema(name):
    schema_file = ROOT / "api" / "schema.graphql"
    if not schema_file.exists():
        pytest.skip("api/schema.graphql is not there yet")
    schema = build_schema(schema_file.read_text(encoding="utf-8"))
    errors = validate(schema, parse(console_documents()[name]))
    assert not errors, [e.message for e in errors]
