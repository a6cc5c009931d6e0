"""The committed SDL (api/schema.graphql) equals what the code builds."""

import io

import pytest
from django.core.management import CommandError, call_command

from api.management.commands.export_schema import SCHEMA_FILE, schema_sdl


def test_committed_schema_matches_the_code():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_sdl(), (
        "api/schema.graphql is out of date: run `manage.py export_schema`"
    )


def test_check_mode_detects_a_difference(tmp_path):
    stale = tmp_path / "schema.graphql"
    stale.write_text("type Query { old: String }\n", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("export_schema", "--check", "--out", str(stale), stdout=io.StringIO())
    call_command("export_schema", "--out", str(stale), stdout=io.StringIO())
    call_command("export_schema", "--check", "--out", str(stale), stdout=io.StringIO())


def test_schema_has_the_promised_root_fields():
    from api.schema import schema

    fields = schema.graphql_schema.query_type.fields
    expected = {
        "product": {"slug", "channel"},
        "products": {"first", "after", "topic", "lifeEvent", "audience", "service", "channel"},
        "knowledgeArticle": {"slug", "channel"},
        "knowledgeArticles": {"first", "after", "topic", "lifeEvent", "audience", "service"},
        "service": {"slug"},
        "services": set(),
        "location": {"slug"},
        "locations": set(),
        "topics": set(),
        "lifeEvents": set(),
        "audiences": set(),
        "preview": {"token"},
    }
    for name, arguments in expected.items():
        assert name in fields, name
        assert arguments <= set(fields[name].args), (name, set(fields[name].args))
    assert fields["product"].args["channel"].default_value == "web"
    channel = schema.graphql_schema.get_type("Channel")
    assert set(channel.values) == {"WEB", "KCC", "ASSISTANT"}


def test_readme_examples_fit_the_schema():
    import re
    from pathlib import Path

    from graphql import parse, validate

    from api.schema import schema

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```graphql\n(.*?)```", readme, re.S)
    assert blocks, "the README has GraphQL examples"
    for block in blocks:
        document = parse(block)
        assert len(document.definitions) >= 3  # one query per channel
        assert validate(schema.graphql_schema, document) == []
