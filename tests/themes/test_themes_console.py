"""The KCC console's server side: access, the page, reports to editors, logging, error pages."""

import json

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.test import Client
from wagtail.models import Site

from catalogue.models import KnowledgeArticlePage, ProductPage
from cms.models import ContentFeedback
from cms.roles import FINAL_EDITOR_GROUP, KCC_GROUP
from themes.models import ConsoleAction, ThemeSettings

PASSWORD = "geheim-wachtwoord-123"


def make_user(django_user_model, username, *groups):
    user = django_user_model.objects.create_user(username, f"{username}@example.nl", PASSWORD)
    user.groups.set(Group.objects.filter(name__in=groups))
    assert user.groups.count() == len(groups), "role groups missing: did setup_roles run?"
    return user


@pytest.fixture
def agent(db, django_user_model):
    return make_user(django_user_model, "kcc-agent", KCC_GROUP)


@pytest.fixture
def agent_client(client, agent):
    client.force_login(agent)
    return client


def post_json(client, url, data):
    return client.post(url, json.dumps(data), content_type="application/json")


def test_anonymous_is_sent_to_the_login_page(client, db):
    response = client.get("/kcc/")
    assert response.status_code == 302
    assert response["Location"].startswith("/kcc/inloggen/?next=/kcc/")


def test_login_page_is_themed_and_logs_an_agent_in(client, agent):
    page = client.get("/kcc/inloggen/")
    assert page.status_code == 200
    html = page.content.decode()
    assert '<label for="id_username">Gebruikersnaam</label>' in html
    assert "--theme-primary:" in html
    response = client.post(
        "/kcc/inloggen/", {"username": "kcc-agent", "password": PASSWORD, "next": "/kcc/"}
    )
    assert response.status_code == 302 and response["Location"] == "/kcc/"
    bad = Client().post("/kcc/inloggen/", {"username": "kcc-agent", "password": "fout"})
    assert bad.status_code == 200 and 'role="alert"' in bad.content.decode()


def test_an_editor_is_refused_with_a_themed_403(client, django_user_model):
    editor = make_user(django_user_model, "eindredacteur", FINAL_EDITOR_GROUP)
    client.force_login(editor)
    response = client.get("/kcc/")
    assert response.status_code == 403
    html = response.content.decode()
    assert "Geen toegang" in html and "KCC-medewerker" in html
    assert "--theme-primary:" in html


def test_superuser_without_the_kcc_role_is_refused(admin_client):
    assert admin_client.get("/kcc/").status_code == 403


def test_console_page_for_an_agent(agent_client, agent):
    response = agent_client.get("/kcc/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert 'id="q"' in html and "autofocus" in html and 'role="combobox"' in html
    assert '<label id="q-label" class="search-label" for="q">' in html
    config = response.context["console_config"]
    assert '<script id="console-config" type="application/json">' in html
    assert config["graphqlUrl"] == "/graphql/"
    assert config["feedbackUrl"] == "/kcc/melding/"
    pytest.importorskip("api.tokens")
    from api.tokens import authenticate

    token = authenticate(config["token"])
    assert token is not None and token.user == agent and token.role == "kcc"


def test_feedback_reaches_the_responsible_service(agent_client, agent):
    product = ProductPage.objects.live().get(slug="paspoort-id-kaart-kwijt")
    response = post_json(
        agent_client,
        "/kcc/melding/",
        {
            "kind": "missing",
            "type": "product",
            "slug": product.slug,
            "query": "paspoort kwijt 1234 AB",
            "remark": "Wat als het in het buitenland is gestolen?",
        },
    )
    assert response.status_code == 201, response.content
    report = ContentFeedback.objects.get(pk=response.json()["id"])
    assert report.page_id == product.pk
    assert report.service == product.responsible_service
    assert response.json()["service"] == product.responsible_service.name
    assert report.query == "paspoort kwijt [postcode]"  # nothing that could identify a citizen
    assert report.remark.startswith("Wat als")
    assert report.created_by == agent
    assert report.status == ContentFeedback.Status.OPEN


def test_feedback_without_an_answer_shown(agent_client):
    response = post_json(agent_client, "/kcc/melding/", {"kind": "missing", "query": "hondenpoep"})
    assert response.status_code == 201
    report = ContentFeedback.objects.get(pk=response.json()["id"])
    assert report.page is None and report.query == "hondenpoep"


@pytest.mark.parametrize(
    "body, status",
    [
        ({"kind": "onzin"}, 400),
        ({"kind": "wrong", "type": "product", "slug": "bestaat-niet"}, 404),
        ({"kind": "wrong", "type": "page", "slug": "x"}, 400),
        ({"kind": "wrong", "remark": ["geen", "tekst"]}, 400),
    ],
)
def test_feedback_rejects_bad_input(agent_client, body, status):
    before = ContentFeedback.objects.count()
    assert post_json(agent_client, "/kcc/melding/", body).status_code == status
    assert ContentFeedback.objects.count() == before


def test_feedback_rejects_malformed_json_and_get(agent_client):
    response = agent_client.post("/kcc/melding/", "{niet json", content_type="application/json")
    assert response.status_code == 400
    assert agent_client.get("/kcc/melding/").status_code == 405


def test_feedback_needs_csrf_and_the_kcc_role(agent, django_user_model):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(agent)
    assert post_json(strict, "/kcc/melding/", {"kind": "missing"}).status_code == 403
    other = Client()
    other.force_login(make_user(django_user_model, "redacteur", FINAL_EDITOR_GROUP))
    assert post_json(other, "/kcc/melding/", {"kind": "missing"}).status_code == 403
    assert ContentFeedback.objects.count() == 0


def test_answered_is_recorded_without_personal_data(agent_client):
    article = KnowledgeArticlePage.objects.live().first()
    response = post_json(
        agent_client,
        "/kcc/gebeurtenis/",
        {"event": "answered", "type": "article", "slug": article.slug, "query": "bsn 123456789"},
    )
    assert response.status_code == 201
    action = ConsoleAction.objects.get()
    assert action.kind == "answered" and action.page_id == article.pk
    assert action.query == "bsn [nummer]"


def test_event_rejects_unknown_events(agent_client):
    product = ProductPage.objects.live().first()
    response = post_json(
        agent_client,
        "/kcc/gebeurtenis/",
        {"event": "liked", "type": "product", "slug": product.slug},
    )
    assert response.status_code == 400
    # Opened results belong to the search log (through the API's mutation), not here.
    response = post_json(
        agent_client,
        "/kcc/gebeurtenis/",
        {"event": "opened", "type": "product", "slug": product.slug},
    )
    assert response.status_code == 400
    assert not ConsoleAction.objects.exists()


def test_answered_report_lists_pages_per_service(admin_client, agent):
    agent_client = Client()
    agent_client.force_login(agent)
    product = ProductPage.objects.live().get(slug="paspoort-id-kaart-kwijt")
    for _ in range(2):
        post_json(
            agent_client,
            "/kcc/gebeurtenis/",
            {"event": "answered", "type": "product", "slug": product.slug},
        )
    response = admin_client.get("/admin/kcc-antwoorden/")
    assert response.status_code == 200
    rows = response.context["rows"]
    assert rows[0]["page"].pk == product.pk and rows[0]["answered"] == 2


# --- Theme settings ----------------------------------------------------------------------------


def test_theme_settings_validate_contrast(db):
    theme = ThemeSettings.for_site(Site.objects.get(is_default_site=True))
    theme.color_primary = "#ffe066"
    with pytest.raises(ValidationError) as raised:
        theme.full_clean()
    assert "color_on_primary" in raised.value.message_dict
    assert "WCAG" in raised.value.message_dict["color_on_primary"][0]


def test_theme_colours_and_name_reach_every_page(client, db):
    site = Site.objects.get(is_default_site=True)
    theme = ThemeSettings.for_site(site)
    theme.municipality_name = "Gemeente Proefdorp"
    theme.color_primary = "#5a1f79"
    theme.full_clean()
    theme.save()
    login = client.get("/kcc/inloggen/").content.decode()
    missing = client.get("/bestaat-echt-niet/")
    assert missing.status_code == 404
    for html in (login, missing.content.decode()):
        assert "--theme-primary:#5a1f79" in html
        assert "Gemeente Proefdorp" in html


def test_admin_edits_the_theme_and_sees_contrast_errors(admin_client):
    site = Site.objects.get(is_default_site=True)
    url = f"/admin/settings/themes/themesettings/{site.pk}/"
    assert admin_client.get(url).status_code == 200
    data = {
        "municipality_name": "Gemeente Heuvelrode",
        "color_primary": "#eeeeee",
        "color_on_primary": "#ffffff",
        "color_text": "#1b1b1b",
        "color_background": "#ffffff",
        "color_link": "#0b5394",
        "color_focus": "#c25e00",
        "color_highlight": "#fff1a8",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "Te weinig contrast" in response.content.decode()
    assert ThemeSettings.for_site(site).color_primary != "#eeeeee"
    data["color_primary"] = "#14532d"
    response = admin_client.post(url, data)
    assert response.status_code == 302
    assert ThemeSettings.for_site(site).color_primary == "#14532d"


def test_server_error_page_renders_in_the_theme(rf, db):
    from themes.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "Er ging iets mis" in html and "--theme-primary:" in html


def test_server_error_page_survives_a_broken_theme(rf, db, monkeypatch):
    from themes import theme as theme_module
    from themes.views import server_error

    def broken(*args, **kwargs):
        raise RuntimeError("database weg")

    monkeypatch.setattr(theme_module.Site, "find_for_request", broken)
    monkeypatch.setattr(theme_module.ThemeSettings, "for_site", broken)
    response = server_error(rf.get("/"))
    assert response.status_code == 500 and "Er ging iets mis" in response.content.decode()


def test_product_preview_is_themed_with_its_facts(db):
    from django.test import RequestFactory

    product = ProductPage.objects.live().get(slug="paspoort-id-kaart-kwijt")
    request = RequestFactory().get("/")
    request.user = None
    response = product.make_preview_request(original_request=request)
    html = response.content.decode()
    assert response.status_code == 200
    assert "preview-banner" in html and "Nog niet gepubliceerd" in html
    assert "--theme-primary:" in html
    assert "In het kort" in html and "gratis" in html.lower()
