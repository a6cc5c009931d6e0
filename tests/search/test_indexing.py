"""Index maintenance: transactions, rebuild, the outbox and the fallback with a failing engine."""

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from factories import make_article, make_product

from search import engines, indexer, service
from search.documents import count_live
from search.engines.base import EngineHit, EngineResult, EngineUnavailable, SearchEngine
from search.models import IndexedDocument, OutboxEntry, Term

pytestmark = pytest.mark.django_db


def titles(text, **kwargs):
    return [h.title for h in service.search(text, log=False, **kwargs).hits]


def test_index_changes_commit_and_roll_back_with_the_content():
    with pytest.raises(RuntimeError), transaction.atomic():
        make_product("rollback-test", title="Zeepkistenrace aanmelden")
        assert titles("zeepkistenrace") == ["Zeepkistenrace aanmelden"]
        raise RuntimeError("editor's save fails")
    assert titles("zeepkistenrace") == []
    assert not Term.objects.filter(term="zeepkistenrac").exists()


def test_vocabulary_counts_follow_publish_and_unpublish():
    page = make_product("telling-test", title="Kwakkelweer melden")
    term = Term.objects.get(word="kwakkelweer")
    assert term.documents == 1
    page.unpublish()
    assert not Term.objects.filter(term=term.term).exists()


def test_rebuild_command_indexes_every_live_page_with_a_progress_bar():
    IndexedDocument.objects.all().delete()
    out = io.StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert IndexedDocument.objects.count() == count_live()
    assert "documenten" in out.getvalue() and "[" in out.getvalue()
    assert titles("paspoort kwijt")[0] == "Paspoort of ID-kaart kwijt of gestolen"


class FlakyEngine(SearchEngine):
    """An external engine that can be switched off, keeping its index in memory."""

    name = "flaky"
    transactional = False

    def __init__(self):
        self.documents = {}
        self.down = False

    def _check(self):
        if self.down:
            raise EngineUnavailable("verbinding geweigerd")

    def index_documents(self, documents):
        self._check()
        self.documents.update({d.page_id: d for d in documents})

    def remove_documents(self, page_ids):
        self._check()
        for page_id in page_ids:
            self.documents.pop(page_id, None)

    def rebuild(self, documents, total, progress):
        self._check()
        self.documents = {d.page_id: d for d in documents}
        return len(self.documents)

    def search(self, request):
        self._check()
        words = request.text.lower().split()
        hits = [
            EngineHit(d.page_id, d.content_type, d.title, d.summary, d.url, 1.0)
            for d in self.documents.values()
            if all(w in d.title.lower() for w in words)
        ]
        return EngineResult(hits=hits[: request.limit], total=len(hits), engine=self.name)

    def suggest(self, prefix, limit=8):
        self._check()
        return []

    def document_count(self):
        return len(self.documents)


@pytest.fixture
def flaky(monkeypatch):
    engine = FlakyEngine()
    monkeypatch.setitem(engines.ENGINES, "flaky", "unused.path")
    monkeypatch.setitem(engines._instances, "flaky", engine)
    with override_settings(SEARCH_ENGINE="flaky"):
        yield engine


def test_outbox_keeps_updates_while_the_engine_is_down(flaky, django_capture_on_commit_callbacks):
    flaky.down = True
    with django_capture_on_commit_callbacks(execute=True):
        page = make_product("outbox-test", title="Kraamzorg aanvragen")
    pending = OutboxEntry.objects.filter(engine="flaky", page_id=page.id)
    assert pending.exists() and pending.first().attempts >= 1 and pending.first().last_error
    assert page.id not in flaky.documents

    # Meanwhile searches fall back to the database engine, marked degraded.
    result = service.search("kraamzorg", log=False)
    assert result.degraded and result.hits[0].title == "Kraamzorg aanvragen"

    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
        make_article("outbox-artikel", title="Kraamzorg na de bevalling")
    assert OutboxEntry.objects.filter(engine="flaky").count() >= 3

    flaky.down = False
    sent = indexer.process_outbox()
    assert sent >= 3 and not OutboxEntry.objects.filter(engine="flaky").exists()
    assert page.id not in flaky.documents  # the later unpublish won over the publish
    assert "Kraamzorg na de bevalling" in [d.title for d in flaky.documents.values()]
    result = service.search("kraamzorg", log=False)
    assert not result.degraded and result.engine == "flaky"


def test_database_engine_stays_current_next_to_an_external_engine(flaky):
    make_product("naast-extern", title="Snippertijd registreren")
    assert IndexedDocument.objects.filter(title="Snippertijd registreren").exists()
    assert OutboxEntry.objects.filter(engine="flaky").exists()


def test_drain_outbox_command(flaky):
    make_product("commando-test", title="Ooievaarsnest melden")
    out = io.StringIO()
    call_command("drain_search_outbox", stdout=out)
    assert "Verstuurd: " in out.getvalue() and "Wachtend: 0" in out.getvalue()
    assert any(d.title == "Ooievaarsnest melden" for d in flaky.documents.values())
