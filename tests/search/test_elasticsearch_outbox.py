"""With Elasticsearch down, nothing is lost: updates wait in the outbox, searches fall back.

The outage is real: the client talks to a closed local port (connection refused). The
recovery is played by a small stand-in HTTP server on this machine that speaks the few
endpoints a drain uses (`HEAD /_alias`, `POST /_bulk`) and records what it receives; against a
real cluster the same story runs in test_elasticsearch_integration.py.
"""

import io
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from factories import make_product

from search import engines, outbox, service
from search.engines.base import EngineUnavailable
from search.models import OutboxEntry, SearchLog

pytestmark = pytest.mark.django_db

CLOSED_PORT = "http://127.0.0.1:9"


class StandIn:
    """A stand-in for an Elasticsearch node: records bulk requests, can fail on demand."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str]] = []
        self.bulks: list[list[dict]] = []
        self.fail_next = 0  # answer this many requests with 503
        self.route = None  # optional (method, path, body) -> (status, payload) | None
        self.bodies: list[str] = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _answer(self, status: int, payload: dict | None) -> None:
                data = json.dumps(payload).encode() if payload is not None else b""
                self.send_response(status)
                self.send_header("X-Elastic-Product", "Elasticsearch")
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(data)

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode() if length else ""
                owner.requests.append((self.command, self.path))
                if owner.fail_next:
                    owner.fail_next -= 1
                    error = {"type": "unavailable", "reason": "stand-in outage"}
                    return self._answer(503, {"error": error, "status": 503})
                owner.bodies.append(body)
                path = self.path.split("?")[0]
                answer = owner.route(self.command, path, body) if owner.route else None
                if answer is not None:
                    return self._answer(*answer)
                if path.startswith("/_alias/"):
                    return self._answer(404, None)
                if path.endswith("/_bulk"):
                    lines = [json.loads(line) for line in body.splitlines() if line.strip()]
                    owner.bulks.append(lines)
                    items = []
                    for line in lines:
                        action = next(iter(line))
                        if action in ("index", "create", "delete"):
                            meta = line[action]
                            status = 200 if action != "delete" else 404
                            items.append({action: {"_id": meta["_id"], "status": status}})
                    return self._answer(200, {"took": 1, "errors": False, "items": items})
                if self.command in ("HEAD", "GET"):
                    return self._answer(404, {"error": {"type": "not_found"}, "status": 404})
                return self._answer(200, {"acknowledged": True})

            do_GET = do_POST = do_PUT = do_HEAD = do_DELETE = _handle

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self):
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def operations(self) -> list[tuple[str, int, dict | None]]:
        """(action, page id, source) of every bulk operation received, in order."""
        found = []
        for lines in self.bulks:
            i = 0
            while i < len(lines):
                action = next(iter(lines[i]))
                source = lines[i + 1] if action != "delete" else None
                found.append((action, int(lines[i][action]["_id"]), source))
                i += 1 if action == "delete" else 2
        return found


@pytest.fixture
def elasticsearch_down(settings):
    settings.SEARCH_ENGINE = "elasticsearch"
    settings.ELASTICSEARCH_URL = CLOSED_PORT
    settings.ELASTICSEARCH_INDEX = "pdc-search-outbox-test"
    settings.ELASTICSEARCH_RETRY_SECONDS = 0
    engines.reset()
    yield settings
    engines.reset()


def pending():
    return [(e.page_id, e.action) for e in OutboxEntry.objects.filter(engine="elasticsearch")]


def test_updates_wait_while_elasticsearch_is_down_and_catch_up(
    elasticsearch_down, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        kept = make_product("boeiensteiger-huren", title="Boeiensteiger huren")
    assert callbacks, "the drain runs after commit"
    with django_capture_on_commit_callbacks(execute=True):
        gone = make_product("vlonder-melden", title="Vlonder melden")
    with django_capture_on_commit_callbacks(execute=True):
        gone.unpublish()

    # The content changes were committed; their index updates wait, with the error.
    assert (kept.id, "index") in pending() and (gone.id, "remove") in pending()
    entries = OutboxEntry.objects.filter(engine="elasticsearch")
    assert all(e.attempts >= 1 and e.last_error for e in entries)
    # The database engine has them at once, and searches fall back to it.
    result = service.search("boeiensteiger", log=False)
    assert result.degraded and result.engine == "database"
    assert [h.page_id for h in result.hits] == [kept.id]

    # Elasticsearch returns: a periodic drain sends everything in bulk and empties the outbox.
    with StandIn() as node:
        elasticsearch_down.ELASTICSEARCH_URL = node.url
        out = io.StringIO()
        call_command("drain_search_outbox", stdout=out)
    assert pending() == []
    assert "Wachtend: 0" in out.getvalue()
    operations = node.operations()
    sent = {(action, page_id) for action, page_id, _ in operations}
    assert ("index", kept.id) in sent and ("delete", gone.id) in sent
    assert ("index", gone.id) not in sent  # only the latest state of a page is sent
    source = next(s for a, p, s in operations if (a, p) == ("index", kept.id))
    assert source["title"] == "Boeiensteiger huren" and source["content_type"] == "product"
    # One bulk request for the pages to index, one for those to remove: not one per row.
    assert [{next(iter(line)) for line in bulk[::2]} for bulk in node.bulks] == [
        {"index"},
        {"delete"},
    ]
    bulk_paths = [path for method, path in node.requests if "_bulk" in path]
    assert all("require_alias=true" in path for path in bulk_paths)


def test_a_rolled_back_change_leaves_no_outbox_row(elasticsearch_down):
    with pytest.raises(RuntimeError), transaction.atomic():
        page = make_product("teruggedraaid", title="Teruggedraaid product")
        assert (page.id, "index") in pending()  # written in the content's transaction
        raise RuntimeError("rollback")
    assert pending() == []


def test_a_failing_drain_keeps_rows_for_the_next_one(elasticsearch_down):
    page = make_product("steiger-twee", title="Tweede steiger")
    with StandIn() as node:
        elasticsearch_down.ELASTICSEARCH_URL = node.url
        node.fail_next = 10  # the node answers 503 for a while
        assert outbox.drain() == 0
        assert (page.id, "index") in pending()
        attempts = OutboxEntry.objects.get(page_id=page.id).attempts
        assert attempts >= 1 and "503" in OutboxEntry.objects.get(page_id=page.id).last_error
        node.fail_next = 0
        assert outbox.drain() >= 1
    assert pending() == []
    assert ("index", page.id) in {(a, p) for a, p, _ in node.operations()}


def test_drain_reports_the_backlog_and_fails_monitoring_when_too_old(elasticsearch_down):
    make_product("steiger-drie", title="Derde steiger")
    out = io.StringIO()
    call_command("drain_search_outbox", "--status", stdout=out)
    assert "Wachtend: 1" in out.getvalue()
    OutboxEntry.objects.update(created_at=OutboxEntry.objects.first().created_at.replace(year=2000))
    with pytest.raises(CommandError, match="loopt achter"):
        call_command("drain_search_outbox", "--max-age", "60", stdout=io.StringIO())
    status = outbox.backlog()
    assert status.pending == 1 and status.oldest_age_seconds > 60 and status.last_error


def test_search_and_suggest_fall_back_and_the_log_says_degraded(elasticsearch_down):
    result = service.search("paspoort kwijt", channel="kcc")
    assert result.degraded and result.total > 0 and result.engine == "database"
    assert SearchLog.objects.get(id=result.log_id).degraded is True
    assert service.suggest("paspo")
    with pytest.raises(EngineUnavailable):
        engines.get_engine("elasticsearch").suggest("paspo")


def test_without_a_url_the_engine_is_unavailable(elasticsearch_down):
    elasticsearch_down.ELASTICSEARCH_URL = ""
    with pytest.raises(EngineUnavailable, match="ELASTICSEARCH_URL"):
        engines.get_engine("elasticsearch").document_count()
    assert service.search("paspoort", log=False).degraded


def test_after_a_failure_requests_skip_the_cluster_for_a_while(elasticsearch_down):
    elasticsearch_down.ELASTICSEARCH_RETRY_SECONDS = 60
    with StandIn() as node:
        elasticsearch_down.ELASTICSEARCH_URL = node.url
        node.fail_next = 100
        assert service.search("paspoort", log=False).degraded
        tried = len(node.requests)
        assert tried >= 1
        assert service.search("paspoort", log=False).degraded
        assert service.suggest("paspo")
        assert len(node.requests) == tried  # answered by the database without waiting
        node.fail_next = 0
        make_product("steiger-vier", title="Vierde steiger")
        assert outbox.drain() >= 1  # an explicit drain tries again at once
    assert pending() == []


def test_the_api_marks_answers_degraded_instead_of_failing(elasticsearch_down, client):
    query = """{ search(query: "paspoort kwijt", channel: KCC) { total degraded hits { title } }
                 suggest(prefix: "paspo") { text } }"""
    response = client.post("/graphql/", {"query": query}, content_type="application/json")
    assert response.status_code == 200
    data = response.json()["data"]
    assert data["search"]["degraded"] is True and data["search"]["total"] > 0
    assert data["search"]["hits"][0]["title"] and data["suggest"]
