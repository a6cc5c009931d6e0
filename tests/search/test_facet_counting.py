"""Disjunctive facet counts, the pure part (search.engines.base.disjunctive_facet_counts)."""

from search.engines.base import SearchFilters, disjunctive_facet_counts

# (facet tokens of a document, how many matching documents have them)
SIGNATURES = [
    (("topic__afval", "type__product"), 3),
    (("topic__afval", "type__article"), 2),
    (("topic__parkeren", "type__product"), 4),
    (("topic__parkeren", "life__verhuizen", "type__article"), 1),
]


def counts(**filters):
    return disjunctive_facet_counts(SIGNATURES, SearchFilters(**filters).tokens_by_group())


def test_without_filters_every_match_counts():
    assert counts() == {
        "topics": {"afval": 5, "parkeren": 5},
        "content_types": {"product": 7, "article": 3},
        "life_events": {"verhuizen": 1},
    }


def test_a_group_ignores_its_own_filter():
    found = counts(topics=["afval"])
    assert found["topics"] == {"afval": 5, "parkeren": 5}  # still offers "parkeren"
    assert found["content_types"] == {"product": 3, "article": 2}  # under topic afval
    assert "life_events" not in found


def test_two_filtered_groups_apply_each_other():
    found = counts(topics=["parkeren"], content_types=["article"])
    assert found["topics"] == {"afval": 2, "parkeren": 1}  # articles per topic
    assert found["content_types"] == {"product": 4, "article": 1}  # parkeren per type
    assert found["life_events"] == {"verhuizen": 1}  # both filters apply


def test_documents_failing_two_filters_never_count():
    found = counts(topics=["afval"], life_events=["verhuizen"])
    # Only (parkeren, verhuizen) passes the life event filter; no document passes both.
    assert found == {"topics": {"parkeren": 1}}
