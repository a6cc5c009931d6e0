"""PostgreSQL: suggest answers from the title-only GIN index (migration 0006)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from factories import make_product

from search import service

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")


def test_suggest_reads_the_title_index():
    page = make_product("kwartel-titel", title="Kwartelhok registreren", keywords="kwakkel")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT title_vector::text FROM pdcsearch_indexeddocument WHERE page_id = %s",
            [page.id],
        )
        assert cursor.fetchone()[0] == "'kwartelhok' 'registreer'"  # title only, stripped

    with CaptureQueriesContext(connection) as queries:
        found = service.suggest("kwarte")
    assert [(s.kind, s.page_id) for s in found if s.kind == "title"] == [("title", page.id)]
    title_query = next(q["sql"] for q in queries if "title_vector" in q["sql"])
    assert "head_vector" not in title_query  # no per-row filtering of the title+keywords vector

    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + title_query.replace("LIMIT 2000", "LIMIT 10"))
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "pdcsearch_doc_title" in plan
    assert "Filter" not in plan
    # A keyword that is not in the title is no title suggestion.
    assert not [s for s in service.suggest("kwakk") if s.kind == "title"]
