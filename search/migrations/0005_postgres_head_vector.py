"""PostgreSQL: a small title+keywords vector (suggest, frequent words) and narrow heap rows.

`head_vector` is the A and B weighted part of `search_vector` (title and keywords), small
enough to stay inline, with its own GIN index. A low `toast_tuple_target` moves long text
(body, terms) out of the main rows, so scanning thousands of matches reads fewer pages;
it applies to rows written from now on (`manage.py rebuild_search_index` rewrites all).
"""

from django.db import migrations

FORWARD = [
    "ALTER TABLE pdcsearch_indexeddocument ADD COLUMN head_vector tsvector",
    "UPDATE pdcsearch_indexeddocument SET head_vector = ts_filter(search_vector, '{a,b}')",
    "CREATE INDEX pdcsearch_doc_head ON pdcsearch_indexeddocument USING GIN (head_vector)",
    "ALTER TABLE pdcsearch_indexeddocument SET (toast_tuple_target = 256)",
]
BACKWARD = [
    "ALTER TABLE pdcsearch_indexeddocument RESET (toast_tuple_target)",
    "ALTER TABLE pdcsearch_indexeddocument DROP COLUMN IF EXISTS head_vector",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("pdcsearch", "0004_document_keywords")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
