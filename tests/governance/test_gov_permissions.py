"""The permission matrix, proved through the Wagtail admin views with real role groups."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from factories import make_product
from gov_forms import form_data
from gov_support import client_for
from wagtail.models import GroupPagePermission, Page, Workflow, WorkflowPage, WorkflowState

from catalogue.models import HomePage, ProductPage, Service
from cms.roles import (
    ADMIN_GROUP,
    FINAL_EDITOR_GROUP,
    KCC_GROUP,
    WORKFLOW_NAME,
    editor_group_name,
    services_for_user,
    sync_roles,
)

pytestmark = pytest.mark.django_db


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def denied(response) -> bool:
    """Wagtail answers a forbidden admin view with 403 or a redirect away from it."""
    return response.status_code == 403 or (
        response.status_code == 302 and "/edit/" not in response["Location"]
    )


def post_edit(client, page, action: str | None = None, **changes):
    response = client.get(edit_url(page))
    assert response.status_code == 200
    data = form_data(response.content.decode(), "page-edit-form", **changes)
    if action:
        data[action] = action
    return client.post(edit_url(page), data)


@pytest.fixture
def bz_product(burgerzaken_section):
    return make_product("test-bz-product", "burgerzaken", title="Test Burgerzaken")


@pytest.fixture
def bel_product(belastingen_section):
    return make_product("test-bel-product", "belastingen", title="Test Belastingen")


def test_setup_roles_creates_groups_and_workflow_idempotently():
    report = sync_roles()
    assert report.created_groups == [] and report.changed_groups == []  # load_demo ran it
    names = set(Group.objects.values_list("name", flat=True))
    expected = {editor_group_name(s) for s in Service.objects.all()}
    assert expected | {FINAL_EDITOR_GROUP, KCC_GROUP, ADMIN_GROUP} <= names
    home = HomePage.objects.get()
    assert WorkflowPage.objects.get(page=home).workflow == Workflow.objects.get(name=WORKFLOW_NAME)
    assert home.get_workflow().name == WORKFLOW_NAME
    # The editors' rights are on their service's folders only, without publish.
    grants = GroupPagePermission.objects.filter(group__name="Redacteur Burgerzaken")
    assert {g.permission.codename for g in grants} == {
        "add_page",
        "change_page",
        "lock_page",
        "unlock_page",
    }
    assert {g.page.specific.service.slug for g in grants} == {"burgerzaken"}
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()


def test_editor_edits_only_own_service(editor, bz_product, bel_product):
    client = client_for(Client, editor)
    assert client.get(edit_url(bz_product)).status_code == 200
    assert denied(client.get(edit_url(bel_product)))
    response = client.post(edit_url(bel_product), {"title": "Gekaapt"})
    assert denied(response)
    assert ProductPage.objects.get(pk=bel_product.pk).get_latest_revision_as_object().title == (
        "Test Belastingen"
    )
    assert services_for_user(editor) == {Service.objects.get(slug="burgerzaken").pk}


def test_editor_adds_pages_only_in_own_service(editor, burgerzaken_section, belastingen_section):
    client = client_for(Client, editor)

    def add_url(section):
        return reverse("wagtailadmin_pages:add", args=("catalogue", "productpage", section.pk))

    assert client.get(add_url(burgerzaken_section)).status_code == 200
    assert denied(client.get(add_url(belastingen_section)))


def test_editor_cannot_publish_directly(editor, bz_product):
    client = client_for(Client, editor)
    response = post_edit(client, bz_product, "action-publish", title="Nieuwe titel")
    assert response.status_code == 302
    page = ProductPage.objects.get(pk=bz_product.pk)
    assert page.title == "Test Burgerzaken"  # the live version did not change
    assert page.has_unpublished_changes
    assert page.get_latest_revision_as_object().title == "Nieuwe titel"  # saved as a draft


def test_workflow_editor_submits_final_editor_approves_with_comment(
    editor, final_editor, bz_product
):
    response = post_edit(
        client_for(Client, editor), bz_product, "action-submit", title="Via workflow"
    )
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(bz_product.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name == "Controle door eindredactie"
    assert ProductPage.objects.get(pk=bz_product.pk).title == "Test Burgerzaken"

    # Another service's editor is no reviewer and cannot approve.
    reviewer = client_for(Client, final_editor)
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=(bz_product.pk, "approve", state.current_task_state.pk),
    )
    response = client_for(Client, editor).post(url, {"comment": "zelf goedgekeurd"})
    assert ProductPage.objects.get(pk=bz_product.pk).title == "Test Burgerzaken"

    response = reviewer.post(url, {"comment": "Akkoord, tarief gecontroleerd."})
    assert response.status_code in (200, 302)
    page = ProductPage.objects.get(pk=bz_product.pk)
    assert page.live and page.title == "Via workflow"
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    task_state = state.task_states.get()
    assert task_state.comment == "Akkoord, tarief gecontroleerd."
    assert task_state.finished_by == final_editor


def test_final_editor_publishes_anywhere(final_editor, bz_product, bel_product):
    client = client_for(Client, final_editor)
    for page, title in ((bz_product, "Gepubliceerd BZ"), (bel_product, "Gepubliceerd BEL")):
        assert post_edit(client, page, "action-publish", title=title).status_code == 302
        assert ProductPage.objects.get(pk=page.pk).title == title


def test_delete_rights(editor, final_editor, bz_product, bel_product, burgerzaken_section):
    client = client_for(Client, editor)

    def delete_url(page):
        return reverse("wagtailadmin_pages:delete", args=(page.pk,))

    # An editor cannot delete a live page (that would unpublish it) ...
    assert denied(client.post(delete_url(bz_product)))
    assert Page.objects.filter(pk=bz_product.pk).exists()
    # ... but may delete a draft of their own service, not of another one.
    draft = make_product("test-bz-concept", "burgerzaken", publish=False, live=False)
    other_draft = make_product("test-bel-concept", "belastingen", publish=False, live=False)
    assert client.post(delete_url(draft)).status_code == 302
    assert not Page.objects.filter(pk=draft.pk).exists()
    assert denied(client.post(delete_url(other_draft)))
    assert Page.objects.filter(pk=other_draft.pk).exists()
    # The final editor may delete live pages.
    response = client_for(Client, final_editor).post(delete_url(bel_product))
    assert response.status_code == 302
    assert not Page.objects.filter(pk=bel_product.pk).exists()


def test_kcc_agent_has_no_admin(agent):
    client = client_for(Client, agent)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_only_administrator_manages_groups(administrator, final_editor, editor):
    url = reverse("wagtailusers_groups:index")
    assert client_for(Client, administrator).get(url).status_code == 200
    assert denied(client_for(Client, final_editor).get(url))
    assert denied(client_for(Client, editor).get(url))


def test_new_service_folder_in_admin_grants_its_editors(administrator, django_user_model):
    from wagtail.test.utils.form_data import nested_form_data

    from catalogue.models import SectionPage

    service = Service.objects.create(name="Sport en Cultuur", slug="sport-en-cultuur")
    products = SectionPage.objects.get(slug="producten")
    url = reverse("wagtailadmin_pages:add", args=("catalogue", "sectionpage", products.pk))
    data = nested_form_data(
        {"title": "Sport en Cultuur", "slug": "sport-en-cultuur", "service": service.pk}
    )
    data["action-publish"] = "action-publish"
    response = client_for(Client, administrator).post(url, data)
    assert response.status_code == 302, response.content.decode()[:1500]
    folder = SectionPage.objects.get(slug="sport-en-cultuur")
    group = Group.objects.get(name=editor_group_name(service))
    assert GroupPagePermission.objects.filter(
        group=group, page=folder, permission__codename="change_page"
    ).exists()


def test_final_editor_requests_changes_with_comment(editor, final_editor, bz_product):
    post_edit(client_for(Client, editor), bz_product, "action-submit", title="Te snel")
    page = ProductPage.objects.get(pk=bz_product.pk)
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "reject", task_state.pk))
    response = client_for(Client, final_editor).post(url, {"comment": "Het tarief klopt niet."})
    assert response.status_code in (200, 302)
    task_state.refresh_from_db()
    assert task_state.status == task_state.STATUS_REJECTED
    assert task_state.comment == "Het tarief klopt niet."
    page = ProductPage.objects.get(pk=bz_product.pk)
    assert page.title == "Test Burgerzaken" and not page.workflow_in_progress
    # The editor sees the comment in the page's workflow history.
    history = client_for(Client, editor).get(
        reverse(
            "wagtailadmin_pages:workflow_history_detail",
            args=(page.pk, task_state.workflow_state_id),
        )
    )
    assert "Het tarief klopt niet." in history.content.decode()
