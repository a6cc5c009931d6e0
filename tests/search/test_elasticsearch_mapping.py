"""The Elasticsearch engine's index definition, query bodies and plans, without a cluster.

These run always; the same engine against a real cluster is in
test_elasticsearch_integration.py (ELASTICSEARCH_URL) and the shared conformance suite.
"""

import json
from datetime import UTC, datetime

import pytest

from search import analysis
from search.engines import elasticsearch as es
from search.engines.base import FACET_PREFIXES, Document, SearchFilters, SearchRequest, Weights
from search.query import SynonymTable


def definition(words=("afval", "container")):
    return es.index_definition("pdc-search-20250101000000-abcdef", words, replicas=2).to_dict()


def document(page_id=7, **fields):
    values = {
        "page_id": page_id,
        "content_type": "product",
        "title": "Rijbewijs verlengen",
        "keywords": "rijbewijs, verlengen, vernieuwen",
        "summary": "U verlengt uw rijbewijs bij de gemeente.",
        "body": "Neem een pasfoto mee.",
        "url": "/producten/burgerzaken/rijbewijs-verlengen/",
        "snippet_text": "Neem een pasfoto mee.",
        "facets": {"topics": ["verkeer"], "content_types": ["product"], "channels": ["counter"]},
    }
    values.update(fields)
    return Document(**values)


def walk(node):
    """Every dict inside a request body."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value)


# --- Index definition ----------------------------------------------------------------------


def test_dutch_analyzer_chain():
    settings = definition()["settings"]
    analyzers, filters = settings["analysis"]["analyzer"], settings["analysis"]["filter"]
    index_chain = analyzers["pdc_dutch"]["filter"]
    assert index_chain == [
        "lowercase",
        "asciifolding",
        "pdc_decompound",
        "pdc_stop",
        "pdc_stemmer",
        "pdc_ij",
        "remove_duplicates",
    ]
    # The query side has no decompounder (query compounds are split with the vocabulary).
    assert analyzers["pdc_dutch_search"]["filter"] == [
        "lowercase",
        "asciifolding",
        "pdc_stop",
        "pdc_stemmer",
        "pdc_ij",
    ]
    assert filters["pdc_stemmer"] == {"type": "stemmer", "language": "dutch"}
    assert set(filters["pdc_stop"]["stopwords"]) == analysis.STOP_WORDS
    assert filters["pdc_ij"] == {"type": "pattern_replace", "pattern": "ij", "replacement": "y"}
    assert filters["pdc_decompound"]["type"] == "dictionary_decompounder"
    assert filters["pdc_decompound"]["word_list"] == ["afval", "container"]
    assert filters["pdc_decompound"]["only_longest_match"] is False
    assert filters["pdc_decompound"]["min_subword_size"] == 4


def test_no_decompounder_without_words():
    settings = definition(words=())["settings"]
    assert "pdc_decompound" not in settings["analysis"]["filter"]
    assert "pdc_decompound" not in settings["analysis"]["analyzer"]["pdc_dutch"]["filter"]


def test_text_fields_autocomplete_and_facets():
    mapping = definition()["mappings"]
    properties = mapping["properties"]
    assert mapping["dynamic"] == "strict"
    for name in ("title", "keywords", "summary", "body"):
        assert properties[name]["analyzer"] == "pdc_dutch"
        assert properties[name]["search_analyzer"] == "pdc_dutch_search"
        assert properties[name]["copy_to"] == ["all", "spell"]
    for name in ("title", "keywords", "summary"):
        sub = properties[name]["fields"]["autocomplete"]
        assert (sub["analyzer"], sub["search_analyzer"]) == (
            "pdc_autocomplete",
            "pdc_autocomplete_search",
        )
    edge = definition()["settings"]["analysis"]["filter"]["pdc_edge_ngram"]
    assert edge["type"] == "edge_ngram" and edge["min_gram"] == 2
    for group in FACET_PREFIXES:
        assert properties[group] == {"type": "keyword"}
    assert properties["word_suggest"]["type"] == "completion"
    assert properties["spell"]["analyzer"] == "pdc_spell"


def test_settings_carry_shards_and_replicas():
    settings = definition()["settings"]
    assert (settings["number_of_shards"], settings["number_of_replicas"]) == (1, 2)


def test_decompound_words_come_from_the_vocabulary():
    pairs = [("afval", 12), ("container", 4), ("woonboot", 1), ("voor", 50), ("rij", 9)]
    pairs += [("2025", 8), ("vergunning", 30), ("a" * 21, 5)]
    assert es.decompound_words(pairs, limit=10) == ["afval", "container", "vergunning"]
    assert es.decompound_words(pairs, limit=2) == ["afval", "vergunning"]  # the most common


@pytest.mark.django_db
def test_the_vocabulary_is_the_database_index_s():
    words = dict(es.content_vocabulary())
    assert words.get("paspoort", 0) > 1  # as written, with its document count
    assert "paspoort" in es.decompound_words(es.content_vocabulary(), limit=5000)


def test_document_source():
    source = es.to_source(document())
    assert source["page_id"] == 7 and source["is_product"] is True
    assert source["topics"] == ["verkeer"] and source["life_events"] == []
    assert set(source) <= set(definition()["mappings"]["properties"])
    inputs = source["word_suggest"]
    assert inputs[0]["input"][:2] == ["rijbewijs", "verlengen"]
    assert inputs[0]["weight"] > inputs[-1]["weight"]
    # A word is offered once, under the most important field it occurs in.
    everything = [w for group in inputs for w in group["input"]]
    assert len(everything) == len(set(everything))


# --- Aliases: zero-downtime rebuilds --------------------------------------------------------


def test_new_index_names_belong_to_the_alias():
    name = es.new_index_name("pdc-search", datetime(2025, 3, 1, 12, 0, tzinfo=UTC))
    assert name.startswith("pdc-search-20250301120000-")
    assert es.is_generation_of("pdc-search", name)
    assert not es.is_generation_of("pdc-search", "pdc-search-building")
    assert not es.is_generation_of("pdc", name)


def test_swap_is_one_atomic_request():
    actions = es.swap_actions("pdc-search", "pdc-search-new", ["pdc-search-old"], legacy=False)
    assert actions == [
        {"add": {"index": "pdc-search-new", "alias": "pdc-search"}},
        {"remove": {"index": "pdc-search-old", "alias": "pdc-search"}},
        {"remove": {"index": "pdc-search-new", "alias": "pdc-search-building"}},
    ]
    first = es.swap_actions("pdc-search", "pdc-search-new", [], legacy=True)
    assert {"remove_index": {"index": "pdc-search"}} in first


def test_old_generations_are_removed_but_nothing_else():
    existing = {
        "pdc-search-20250101000000-aaaaaa": {},
        "pdc-search-20250102000000-bbbbbb": {},
        "pdc-search-archive": {},
        "pdc-searchx-20250101000000-cccccc": {},
    }
    assert es.stale_indices("pdc-search", existing, keep="pdc-search-20250102000000-bbbbbb") == [
        "pdc-search-20250101000000-aaaaaa"
    ]


def test_bulk_writes_both_indices_during_a_rebuild():
    operations = es.bulk_operations([document(7)], [9], "pdc", "pdc-building")
    actions = [op for op in operations if set(op) & {"index", "delete", "create"}]
    assert actions == [
        {"index": {"_index": "pdc", "_id": "7"}},
        {"index": {"_index": "pdc-building", "_id": "7"}},
        {"delete": {"_index": "pdc", "_id": "9"}},
        {"index": {"_index": "pdc-building", "_id": "9"}},
    ]
    assert operations[-1] == {"tombstone": True}
    quiet = es.bulk_operations([document(7)], [9], "pdc", None)
    assert [next(iter(op)) for op in quiet if "_index" in str(op)] == ["index", "delete"]


def test_bulk_failures():
    response = {
        "errors": True,
        "items": [
            {"index": {"_id": "1", "status": 201}},
            {"delete": {"_id": "2", "status": 404, "result": "not_found"}},
            {"create": {"_id": "3", "status": 409, "error": {"reason": "version conflict"}}},
            {"index": {"_id": "4", "status": 400, "error": {"reason": "mapping"}}},
        ],
    }
    assert es.bulk_failures(response) == ["create 3: version conflict", "index 4: mapping"]
    assert es.bulk_failures(response, allow_conflicts=True) == ["index 4: mapping"]


# --- Queries --------------------------------------------------------------------------------


def body(text, weights=None, filters=None, strict=True, **plan_options):
    request = SearchRequest(text, filters or SearchFilters(), 20, 10, weights or Weights())
    plan = es.plan_query(text, request.weights, **plan_options)
    return es.build_search(plan, request, "pdc", strict=strict).to_dict(), plan


def multi_matches(request_body):
    return [node["multi_match"] for node in walk(request_body) if "multi_match" in node]


def test_boosts_come_from_the_weights():
    weights = Weights(title=7, keywords=5, summary=2.5, body=0.5, product_boost=2)
    request_body, _ = body("paspoort", weights)
    fuzzy = [m for m in multi_matches(request_body) if "fuzziness" in m]
    assert fuzzy[0]["fields"] == ["title^7", "keywords^5", "summary^2.5", "body^0.5"]
    assert fuzzy[0]["fuzziness"] == "AUTO:4,8"
    functions = request_body["query"]["function_score"]["functions"]
    assert functions == [{"filter": {"term": {"content_type": "product"}}, "weight": 2}]
    zero, _ = body("paspoort", Weights(title=0))
    assert all("title^0.001" in m["fields"] for m in multi_matches(zero) if "body^1" in m["fields"])


def test_every_word_must_match_unless_relaxed():
    strict, plan = body("paspoort kwijt")
    groups = strict["query"]["function_score"]["query"]["bool"]["must"]
    assert len(groups) == len(plan.groups) == 2
    relaxed, _ = body("paspoort kwijt", strict=False)
    inner = relaxed["query"]["function_score"]["query"]["bool"]
    assert inner["minimum_should_match"] == 1 and len(inner["should"]) == 3
    # Pages with every word get the strict clause's score on top.
    assert inner["should"][2] == {"bool": {"must": groups}}


def test_stop_words_and_syntax_never_reach_the_query():
    assert es.plan_query("de het een", Weights()).empty
    request_body, plan = body('title:paspoort AND "NEAR(*)" {x}')
    assert plan.words == ["title", "paspoort", "and", "near"]
    text = json.dumps(request_body)
    assert "query_string" not in text and "simple_query_string" not in text
    queries = {m["query"] for m in multi_matches(request_body)}
    assert all(q.replace(" ", "").isalnum() for q in queries)


def test_words_written_apart_are_joined():
    queries = [m["query"] for m in multi_matches(body("rij bewijs verlengen")[0])]
    assert "rijbewijs" in queries and "bewijsverlengen" in queries


def test_compounds_in_the_query_are_split_with_the_vocabulary():
    known = {"afval": 5, "container": 3}
    request_body, _ = body("afvalcontainer", known=lambda t: known.get(t, 0))
    split = [m for m in multi_matches(request_body) if m.get("type") == "cross_fields"]
    assert split and split[0]["query"] == "afval container" and split[0]["operator"] == "and"
    assert not [
        m for m in multi_matches(body("afvalcontainer")[0]) if m.get("type") == "cross_fields"
    ]


def test_last_word_is_also_a_prefix():
    matches = multi_matches(body("paspoort aanvr")[0])
    prefixed = [m for m in matches if any(".autocomplete" in f for f in m["fields"])]
    assert [m["query"] for m in prefixed] == ["aanvr"]
    assert prefixed[0]["fields"] == [
        "title.autocomplete^10",
        "keywords.autocomplete^8",
        "summary.autocomplete^3",
    ]


def test_synonyms_are_expanded_at_query_time():
    raw = [(["ID-kaart", "identiteitskaart", "eID"], False), (["woonboot", "houseboat"], True)]
    table, texts = SynonymTable.from_texts(raw), es.synonym_texts(raw)
    request_body, _ = body("id kaart kwijt", synonyms=table, synonym_text=texts)
    phrases = {m["query"] for m in multi_matches(request_body) if m.get("type") == "phrase"}
    assert phrases == {"identiteitskaart", "eID"}
    groups = request_body["query"]["function_score"]["query"]["bool"]["must"]
    # Both words of "id kaart" may be matched by a synonym; "kwijt" may not.
    assert [json.dumps(g).count('"phrase"') for g in groups] == [2, 2, 0]
    one_way = multi_matches(body("houseboat", synonyms=table, synonym_text=texts)[0])
    assert "woonboot" in {m["query"] for m in one_way if m.get("type") == "phrase"}
    other_way = multi_matches(body("woonboot", synonyms=table, synonym_text=texts)[0])
    assert not [m for m in other_way if m.get("type") == "phrase"]


def test_filters_facets_page_highlight_and_spelling():
    filters = SearchFilters(topics=["afval", "parkeren"], channels=["online"])
    request_body, _ = body("grofvuil", filters=filters)
    topics = {"terms": {"topics": ["afval", "parkeren"]}}
    channels = {"terms": {"channels": ["online"]}}
    # Filters narrow the hits (post filter), not the scored query or the aggregations.
    assert "filter" not in request_body["query"]["function_score"]["query"]["bool"]
    assert request_body["post_filter"] == {"bool": {"filter": [topics, channels]}}
    assert set(request_body["aggs"]) == set(FACET_PREFIXES)
    # Each group's counts apply the other groups' filters, not its own (disjunctive facets).
    terms = {"terms": {"field": "life_events", "size": 100}}
    assert request_body["aggs"]["life_events"] == {
        "filter": {"bool": {"filter": [topics, channels]}},
        "aggs": {"life_events": terms},
    }
    assert request_body["aggs"]["topics"]["filter"] == {"bool": {"filter": [channels]}}
    assert request_body["aggs"]["channels"]["filter"] == {"bool": {"filter": [topics]}}
    assert (request_body["from"], request_body["size"]) == (20, 10)
    assert request_body["track_total_hits"] is True
    assert request_body["sort"] == [{"_score": {"order": "desc"}}, {"page_id": {"order": "asc"}}]
    highlight = request_body["highlight"]
    assert highlight["pre_tags"] == ["<mark>"] and highlight["encoder"] == "html"
    assert set(highlight["fields"]) == {"title", "summary", "body"}
    assert request_body["suggest"]["spelling"]["term"]["field"] == "spell"
    assert request_body["suggest"]["spelling"]["text"] == "grofvuil"


def test_no_aggregations_without_facets():
    request = SearchRequest("paspoort", with_facets=False)
    plan = es.plan_query("paspoort", request.weights)
    assert "aggs" not in es.build_search(plan, request, "pdc").to_dict()


def test_did_you_mean_is_checked_against_the_filters():
    request_body = es.did_you_mean_search("paspoot", SearchFilters(services=["burgerzaken"]), "p")
    phrase = request_body.to_dict()["suggest"]["didyoumean"]["phrase"]
    assert phrase["field"] == "spell" and phrase["direct_generator"][0]["max_edits"] == 2
    collate = phrase["collate"]["query"]["source"]["bool"]
    assert collate["must"]["match"]["all"]["query"] == "{{suggestion}}"
    assert collate["filter"] == [{"terms": {"services": ["burgerzaken"]}}]
    assert phrase["collate"]["prune"] is False


def test_suggest_body():
    request_body = es.suggest_search(["paspoort", "aanv"], 6, "pdc").to_dict()
    assert request_body["query"] == {
        "match": {"title.autocomplete": {"query": "paspoort aanv", "operator": "and"}}
    }
    assert request_body["suggest"]["words"]["prefix"] == "aanv"
    assert request_body["suggest"]["words"]["completion"]["field"] == "word_suggest"
    assert request_body["sort"][0] == {"is_product": {"order": "desc"}}


# --- Responses ------------------------------------------------------------------------------


def test_hits_with_highlights_and_escaped_fallbacks():
    hits = es.parse_hits(
        [
            {
                "_score": 3.5,
                "_source": {
                    "page_id": 4,
                    "content_type": "article",
                    "title": "A <b>",
                    "summary": "S <i>",
                    "url": "/a/",
                },
                "highlight": {"body": ["in de <mark>gracht</mark>"]},
            },
            {
                "_score": 1.0,
                "_source": {"page_id": 5, "content_type": "product", "title": "T", "summary": "Z"},
                "highlight": {"summary": ["<mark>Z</mark>"], "title": ["<mark>T</mark>"]},
            },
        ]
    )
    assert (hits[0].page_id, hits[0].score, hits[0].url) == (4, 3.5, "/a/")
    assert hits[0].highlight == "in de <mark>gracht</mark>"
    assert hits[0].title_highlight == "A &lt;b&gt;"
    assert hits[1].highlight == "<mark>Z</mark>" and hits[1].title_highlight == "<mark>T</mark>"


def test_no_post_filter_without_filters():
    request_body, _ = body("grofvuil")
    assert "post_filter" not in request_body
    assert request_body["aggs"]["topics"]["filter"] == {"bool": {}}


def test_best_bets_are_looked_up_among_the_matches():
    filters = SearchFilters(services=["burgerzaken"])
    request = SearchRequest("paspoort", filters, pinned=(7, 9), with_facets=False)
    plan = es.plan_query("paspoort", request.weights)
    request_body = es.build_search(plan, request, "pdc").to_dict()
    assert request_body["aggs"]["pinned"] == {
        "filter": {
            "bool": {
                "filter": [
                    {"terms": {"services": ["burgerzaken"]}},
                    {"terms": {"page_id": [7, 9]}},
                ]
            }
        },
        "aggs": {"pinned": {"terms": {"field": "page_id", "size": 2}}},
    }
    found = {"pinned": {"doc_count": 1, "pinned": {"buckets": [{"key": 9, "doc_count": 1}]}}}
    assert es.parse_pinned(found) == {9}
    assert es.parse_pinned({}) == set()


def test_facets_inside_their_filter_aggregation():
    facets = es.parse_facets(
        {"topics": {"doc_count": 3, "topics": {"buckets": [{"key": "afval", "doc_count": 3}]}}}
    )
    assert facets == {"topics": {"afval": 3}}


def test_facets_leave_out_empty_groups():
    facets = es.parse_facets(
        {
            "content_types": {"buckets": [{"key": "product", "doc_count": 2}]},
            "topics": {"buckets": []},
        }
    )
    assert facets == {"content_types": {"product": 2}}


@pytest.mark.parametrize(
    "text, entries, expected",
    [
        ("paspoot", [], None),
        ("paspoot", [{"offset": 0, "length": 7, "options": []}], None),
        (
            "Paspoot kwijt",
            [
                {"offset": 0, "length": 7, "options": [{"text": "paspoort"}]},
                {"offset": 8, "length": 5, "options": []},
            ],
            "paspoort kwijt",
        ),
        (
            "paspoort kwyjt!",
            [{"offset": 9, "length": 5, "options": [{"text": "kwijt"}]}],
            "paspoort kwijt!",
        ),
    ],
)
def test_corrected_query_from_the_term_suggester(text, entries, expected):
    assert es.corrected_text(text, entries) == expected
