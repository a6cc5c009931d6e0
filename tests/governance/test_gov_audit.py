"""Scheduled publishing and the audit log: page history and permission changes."""

from datetime import datetime, timedelta
from decimal import Decimal
from unittest import mock

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from factories import make_product
from gov_forms import form_data
from gov_support import client_for
from wagtail.models import GroupPagePermission, ModelLogEntry, PageLogEntry

from catalogue.models import ProductPage, SectionPage
from cms.audit import MEMBERSHIP_ADDED, MEMBERSHIP_REMOVED, PERMISSIONS_CHANGED, SUPERUSER_CHANGED
from cms.roles import FINAL_EDITOR_GROUP, sync_roles

pytestmark = pytest.mark.django_db


def next_new_year() -> datetime:
    today = timezone.localdate()
    return timezone.make_aware(datetime(today.year + 1, 1, 1, 0, 0))


def run_publish_scheduled_at(moment: datetime) -> None:
    """Run Wagtail's `publish_scheduled` as a cron job would at `moment`."""
    with mock.patch("django.utils.timezone.now", return_value=moment):
        call_command("publish_scheduled", verbosity=0)


def current_fee(page_pk: int) -> Decimal:
    return ProductPage.objects.get(pk=page_pk).fees.get().amount


def test_next_years_tariff_goes_live_on_1_january(final_editor, burgerzaken_section):
    product = make_product("test-tarief-2027", "burgerzaken")
    client = client_for(Client, final_editor)
    url = reverse("wagtailadmin_pages:edit", args=(product.pk,))
    new_year = next_new_year()
    data = form_data(
        client.get(url).content.decode(),
        "page-edit-form",
        **{"fees-0-amount": "80.00", "go_live_at": new_year.strftime("%Y-%m-%d %H:%M")},
    )
    data["action-publish"] = "action-publish"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:500]

    page = ProductPage.objects.get(pk=product.pk)
    assert page.live and current_fee(page.pk) == Decimal("75.35")  # still this year's tariff
    scheduled = page.scheduled_revision
    assert scheduled is not None and scheduled.approved_go_live_at == new_year

    run_publish_scheduled_at(new_year - timedelta(minutes=1))
    assert current_fee(page.pk) == Decimal("75.35")
    run_publish_scheduled_at(new_year + timedelta(minutes=1))
    assert current_fee(page.pk) == Decimal("80.00")
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish.scheduled").exists()


def test_scheduled_unpublish(burgerzaken_section):
    product = make_product("test-verloopt", "burgerzaken")
    ends = timezone.now() + timedelta(days=30)
    ProductPage.objects.filter(pk=product.pk).update(expire_at=ends)
    run_publish_scheduled_at(ends - timedelta(hours=1))
    assert ProductPage.objects.get(pk=product.pk).live
    run_publish_scheduled_at(ends + timedelta(hours=1))
    page = ProductPage.objects.get(pk=product.pk)
    assert not page.live and page.expired
    assert PageLogEntry.objects.filter(page=page, action="wagtail.unpublish.scheduled").exists()


def test_page_history_lists_every_change(editor, final_editor, burgerzaken_section):
    product = make_product("test-geschiedenis", "burgerzaken")
    url = reverse("wagtailadmin_pages:edit", args=(product.pk,))
    editor_client = client_for(Client, editor)
    data = form_data(editor_client.get(url).content.decode(), "page-edit-form", title="Nieuw")
    data["action-submit"] = "action-submit"
    editor_client.post(url, data)
    reviewer = client_for(Client, final_editor)
    task_state = ProductPage.objects.get(pk=product.pk).current_workflow_task_state
    reviewer.post(
        reverse("wagtailadmin_pages:workflow_action", args=(product.pk, "approve", task_state.pk)),
        {"comment": "Prima"},
    )
    reviewer.post(reverse("wagtailadmin_pages:unpublish", args=(product.pk,)), {})

    actions = list(
        PageLogEntry.objects.filter(page_id=product.pk)
        .order_by("timestamp", "pk")
        .values_list("action", "user__username")
    )
    for expected in [
        ("wagtail.edit", "redacteur-bz"),
        ("wagtail.workflow.start", "redacteur-bz"),
        ("wagtail.workflow.approve", "eindredacteur"),
        ("wagtail.publish", "eindredacteur"),
        ("wagtail.unpublish", "eindredacteur"),
    ]:
        assert expected in actions
    # The product's own history view shows them, to an editor of the service too.
    history = editor_client.get(reverse("wagtailadmin_pages:history", args=(product.pk,)))
    assert history.status_code == 200
    body = history.content.decode()
    assert "eindredacteur" in body and "redacteur-bz" in body


def test_delete_is_logged_and_visible_in_site_history(
    final_editor, admin_user, burgerzaken_section
):
    product = make_product("test-weg", "burgerzaken", title="Te verwijderen product")
    client = client_for(Client, final_editor)
    assert client.post(reverse("wagtailadmin_pages:delete", args=(product.pk,))).status_code == 302
    entry = PageLogEntry.objects.get(page_id=product.pk, action="wagtail.delete")
    assert entry.user == final_editor and entry.label == "Te verwijderen product"
    # Wagtail shows deleted pages' entries to superusers (a page no longer has permissions).
    report = client_for(Client, admin_user).get(
        reverse("wagtailadmin_reports:site_history"), {"action": "wagtail.delete"}
    )
    assert report.status_code == 200
    assert "Te verwijderen product" in report.content.decode()


def test_group_permission_change_in_admin_is_logged(administrator, burgerzaken_section):
    group = Group.objects.get(name=FINAL_EDITOR_GROUP)
    client = client_for(Client, administrator)
    url = reverse("wagtailusers_groups:edit", args=(group.pk,))
    html = client.get(url).content.decode()
    data = form_data(html, None)
    # Add a page permission row: the right to publish in the Burgerzaken folder... to a new group
    # would be odd; instead take "publish" away from the final editors' home-page row.
    rows = int(data["page_permissions-TOTAL_FORMS"][0])
    assert rows >= 1
    for index in range(rows):
        key = f"page_permissions-{index}-permissions"
        data[key] = [p for p in data.get(key, []) if p != "publish_page"]
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert not GroupPagePermission.objects.filter(
        group=group, permission__codename="publish_page"
    ).exists()
    entry = (
        ModelLogEntry.objects.filter(action=PERMISSIONS_CHANGED, object_id=str(group.pk))
        .order_by("-pk")
        .first()
    )
    assert entry is not None and entry.user == administrator
    assert any("publish_page" in line for line in entry.data["removed"])
    report = client.get(
        reverse("wagtailadmin_reports:site_history"), {"action": PERMISSIONS_CHANGED}
    )
    assert "Rechten gewijzigd" in report.content.decode()

    # setup_roles restores the policy, and logs that too.
    sync_roles()
    restored = (
        ModelLogEntry.objects.filter(action=PERMISSIONS_CHANGED, object_id=str(group.pk))
        .order_by("-pk")
        .first()
    )
    assert restored.pk != entry.pk and any(
        "publish_page" in line for line in restored.data["added"]
    )


def test_membership_and_superuser_changes_are_logged(django_user_model):
    user = django_user_model.objects.create_user("nieuw", "nieuw@example.nl", "x" * 12)
    group = Group.objects.get(name=FINAL_EDITOR_GROUP)
    user.groups.add(group)
    group.user_set.remove(user)
    user.groups.add(group)
    user.groups.clear()
    user.is_superuser = True
    user.save()
    actions = list(
        ModelLogEntry.objects.filter(object_id=str(user.pk), content_type__model="user")
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == [
        MEMBERSHIP_ADDED,
        MEMBERSHIP_REMOVED,
        MEMBERSHIP_ADDED,
        MEMBERSHIP_REMOVED,
        SUPERUSER_CHANGED,
    ]


def test_setup_roles_removes_rights_granted_outside_the_policy():
    group = Group.objects.get(name="Redacteur Burgerzaken")
    section = SectionPage.objects.filter(
        service__slug="belastingen"
    ).first() or SectionPage.objects.get(slug="producten")
    GroupPagePermission.objects.create(
        group=group, page=section, permission=Permission.objects.get(codename="publish_page")
    )
    sync_roles()
    assert not GroupPagePermission.objects.filter(group=group, page=section).exists()
    entry = (
        ModelLogEntry.objects.filter(action=PERMISSIONS_CHANGED, object_id=str(group.pk))
        .order_by("-pk")
        .first()
    )
    assert any("publish_page" in line for line in entry.data["removed"])
