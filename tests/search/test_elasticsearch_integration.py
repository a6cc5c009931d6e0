"""The Elasticsearch engine against a real cluster (8.x): set ELASTICSEARCH_URL to run these.

    ELASTICSEARCH_URL=http://localhost:9200 .venv/bin/python -m pytest -m elasticsearch

Each test works under its own alias (`pdc-it-<pid>`) and deletes it afterwards.
The shared behaviour (stemming, typos, synonyms, facets...) is in test_conformance.py.
"""

import dataclasses
import os

import pytest
from factories import make_product

from search import engines, indexer, outbox, service
from search.documents import build_documents, count_live
from search.engines import elasticsearch as es
from search.models import OutboxEntry

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.elasticsearch,
    pytest.mark.skipif(
        not os.environ.get("ELASTICSEARCH_URL"), reason="ELASTICSEARCH_URL is not set"
    ),
]


@pytest.fixture
def engine(settings):
    settings.SEARCH_ENGINE = "elasticsearch"
    settings.ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
    settings.ELASTICSEARCH_INDEX = f"pdc-it-{os.getpid()}"
    settings.ELASTICSEARCH_REPLICAS = 0
    settings.ELASTICSEARCH_RETRY_SECONDS = 0
    engines.reset()
    engine = engines.get_engine("elasticsearch")
    indexer.rebuild(engine=engine)
    engine.refresh()
    yield engine
    engine.drop()
    engines.reset()


def tokens(engine, analyzer, text):
    response = engine.client.indices.analyze(index=engine.alias, analyzer=analyzer, text=text)
    return [t["token"] for t in response["tokens"]]


def test_dutch_analysis_in_the_cluster(engine):
    search = "pdc_dutch_search"
    assert tokens(engine, search, "rijbewys") == tokens(engine, search, "Rijbewijs")
    assert tokens(engine, search, "aanvragen") == tokens(engine, search, "aanvraag")
    assert tokens(engine, search, "Café") == tokens(engine, search, "cafe")
    assert tokens(engine, search, "hoe de het een") == []
    dictionary = set(es.decompound_words(es.content_vocabulary(), 20_000))
    parts = [p for p in ("afval", "container", "vergunning", "ligplaats") if p in dictionary]
    assert parts  # the demo's vocabulary feeds the decompounder
    compound = set(tokens(engine, "pdc_dutch", "".join(parts)))
    assert set(tokens(engine, search, " ".join(parts))) <= compound
    assert "pasp" in tokens(engine, "pdc_autocomplete", "Paspoort")


def test_the_index_holds_every_live_page(engine):
    assert engine.document_count() == count_live()
    aliases = engine.client.indices.get_alias(name=engine.alias).body
    assert len(aliases) == 1 and es.is_generation_of(engine.alias, next(iter(aliases)))


def test_rebuild_swaps_the_alias_and_drops_the_old_index(engine):
    before = set(engine.client.indices.get_alias(name=engine.alias).body)
    indexer.rebuild(engine=engine)
    after = set(engine.client.indices.get_alias(name=engine.alias).body)
    assert len(after) == 1 and after != before
    existing = engine.client.indices.get(index=f"{engine.alias}-*").body
    assert set(existing) == after  # the old generation is gone
    assert not engine.client.indices.exists_alias(name=es.building_alias(engine.alias))
    assert service.search("paspoort", log=False).total > 0


def test_updates_during_a_rebuild_are_kept(engine, monkeypatch):
    stale = list(build_documents())  # what the rebuild read, before the updates below
    changed = dataclasses.replace(stale[-1], title="Kwartelkoningvergunning")
    removed = stale[-2]
    monkeypatch.setattr(es, "BULK_BATCH", 20)
    calls = []

    def progress(done):
        if not calls:  # the updates arrive while the new index is half full
            engine.index_documents([changed])
            engine.remove_documents([removed.page_id])
        calls.append(done)

    engine.rebuild(stale, len(stale), progress)
    engine.refresh()
    assert len(calls) > 1
    found = service.search("kwartelkoningvergunning", log=False)
    assert [h.page_id for h in found.hits] == [changed.page_id]
    hits = service.search(removed.title, log=False, limit=50).hits
    assert removed.page_id not in [h.page_id for h in hits]
    assert engine.document_count() == len(stale) - 1


def test_outbox_catches_up_when_the_cluster_returns(engine, settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    page = make_product("kajuitzeilervergunning", title="Kajuitzeilervergunning aanvragen")
    outbox.drain()
    assert OutboxEntry.objects.filter(page_id=page.id).exists()
    degraded = service.search("kajuitzeilervergunning", log=False)
    assert degraded.degraded and degraded.total == 1
    settings.ELASTICSEARCH_URL = os.environ["ELASTICSEARCH_URL"]
    assert outbox.drain() >= 1
    engine.refresh()
    assert not OutboxEntry.objects.filter(page_id=page.id).exists()
    result = service.search("kajuitzeilervergunning", log=False)
    assert not result.degraded and result.engine == "elasticsearch"
    assert [h.page_id for h in result.hits] == [page.id]


def test_bulk_writes_refuse_to_create_an_index(engine, settings):
    settings.ELASTICSEARCH_INDEX = f"pdc-it-missing-{os.getpid()}"
    with pytest.raises(engines.EngineUnavailable):
        engine.index_documents(list(build_documents())[:1])
    assert not engine.client.indices.exists(index=settings.ELASTICSEARCH_INDEX)
