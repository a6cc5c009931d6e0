"""One behaviour for every engine: each test runs per engine (see `engine_name` in conftest).

The database engine runs here on SQLite, and on PostgreSQL under tests/pg_server.py;
Elasticsearch joins when ELASTICSEARCH_URL is set.
"""

import os

import pytest
from factories import make_article, make_product
from search_support import sync

from catalogue.models import Service
from search import service
from search.engines import get_engine
from search.engines.base import SearchFilters, SearchRequest
from search.models import BestBet, SearchSettings, Synonym

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_external_index(engine_name, settings):
    """An external index outlives each test's rolled-back transaction: rebuild it per test."""
    if engine_name == "database":
        yield
        return
    from search import engines, indexer

    settings.ELASTICSEARCH_INDEX = f"pdc-conformance-{os.getpid()}"
    engine = engines.get_engine(engine_name)
    indexer.rebuild(engine=engine)
    engine.refresh()
    yield
    engine.drop()


def find(engine_name, text, **kwargs):
    sync(engine_name)
    return service.search(text, log=False, engine_name=engine_name, **kwargs)


def slugs(result):
    from wagtail.models import Page

    pages = Page.objects.in_bulk([h.page_id for h in result.hits])
    return [pages[h.page_id].slug for h in result.hits]


def test_products_and_articles_in_one_ranked_list(engine_name, mooring):
    result = find(engine_name, "woonboot")
    assert slugs(result)[:2] == ["ligplaatsvergunning-woonboot", "mag-mijn-woonboot-overal-liggen"]
    assert {h.content_type for h in result.hits} == {"product", "article"}
    assert result.total == 2


def test_dutch_stemming_finds_other_word_forms(engine_name, mooring):
    # "woonboten" (plural) and "aanvragen" (verb) meet "woonboot" and "aanvraag".
    assert "mag-mijn-woonboot-overal-liggen" in slugs(find(engine_name, "woonboten"))
    assert "ligplaatsvergunning-woonboot" in slugs(find(engine_name, "ligplaatsvergunningen"))


def test_accents_and_case_are_folded(engine_name, mooring):
    assert slugs(find(engine_name, "WÓÓNBOOT"))[0] == "ligplaatsvergunning-woonboot"


def test_stop_words_are_ignored(engine_name, mooring):
    with_stop_words = slugs(find(engine_name, "hoe krijg ik een ligplaats voor de woonboot"))
    assert with_stop_words[0] == "ligplaatsvergunning-woonboot"
    assert find(engine_name, "de het een").total == 0


def test_compound_split_in_the_query(engine_name, mooring):
    # The query's compound matches its parts, written apart in the text.
    make_product("afval-ophalen-test", title="Container voor grof afval huren")
    assert "afval-ophalen-test" in slugs(find(engine_name, "afvalcontainer"))


def test_compound_split_in_the_document(engine_name, mooring):
    # The document's compound "ligplaatsvergunning" is found by its parts.
    assert slugs(find(engine_name, "vergunning ligplaats"))[0] == "ligplaatsvergunning-woonboot"


def test_words_written_apart_meet_the_compound(engine_name, mooring):
    assert slugs(find(engine_name, "woon boot"))[0] == "ligplaatsvergunning-woonboot"
    assert slugs(find(engine_name, "rij bewijs verlengen"))[0] == "rijbewijs-verlengen"


@pytest.mark.parametrize("typo", ["woonbot", "wonboot", "woonbaot", "ligplaatsvergunnnig"])
def test_typos_are_tolerated(engine_name, mooring, typo):
    result = find(engine_name, typo)
    assert "ligplaatsvergunning-woonboot" in slugs(result)[:2]
    assert result.corrected_query


def test_ij_and_y_are_one_letter(engine_name):
    assert slugs(find(engine_name, "rijbewys kwijt"))[0] == "rijbewijs-kwijt-of-gestolen"


def test_prefix_of_a_word_being_typed(engine_name, mooring):
    assert slugs(find(engine_name, "ligplaatsverg"))[0] == "ligplaatsvergunning-woonboot"


def test_did_you_mean_when_nothing_is_found(engine_name, mooring):
    result = find(engine_name, "woonbootjesss")
    assert result.total == 0
    assert result.suggestion and "woonboot" in result.suggestion


def test_nothing_found_without_a_suggestion(engine_name):
    result = find(engine_name, "qqxqzvv")
    assert result.total == 0 and result.hits == [] and result.suggestion is None


def test_editor_synonyms_apply_without_rebuild(engine_name, mooring):
    assert "ligplaatsvergunning-woonboot" not in slugs(find(engine_name, "drijvende woning"))
    Synonym.objects.create(terms="woonboot, drijvende woning, woonark")
    assert slugs(find(engine_name, "drijvende woning"))[0] == "ligplaatsvergunning-woonboot"


def test_one_way_synonyms(engine_name, mooring):
    Synonym.objects.create(terms="woonboot, houseboat", one_way=True)
    assert slugs(find(engine_name, "houseboat"))[0] == "ligplaatsvergunning-woonboot"
    make_product("houseboat-tour", title="Houseboat tour")
    assert "houseboat-tour" not in slugs(find(engine_name, "woonboot"))


@pytest.mark.parametrize("extra_certain_pages", [0, 2])
def test_phrase_synonyms_match_only_adjacent_words(engine_name, extra_certain_pages):
    # PostgreSQL checks phrases only for pages the index cannot decide; with more pages
    # matching without the phrase it checks those pages by id, else in the index scan.
    Synonym.objects.create(terms="zwerfkat, verwilderde kat")
    expected = {make_product("zwerfkat-melden", title="Zwerfkat melden").slug}
    expected.add(make_product("kat-gezien", summary="Een verwilderde kat gezien.").slug)
    make_product("tuin-gezien", summary="Een verwilderde tuin, met een kat erin.")
    for n in range(extra_certain_pages):
        expected.add(make_product(f"zwerfkat-{n}", summary=f"Zwerfkat nummer {n}.").slug)
    result = find(engine_name, "zwerfkat")
    assert set(slugs(result)) == expected and result.total == len(expected)


def test_title_weighs_more_than_body_and_weights_are_editable(engine_name):
    in_title = make_product("kwartel-titel", title="Kwartelkoning melden", summary="Een vogel.")
    in_body = make_product(
        "kwartel-tekst",
        title="Vogels melden",
        summary="Meld een vogel.",
        kcc_answer="Een kwartelkoning, nog een kwartelkoning en weer een kwartelkoning.",
    )
    assert slugs(find(engine_name, "kwartelkoning"))[:2] == [in_title.slug, in_body.slug]
    settings = SearchSettings.load()
    settings.title_weight, settings.keywords_weight, settings.summary_weight = 0.1, 0.1, 0.1
    settings.body_weight = 50
    settings.save()
    assert slugs(find(engine_name, "kwartelkoning"))[:2] == [in_body.slug, in_title.slug]


def test_keywords_weigh_more_than_summary(engine_name):
    make_product("meerkoet-samenvatting", title="Watervogels", summary="Over de meerkoet.")
    make_product("meerkoet-zoekwoord", title="Vogels tellen", keywords="meerkoet")
    assert slugs(find(engine_name, "meerkoet"))[0] == "meerkoet-zoekwoord"


def test_filters_and_facet_counts(engine_name, mooring):
    result = find(engine_name, "woonboot")
    assert result.facets["content_types"] == {"product": 1, "article": 1}
    assert result.facets["services"] == {"burgerzaken": 2}
    only_articles = find(engine_name, "woonboot", filters=SearchFilters(content_types=["article"]))
    assert slugs(only_articles) == ["mag-mijn-woonboot-overal-liggen"]
    assert only_articles.total == 1
    other_service = find(engine_name, "woonboot", filters=SearchFilters(services=["parkeren"]))
    assert other_service.total == 0


def test_facet_counts_leave_out_their_own_filter(engine_name, mooring):
    # Disjunctive facets: the counts of a group apply every filter except that group's own,
    # so after choosing "article" the UI still shows how many products there are.
    only_articles = find(engine_name, "woonboot", filters=SearchFilters(content_types=["article"]))
    assert only_articles.total == 1
    assert only_articles.facets["content_types"] == {"product": 1, "article": 1}
    assert only_articles.facets["services"] == {"burgerzaken": 1}
    # Two groups: each one's counts apply the other's filter; nothing matches both.
    both = find(
        engine_name,
        "woonboot",
        filters=SearchFilters(content_types=["article"], services=["parkeren"]),
    )
    assert both.total == 0 and both.hits == []
    assert both.facets.get("content_types", {}) == {}
    assert both.facets["services"] == {"burgerzaken": 1}


def test_best_bet_that_also_matches_counts_once(engine_name, mooring):
    from wagtail.models import Page

    plain = find(engine_name, "woonboot")
    assert plain.total == 2
    second = Page.objects.get(id=plain.hits[1].page_id)
    BestBet.objects.create(query="woonboot", page=second)
    pinned = find(engine_name, "woonboot", limit=1)
    assert pinned.hits[0].page_id == second.id and pinned.hits[0].best_bet
    assert pinned.total == 2
    assert find(engine_name, "woonboot", limit=1, offset=1).total == 2
    # A best bet the query does not find by itself adds one.
    BestBet.objects.create(
        query="woonboot", page=make_product("bb-elders", title="Hondenbelasting")
    )
    assert find(engine_name, "woonboot", limit=1).total == 3
    assert find(engine_name, "woonboot", limit=1, offset=1).total == 3


def test_best_bets_keep_every_page_within_its_size(engine_name, mooring):
    """`limit` (GraphQL `first`) is a hard bound, and the pages together are the whole list."""
    elsewhere = make_product("bb-grens", title="Hondenbelasting")
    found = find(engine_name, "woonboot", limit=10)
    BestBet.objects.create(query="woonboot", page=elsewhere)
    BestBet.objects.create(query="woonboot", page_id=found.hits[1].page_id, sort_order=1)
    everything = find(engine_name, "woonboot", limit=10)
    ids = [h.page_id for h in everything.hits]
    assert ids == [elsewhere.id, found.hits[1].page_id, found.hits[0].page_id]
    assert everything.total == 3
    for size in (1, 2):
        pages = [find(engine_name, "woonboot", limit=size, offset=o) for o in range(0, 3, size)]
        assert [len(p.hits) for p in pages] == [min(size, 3 - o) for o in range(0, 3, size)]
        assert [h.page_id for p in pages for h in p.hits] == ids


def test_topic_life_event_audience_and_channel_filters(engine_name):
    passport = find(engine_name, "paspoort", filters=SearchFilters(life_events=["op-reis"]))
    assert passport.total > 0
    assert passport.facets["life_events"]["op-reis"] == passport.total
    online = find(engine_name, "paspoort", filters=SearchFilters(channels=["online"]))
    counter = find(engine_name, "paspoort", filters=SearchFilters(channels=["counter"]))
    assert counter.total > online.total >= 0
    topic = find(engine_name, "paspoort", filters=SearchFilters(topics=["afval"]))
    assert topic.total == 0
    audience = find(engine_name, "paspoort", filters=SearchFilters(audiences=["burger"]))
    assert 0 < audience.total <= find(engine_name, "paspoort").total


def test_highlighted_snippets(engine_name, mooring):
    hit = find(engine_name, "gracht")
    texts = {h.page_id: h.highlight for h in hit.hits}
    assert any("<mark>gracht</mark>" in text for text in texts.values())
    assert all("<script" not in text for text in texts.values())


def test_highlight_escapes_html(engine_name):
    make_product(
        "escape-test", title="Zeldzaam <b>vet</b>", summary="Een zeldzaamheid <script>x</script>"
    )
    hit = find(engine_name, "zeldzaam").hits[0]
    assert "<script>" not in hit.highlight and "&lt;script&gt;" in hit.highlight
    assert "<mark>" in hit.title_highlight


def test_drafts_are_not_found(engine_name):
    make_product("concept-test", title="Zeepkistenrace inschrijven", publish=False)
    assert find(engine_name, "zeepkistenrace").total == 0


def test_unpublish_and_delete_remove_from_index(engine_name, mooring):
    product, article = mooring
    product.unpublish()
    assert slugs(find(engine_name, "woonboot")) == [article.slug]
    article.delete()
    assert find(engine_name, "woonboot").total == 0


def test_publish_changes_are_indexed(engine_name, mooring):
    product, _ = mooring
    product.title = "Ligplaatsvergunning voor een woonboot of kajuitzeiler"
    product.save_revision().publish()
    assert slugs(find(engine_name, "kajuitzeiler")) == [product.slug]


def test_private_pages_are_not_found(engine_name, mooring):
    from wagtail.models import PageViewRestriction

    product, _ = mooring
    PageViewRestriction.objects.create(page=product, restriction_type="login")
    assert product.slug not in slugs(find(engine_name, "woonboot"))


def test_moved_pages_get_their_new_url(engine_name, mooring):
    from factories import section_for

    product, _ = mooring
    target = section_for(Service.objects.get(slug="parkeren"))
    product.move(target, pos="last-child")
    sync(engine_name)
    # The index keeps the CMS path (answers get the website's URL from the page at search time).
    request = SearchRequest("ligplaatsvergunning", limit=1, with_facets=False)
    hit = get_engine(engine_name).search(request).hits[0]
    assert hit.url.startswith("/producten/parkeren/") and hit.url.endswith(f"/{product.slug}/")


def test_renamed_service_reindexes_its_pages(engine_name, mooring):
    parking = Service.objects.get(slug="burgerzaken")
    parking.name = "Burgerzaken en Havenmeester"
    parking.save()
    assert (
        find(engine_name, "havenmeester", limit=50).total
        == find(
            engine_name, "burgerzaken", filters=SearchFilters(services=["burgerzaken"]), limit=50
        ).total
    )
    assert "ligplaatsvergunning-woonboot" in slugs(find(engine_name, "havenmeester woonboot"))


def test_pagination(engine_name):
    first = find(engine_name, "paspoort", limit=3)
    second = find(engine_name, "paspoort", limit=3, offset=3)
    assert len(first.hits) == 3 and len(second.hits) == 3
    assert not {h.page_id for h in first.hits} & {h.page_id for h in second.hits}
    assert first.total == second.total > 6


@pytest.mark.parametrize(
    "text",
    [
        '"*():^-NEAR',
        "paspoort AND NOT",
        "title:paspoort",
        "NEAR(paspoort kwijt, 2)",
        "paspoort*",
        "{title}: x",
        "'; DROP TABLE pdcsearch_term; --",
        "\x00paspoort\x1f",
        "💥 paspoort ☃",
    ],
)
def test_query_syntax_is_never_interpreted(engine_name, text):
    result = find(engine_name, text)
    assert result.total >= 0
    if "paspoort" in text:
        assert result.total > 0


def test_suggest_completes_titles_and_words(engine_name, mooring):
    sync(engine_name)
    suggestions = service.suggest("ligpl", engine_name=engine_name)
    assert suggestions[0].text == "Ligplaatsvergunning voor een woonboot"
    assert suggestions[0].kind == "title"
    words = [s.text for s in service.suggest("woonbo", engine_name=engine_name) if s.kind == "term"]
    assert any(w.startswith("woonbo") for w in words)
    assert service.suggest("", engine_name=engine_name) == []
    assert service.suggest('"*(', engine_name=engine_name) == []


def terms(engine_name, prefix):
    return [s.text for s in service.suggest(prefix, engine_name=engine_name) if s.kind == "term"]


def test_suggest_completes_only_phrases_that_find_something(engine_name, mooring):
    # "grasmaaier" starts like "gracht" but never meets "woonboot": no completion to it.
    make_article("grasmaaier-lenen", title="Een grasmaaier lenen", summary="Bij de buurthuizen.")
    sync(engine_name)
    completions = terms(engine_name, "woonboot gra")
    assert "woonboot gracht" in completions
    assert "woonboot grasmaaier" not in completions
    assert "grasmaaier" in terms(engine_name, "gras"), "one word: every indexed word continues it"


def test_suggest_does_not_continue_after_a_misspelt_word(engine_name, mooring):
    sync(engine_name)
    assert terms(engine_name, "woonbot gr") == []
    assert service.suggest("woonbot gr", engine_name=engine_name) == []


def test_suggest_keeps_a_finished_stop_word(engine_name, mooring):
    # Search ignores "de"; turning it into another word would change what is searched for.
    make_article("woonboot-debet", title="Debet en credit van uw woonboot", summary="Woonboot.")
    sync(engine_name)
    assert terms(engine_name, "woonboot de") == []
    assert "debet" in terms(engine_name, "debe")


def test_article_only_content(engine_name):
    make_article("bruggen-open", title="Wanneer gaat de ophaalbrug open?", summary="Elk uur.")
    assert slugs(find(engine_name, "ophaalbrug")) == ["bruggen-open"]


@pytest.mark.parametrize("text", ["woonboot", "0", "woonbot kajuit"])
@pytest.mark.parametrize("value", ['"', 'a"b', "a|b", "x OR y"])
def test_filter_values_with_query_syntax_match_nothing(engine_name, mooring, text, value):
    result = find(engine_name, text, filters=SearchFilters(audiences=[value]))
    assert result.hits == []
