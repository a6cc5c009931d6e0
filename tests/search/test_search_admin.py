"""Admin: synonyms, best bets, weights and the search report; the search log holds no personal data."""

import pytest
from django.urls import reverse

from search import service
from search.models import BestBet, ResultOpened, SearchLog, Synonym
from search.reports import build_report

pytestmark = pytest.mark.django_db


def test_starting_synonyms_are_loaded_by_the_demo():
    # 488 groups: the afvalalfabet pairs grouped per word, plus the civil-affairs list.
    assert Synonym.objects.filter(note__startswith="afvalalfabet").count() > 400
    assert Synonym.objects.filter(terms__icontains="identiteitskaart").exists()
    narrower = Synonym.objects.filter(one_way=True, note__contains="specifieker").first()
    assert narrower is not None and len(narrower.term_list) >= 2


def test_all_afvalalfabet_pairs_are_read():
    from search.management.commands.load_search_synonyms import waste_groups

    groups, pairs = waste_groups()
    assert pairs == 1304
    assert sum(len(terms) - 1 for terms, _, _ in groups) == 1304


def test_log_masks_personal_data():
    response = service.search("bsn 123456789 jan@example.nl 1234 AB paspoort", channel="kcc")
    entry = SearchLog.objects.get(id=response.log_id)
    assert "123456789" not in entry.query and "jan@example.nl" not in entry.query
    assert "1234 AB" not in entry.query and "paspoort" in entry.query
    assert entry.channel == "kcc" and entry.hits == response.total


def test_report_lists_top_zero_and_unopened_queries():
    for _ in range(3):
        service.search("paspoort kwijt", channel="kcc")
    service.search("qqxqzvv", channel="web")
    service.search("qqxqzvv", channel="web")
    opened = service.search("rijbewijs verlengen", channel="web")
    service.search("rijbewijs verlengen", channel="web")
    service.record_opened(opened.log_id, opened.hits[0].page_id, 1)
    report = build_report(30)
    assert report.top[0]["example"] == "paspoort kwijt" and report.top[0]["searches"] == 3
    assert [row["example"] for row in report.zero_results] == ["qqxqzvv"]
    unopened = [row["example"] for row in report.never_opened]
    assert "paspoort kwijt" in unopened and "rijbewijs verlengen" not in unopened
    assert build_report(30, channel="web").searches == 4
    assert ResultOpened.objects.count() == 1


def test_report_page_renders(admin_client):
    service.search("zwembad openingstijden", channel="web")
    response = admin_client.get(reverse("pdcsearch_report") + "?dagen=7&kanaal=web")
    assert response.status_code == 200
    content = response.content.decode()
    assert "zwembad openingstijden" in content and "Zoekopdrachten zonder resultaat" in content


def test_snippet_and_settings_admin_pages(admin_client):
    synonym = Synonym.objects.first()
    for url in (
        reverse("wagtailsnippets_pdcsearch_synonym:list"),
        reverse("wagtailsnippets_pdcsearch_synonym:edit", args=[synonym.pk]),
        reverse("wagtailsnippets_pdcsearch_bestbet:add"),
    ):
        assert admin_client.get(url).status_code == 200, url
    settings_page = admin_client.get(
        reverse("wagtailsettings:edit", args=["pdcsearch", "searchsettings"]), follow=True
    )
    assert settings_page.status_code == 200
    assert "gewicht titel" in settings_page.content.decode().lower()


def test_best_bet_created_in_the_admin(admin_client):
    from catalogue.models import ProductPage

    page = ProductPage.objects.get(slug="trouwen")
    response = admin_client.post(
        reverse("wagtailsnippets_pdcsearch_bestbet:add"),
        {"query": "Huwelijk!", "page": page.pk, "sort_order": 0},
    )
    assert response.status_code == 302
    assert BestBet.objects.get().normalized == "huwelyk"
    first = service.search("huwelijk", log=False).hits[0]
    assert first.best_bet and first.page_id == page.pk


def test_synonym_needs_two_words(admin_client):
    response = admin_client.post(
        reverse("wagtailsnippets_pdcsearch_synonym:add"), {"terms": "de, het", "note": ""}
    )
    assert response.status_code == 200 and not Synonym.objects.filter(terms="de, het").exists()


@pytest.fixture
def role_client(client, django_user_model):
    """A logged-in client for a new user in the given role groups (made by setup_roles)."""
    from django.contrib.auth.models import Group

    from cms.roles import sync_roles

    sync_roles()

    def login(*groups):
        user = django_user_model.objects.create_user(f"u{len(groups)}{groups[0][:6]}", "", "pw")
        user.groups.set(Group.objects.filter(name__in=groups))
        assert user.groups.count() == len(groups)
        client.force_login(user)
        return client

    return login


def test_search_report_is_for_final_editors_only(role_client):
    from cms.roles import EDITOR_PREFIX

    report = reverse("pdcsearch_report")
    editor = role_client(f"{EDITOR_PREFIX}Burgerzaken")
    assert editor.get(reverse("wagtailadmin_home")).status_code == 200  # an admin user...
    assert report.encode() not in editor.get(reverse("wagtailadmin_home")).content  # no menu item
    assert editor.get(report).status_code == 403  # ...who may not read the search log

    final_editor = role_client("Eindredactie")
    assert report.encode() in final_editor.get(reverse("wagtailadmin_home")).content
    assert final_editor.get(report).status_code == 200


def test_report_permission_is_the_search_log_view_permission(django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("logkijker", "", "pw")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_searchlog"),
    )
    from search.views import can_view_report

    assert can_view_report(django_user_model.objects.get(pk=user.pk))
    assert not can_view_report(django_user_model.objects.create_user("ander", "", "pw"))
