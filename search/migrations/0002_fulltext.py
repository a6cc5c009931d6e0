"""Engine-specific full-text structures: an FTS5 table on SQLite, tsvector + GIN on PostgreSQL."""

from django.db import migrations

SQLITE = [
    # Pre-analysed terms are [a-z0-9]+; facet tokens keep their underscores.
    "CREATE VIRTUAL TABLE IF NOT EXISTS pdcsearch_fts USING fts5("
    "title, keywords, summary, body, facets, "
    "tokenize = \"unicode61 remove_diacritics 0 tokenchars '_'\", prefix = '2 3 4')",
]
SQLITE_REVERSE = ["DROP TABLE IF EXISTS pdcsearch_fts"]

POSTGRES = [
    "ALTER TABLE pdcsearch_indexeddocument ADD COLUMN search_vector tsvector, "
    "ADD COLUMN facet_tokens text[]",
    "CREATE INDEX pdcsearch_doc_vector ON pdcsearch_indexeddocument USING GIN (search_vector)",
    "CREATE INDEX pdcsearch_doc_facets ON pdcsearch_indexeddocument USING GIN (facet_tokens)",
    'CREATE INDEX pdcsearch_term_word_c ON pdcsearch_term (word COLLATE "C")',
]
POSTGRES_REVERSE = [
    "DROP INDEX IF EXISTS pdcsearch_term_word_c",
    "ALTER TABLE pdcsearch_indexeddocument DROP COLUMN IF EXISTS search_vector, "
    "DROP COLUMN IF EXISTS facet_tokens",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


def create_state(apps, schema_editor):
    apps.get_model("pdcsearch", "IndexState").objects.get_or_create(id=1, defaults={"version": 0})


class Migration(migrations.Migration):
    dependencies = [("pdcsearch", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRES_REVERSE}),
        ),
        migrations.RunPython(create_state, migrations.RunPython.noop),
    ]
