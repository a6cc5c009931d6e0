"""KCC reports as editors' tasks, review reminders by e-mail, and the link check."""

import io
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from factories import make_product
from gov_support import client_for, make_user
from wagtail.models import ModelLogEntry

from catalogue.models import LegalBasis, ProductChannel, ProductPage, Service
from cms.feedback import report_feedback
from cms.models import CheckedLink, ContentFeedback, LinkUsage
from cms.quality import LINKS, assess

pytestmark = pytest.mark.django_db


# --- Feedback from the KCC ------------------------------------------------------------------


def test_report_feedback_goes_to_the_pages_service(agent, burgerzaken_section):
    page = make_product("test-melding", "burgerzaken")
    feedback = report_feedback(
        "wrong", page=page, query="paspoort kwijt", remark="Tarief klopt niet", user=agent
    )
    assert feedback.service == Service.objects.get(slug="burgerzaken")
    assert feedback.status == ContentFeedback.Status.OPEN and feedback.created_by == agent
    with pytest.raises(ValueError):
        report_feedback("boos", query="x")


def test_feedback_listing_per_service_with_filters(
    editor, final_editor, agent, burgerzaken_section
):
    bz = Service.objects.get(slug="burgerzaken")
    bel = Service.objects.get(slug="belastingen")
    report_feedback("missing", service=bz, query="rijbewys verlengen buitenland")
    report_feedback("wrong", service=bz, query="uittreksel kosten")
    report_feedback("missing", service=bel, query="hondenbelasting kwijtschelding")
    url = reverse("cms_feedback:index")

    body = client_for(Client, editor).get(url).content.decode()
    assert "rijbewys verlengen buitenland" in body and "uittreksel kosten" in body
    assert "hondenbelasting" not in body  # another service's task

    filtered = client_for(Client, editor).get(url, {"kind": "missing"}).content.decode()
    assert "rijbewys verlengen buitenland" in filtered and "uittreksel kosten" not in filtered

    everything = client_for(Client, final_editor).get(url).content.decode()
    assert "hondenbelasting" in everything
    by_service = client_for(Client, final_editor).get(url, {"service": bel.pk}).content.decode()
    assert "hondenbelasting" in by_service and "rijbewys" not in by_service

    response = client_for(Client, agent).get(url)
    assert response.status_code == 302  # the agent has no admin; reports come from the console


def test_editor_handles_a_report(editor, other_editor, burgerzaken_section):
    feedback = report_feedback(
        "missing", service=Service.objects.get(slug="burgerzaken"), query="naam wijzigen"
    )
    url = reverse("cms_feedback:edit", args=(feedback.pk,))
    data = {
        "status": "handled",
        "kind": "missing",
        "response": "Artikel toegevoegd.",
        "service": feedback.service_id,
        "page": "",
        "query": feedback.query,
        "remark": "",
    }
    assert client_for(Client, other_editor).post(url, data).status_code in (302, 403, 404)
    feedback.refresh_from_db()
    assert feedback.status == "open"
    response = client_for(Client, editor).post(url, data)
    assert response.status_code == 302, response.content.decode()[:1500]
    feedback.refresh_from_db()
    assert feedback.status == "handled" and feedback.handled_by == editor
    assert feedback.handled_at is not None
    assert ModelLogEntry.objects.filter(object_id=str(feedback.pk), action="wagtail.edit").exists()


# --- Review reminders -----------------------------------------------------------------------


def test_review_reminders_mail_owner_and_service_editors(
    django_user_model, burgerzaken_section, settings
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    ProductPage.objects.update(review_date=timezone.localdate() + timedelta(days=365))
    from catalogue.models import KnowledgeArticlePage

    KnowledgeArticlePage.objects.update(review_date=None)
    owner = make_user(django_user_model, "eigenaar")
    colleague = make_user(django_user_model, "collega-bz", "Redacteur Burgerzaken")
    owned = make_product(
        "test-eigenaar",
        "burgerzaken",
        title="Product met eigenaar",
        content_owner=owner,
        review_date=timezone.localdate() - timedelta(days=3),
    )
    orphan = make_product(
        "test-zonder-eigenaar",
        "burgerzaken",
        title="Product zonder eigenaar",
        review_date=timezone.localdate() + timedelta(days=5),
    )
    make_product(
        "test-later",
        "burgerzaken",
        title="Product voor later",
        content_owner=owner,
        review_date=timezone.localdate() + timedelta(days=60),
    )
    mail.outbox = []
    call_command("send_review_reminders", stdout=io.StringIO())
    by_recipient = {m.to[0]: m for m in mail.outbox}
    assert set(by_recipient) == {owner.email, colleague.email}
    owner_mail = by_recipient[owner.email]
    assert "Product met eigenaar" in owner_mail.body
    assert "over de datum" in owner_mail.body
    assert reverse("wagtailadmin_pages:edit", args=(owned.pk,)) in owner_mail.body
    assert "Product voor later" not in owner_mail.body
    assert "Product zonder eigenaar" in by_recipient[colleague.email].body
    assert owner_mail.subject == "Nakijken: 1 pagina('s), waarvan 1 over de datum"
    assert orphan.pk  # sent to the service's editors instead

    mail.outbox = []
    call_command("send_review_reminders", "--dry-run", stdout=io.StringIO())
    assert mail.outbox == []


# --- Link check against a local server ------------------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    def _answer(self, with_body: bool) -> None:
        if self.path == "/ok":
            status = 200
        elif self.path == "/no-head" and self.command == "HEAD":
            status = 405
        elif self.path == "/no-head":
            status = 200
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
            self.end_headers()
            return
        else:
            status = 404
        self.send_response(status)
        self.send_header("Content-Length", "2")
        self.end_headers()
        if with_body:
            self.wfile.write(b"ok")

    def do_HEAD(self):  # noqa: N802
        self._answer(False)

    def do_GET(self):  # noqa: N802
        self._answer(True)

    def log_message(self, *args):
        pass


@pytest.fixture
def local_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_check_links_finds_broken_links(local_server, burgerzaken_section, admin_client):
    page = make_product(
        "test-links",
        "burgerzaken",
        kcc_answer=f"Zie [het formulier]({local_server}/no-head) of {local_server}/moved.",
        web_body=f'<p>Lees <a href="{local_server}/weg">meer</a>.</p>',
    )
    page.channels = [ProductChannel(kind="online", form_url=f"{local_server}/ok")]
    page.legal_bases = [LegalBasis(label="Testwet", url=f"{local_server}/ook-weg")]
    page.save_revision().publish()

    out = io.StringIO()
    call_command("check_links", "--host", "127.0.0.1", "--timeout", "5", stdout=out)
    results = {
        link.url.removeprefix(local_server): link
        for link in CheckedLink.objects.all()
        if link.url.startswith(local_server)
    }
    assert {path for path, link in results.items() if link.ok} == {"/ok", "/no-head", "/moved"}
    assert {path: link.status_code for path, link in results.items() if not link.ok} == {
        "/weg": 404,
        "/ook-weg": 404,
    }
    assert results["/weg"].broken_since is not None
    # Links elsewhere were recorded but not checked (no internet needed).
    assert (
        CheckedLink.objects.exclude(url__startswith=local_server)
        .filter(checked_at__isnull=False)
        .count()
        == 0
    )

    usage = LinkUsage.objects.get(link=results["/ook-weg"])
    assert usage.page_id == page.pk and usage.field == "Wettelijke grondslag \u201cTestwet\u201d"
    issues = [i.message for i in assess(ProductPage.objects.get(pk=page.pk)).of(LINKS)]
    assert f"Tekst website: de link {local_server}/weg werkt niet (HTTP 404)." in issues
    assert len(issues) == 2
    body = admin_client.get(reverse("cms_dashboard")).content.decode()
    assert "<strong>2</strong> kapotte links" in body

    # Fixed in the content: the next run forgets the old link.
    page.legal_bases = []
    page.web_body = "<p>Zonder link.</p>"
    page.save_revision().publish()
    call_command("check_links", "--host", "127.0.0.1", stdout=out)
    assert not CheckedLink.objects.filter(ok=False, url__startswith=local_server).exists()


# --- Proposals to another service -----------------------------------------------------------


def test_editor_proposes_change_to_other_service(editor, other_editor, burgerzaken_section):
    page = make_product("test-voorstel", "burgerzaken", title="Voorstel-product")
    url = reverse("cms_proposal")
    form = client_for(Client, other_editor).get(reverse("cms_proposal_for", args=(page.pk,)))
    assert form.status_code == 200 and "Voorstel-product" in form.content.decode()
    # Its own editors edit the page instead of proposing.
    response = client_for(Client, editor).post(url, {"page": page.pk, "remark": "Zelf doen"})
    assert response.status_code == 200 and "kunt u zelf bewerken" in response.content.decode()

    response = client_for(Client, other_editor).post(
        url, {"page": page.pk, "remark": "De leges zijn per 1 januari verhoogd naar € 77,00."}
    )
    assert response.status_code == 302
    proposal = ContentFeedback.objects.get(kind="proposal", page=page)
    assert proposal.service.slug == "burgerzaken" and proposal.created_by == other_editor
    tasks = client_for(Client, editor).get(reverse("cms_feedback:index")).content.decode()
    assert "Voorstel tot wijziging" in tasks and "Voorstel-product" in tasks
    # The page itself is unchanged: the owning editors act on the proposal.
    assert ProductPage.objects.get(pk=page.pk).get_latest_revision_as_object().title == (
        "Voorstel-product"
    )
