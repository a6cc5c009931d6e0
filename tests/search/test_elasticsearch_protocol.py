"""The engine's conversation with a cluster, played against a local stand-in HTTP server.

No Elasticsearch runs here: the stand-in answers in Elasticsearch's response format and
records every request, so these tests check what the engine sends (order of a rebuild,
dual writes, request parameters the real client accepts) and how it reads the answers
(relaxed matching, spelling, "did you mean", suggestions). Relevance itself is tested
against a real cluster by the conformance suite when ELASTICSEARCH_URL is set.
"""

import json

import pytest
from test_elasticsearch_outbox import StandIn

from search import engines
from search.engines import elasticsearch as es
from search.engines.base import Document, SearchFilters, SearchRequest

ALIAS = "pdc-proto"
OLD = "pdc-proto-20240101000000-aaaaaa"


@pytest.fixture
def node(settings):
    with StandIn() as stand_in:
        settings.SEARCH_ENGINE = "elasticsearch"
        settings.ELASTICSEARCH_URL = stand_in.url
        settings.ELASTICSEARCH_INDEX = ALIAS
        settings.ELASTICSEARCH_RETRY_SECONDS = 0
        engines.reset()
        yield stand_in
    engines.reset()


def engine():
    return engines.get_engine("elasticsearch")


def documents(n):
    return [
        Document(
            page_id=i,
            content_type="product" if i % 2 else "article",
            title=f"Steiger {i}",
            keywords="steiger",
            summary="Een steiger in de haven.",
            body="Steigers en boeien.",
            url=f"/p/{i}/",
            snippet_text="Steigers en boeien.",
            facets={"content_types": ["product" if i % 2 else "article"]},
        )
        for i in range(1, n + 1)
    ]


def hits_response(ids, total=None, **extra):
    return {
        "took": 1,
        "timed_out": False,
        "hits": {
            "total": {"value": len(ids) if total is None else total, "relation": "eq"},
            "hits": [
                {
                    "_id": str(i),
                    "_score": 2.0,
                    "_source": {
                        "page_id": i,
                        "content_type": "product",
                        "title": f"Paspoort {i}",
                        "summary": "S",
                        "url": f"/p/{i}/",
                    },
                    "highlight": {"title": [f"<mark>Paspoort</mark> {i}"]},
                }
                for i in ids
            ],
        },
        **extra,
    }


@pytest.mark.django_db
def test_rebuild_loads_a_new_index_then_swaps_the_alias(node, monkeypatch):
    monkeypatch.setattr(es, "BULK_BATCH", 2)

    def route(method, path, body):
        if method == "GET" and path == f"/_alias/{ALIAS}":
            return 200, {OLD: {"aliases": {ALIAS: {}}}}
        if method == "GET" and path == f"/{ALIAS}-*":
            created = next(p for m, p in node.requests if m == "PUT" and p.count("/") == 1)
            return 200, {OLD: {}, created.strip("/"): {}, f"{ALIAS}-archive": {}}
        return None

    node.route = route
    done = []
    assert engine().rebuild(iter(documents(5)), 5, done.append) == 5
    assert done == [2, 4, 5]
    requests = [(m, p.split("?")[0]) for m, p in node.requests]
    new = next(p for m, p in requests if m == "PUT" and p.count("/") == 1).strip("/")
    assert es.is_generation_of(ALIAS, new)

    def at(method, path):
        return requests.index((method, path))

    aliases = [i for i, r in enumerate(requests) if r == ("POST", "/_aliases")]
    bulks = [i for i, r in enumerate(requests) if r[1] == "/_bulk"]
    assert len(aliases) == 2 and len(bulks) == 3
    # Order: create, point the building alias, load, settle, swap, tidy up.
    assert at("PUT", f"/{new}") < aliases[0] < bulks[0]
    assert bulks[-1] < at("PUT", f"/{new}/_settings") < at("POST", f"/{new}/_refresh")
    assert at("POST", f"/{new}/_refresh") < aliases[1] < at("POST", f"/{new}/_delete_by_query")
    assert aliases[1] < at("DELETE", f"/{OLD}")
    assert ("DELETE", f"/{ALIAS}-archive") not in requests  # not ours

    bodies = dict(zip(node.requests, node.bodies, strict=True))
    by_path = {p.split("?")[0]: json.loads(b) for (m, p), b in bodies.items() if b and m != "PUT"}
    created = json.loads(next(b for (m, p), b in bodies.items() if m == "PUT" and p == f"/{new}"))
    assert created["settings"]["refresh_interval"] == "-1"
    assert created["mappings"]["properties"]["title"]["analyzer"] == "pdc_dutch"
    # The compound dictionary is the content's vocabulary, read before the documents.
    assert "paspoort" in created["settings"]["analysis"]["filter"]["pdc_decompound"]["word_list"]
    swap = json.loads(node.bodies[aliases[1]])["actions"]
    assert swap == es.swap_actions(ALIAS, new, [OLD], legacy=False)
    assert by_path[f"/{new}/_delete_by_query"]["query"] == {"term": {"tombstone": True}}
    loaded = [json.loads(line) for i in bulks for line in node.bodies[i].splitlines()]
    assert {next(iter(op)) for op in loaded[::2]} == {"create"}


def test_writes_go_to_both_indices_while_a_rebuild_runs(node):
    node.route = lambda m, p, b: (
        (200, None) if (m, p) == ("HEAD", f"/_alias/{ALIAS}-building") else None
    )
    engine().index_documents(documents(1))
    engine().remove_documents([9])
    operations = node.operations()
    assert [(a, p) for a, p, _ in operations] == [
        ("index", 1),
        ("index", 1),
        ("delete", 9),
        ("index", 9),
    ]
    targets = [json.loads(line) for b in node.bodies if b for line in b.splitlines()]
    assert {next(iter(t.values()))["_index"] for t in targets if "index" in t or "delete" in t} == {
        ALIAS,
        f"{ALIAS}-building",
    }
    assert operations[-1][2] == {"tombstone": True}


@pytest.mark.django_db
def test_relaxed_results_with_corrected_spelling_and_facets(node):
    spelling = [
        {"text": "paspoot", "offset": 0, "length": 7, "options": [{"text": "paspoort"}]},
        {"text": "qqq", "offset": 8, "length": 3, "options": []},
    ]

    def route(method, path, body):
        if path != f"/{ALIAS}/_search":
            return None
        request = json.loads(body)
        inner = request["query"]["function_score"]["query"]["bool"]
        if "must" in inner:  # every word: nothing
            return 200, hits_response([], suggest={"spelling": spelling})
        aggregations = {"services": {"buckets": [{"key": "burgerzaken", "doc_count": 2}]}}
        return 200, hits_response([3, 4], aggregations=aggregations)

    node.route = route
    result = engine().search(SearchRequest("paspoot qqq"))
    assert result.relaxed and result.total == 2 and result.engine == "elasticsearch"
    assert [h.page_id for h in result.hits] == [3, 4]
    assert result.hits[0].title_highlight == "<mark>Paspoort</mark> 3"
    assert result.corrected_query == "paspoort qqq"
    assert result.facets == {"services": {"burgerzaken": 2}}


@pytest.mark.django_db
def test_did_you_mean_when_nothing_is_found(node):
    def route(method, path, body):
        if path != f"/{ALIAS}/_search":
            return None
        request = json.loads(body)
        if "suggest" in request and "didyoumean" in request["suggest"]:
            assert request["suggest"]["didyoumean"]["text"] == "paspoot"
            options = [{"text": "paspoort", "score": 0.4}]
            return 200, hits_response([], suggest={"didyoumean": [{"options": options}]})
        return 200, hits_response([])

    node.route = route
    result = engine().search(SearchRequest("paspoot", SearchFilters(services=["burgerzaken"])))
    assert result.total == 0 and result.hits == [] and result.suggestion == "paspoort"


@pytest.mark.django_db
def test_suggestions_titles_first_then_words(node):
    def route(method, path, body):
        if path != f"/{ALIAS}/_search":
            return None
        request = json.loads(body)
        assert request["query"]["match"]["title.autocomplete"]["query"] == "paspoort kw"
        words = [{"text": "kwijt"}, {"text": "kwijtschelding"}]
        return 200, hits_response([5], suggest={"words": [{"options": words}]})

    node.route = route
    suggestions = engine().suggest("paspoort de kw", limit=3)
    assert [(s.text, s.kind) for s in suggestions] == [
        ("Paspoort 5", "title"),
        ("paspoort de kwijt", "term"),
        ("paspoort de kwijtschelding", "term"),
    ]
    assert suggestions[0].page_id == 5 and suggestions[0].url == "/p/5/"
    assert engine().suggest("k") == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "strict_ids, relaxed_ids, expected_ids, relaxed",
    [
        ([1], [1, 2, 3, 4], [1, 2, 3, 4], False),  # too few with every word: more, lower
        ([1], [1], [1], False),  # nothing more to add
        ([1, 2, 3], [1, 2, 3, 4], [1, 2, 3], False),  # enough with every word
        ([], [2], [2], True),
    ],
)
def test_few_full_matches_let_partial_matches_in(
    node, strict_ids, relaxed_ids, expected_ids, relaxed
):
    asked = []

    def route(method, path, body):
        if path != f"/{ALIAS}/_search":
            return None
        inner = json.loads(body)["query"]["function_score"]["query"]["bool"]
        asked.append("strict" if "must" in inner else "relaxed")
        return 200, hits_response(strict_ids if "must" in inner else relaxed_ids)

    node.route = route
    result = engine().search(SearchRequest("steiger boei"))
    assert [h.page_id for h in result.hits] == expected_ids
    assert result.relaxed is relaxed and result.total == len(expected_ids)
    assert asked == (["strict"] if len(strict_ids) >= es.MIN_STRICT else ["strict", "relaxed"])
