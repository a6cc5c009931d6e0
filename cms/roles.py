"""The editorial roles as Django groups, and who may edit which service.

- "Redacteur <dienst>": edits (but does not publish) the products and articles in the folders
  of one service; changes reach the website through the moderation workflow.
- "Eindredactie": reviews in the workflow and publishes everywhere.
- "KCC-medewerker": the contact-centre agent; no access to the admin, may report answers.
- "Beheerder": every permission, including users and groups.

`sync_roles()` makes the database match this; it is idempotent and logs what it changed.
"""

from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from catalogue.models import HomePage, SectionPage, Service

from .audit import log_permission_changes, permission_snapshot

EDITOR_PREFIX = "Redacteur "
FINAL_EDITOR_GROUP = "Eindredactie"
KCC_GROUP = "KCC-medewerker"
ADMIN_GROUP = "Beheerder"
WORKFLOW_NAME = "Redactieworkflow"
REVIEW_TASK_NAME = "Controle door eindredactie"
WAGTAIL_DEFAULT_GROUPS = ("Editors", "Moderators")

EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "lock_page", "unlock_page")
FINAL_EDITOR_PAGE_PERMISSIONS = (
    "add_page",
    "bulk_delete_page",
    "change_page",
    "lock_page",
    "publish_page",
    "unlock_page",
)
ALL_PAGE_PERMISSIONS = FINAL_EDITOR_PAGE_PERMISSIONS

_SNIPPETS = ("service", "location", "topic", "lifeevent", "audience", "uplproduct")
EDITOR_MODEL_PERMISSIONS = (
    "wagtailadmin.access_admin",
    *(f"catalogue.view_{model}" for model in _SNIPPETS),
    "catalogue.add_requireddocument",
    "catalogue.change_requireddocument",
    "catalogue.view_requireddocument",
    "cms.view_contentfeedback",
    "cms.change_contentfeedback",
    "cms.view_checkedlink",
)
FINAL_EDITOR_MODEL_PERMISSIONS = (
    *EDITOR_MODEL_PERMISSIONS,
    *(f"catalogue.{action}_{model}" for model in _SNIPPETS for action in ("add", "change")),
    "cms.delete_contentfeedback",
    "pdcsearch.view_searchlog",  # the search report (what people search and do not find)
)
KCC_MODEL_PERMISSIONS = ("cms.add_contentfeedback",)
EDITOR_COLLECTION_PERMISSIONS = (
    "wagtaildocs.add_document",
    "wagtaildocs.choose_document",
    "wagtailimages.add_image",
    "wagtailimages.choose_image",
)
FINAL_EDITOR_COLLECTION_PERMISSIONS = (
    *EDITOR_COLLECTION_PERMISSIONS,
    "wagtaildocs.change_document",
    "wagtailimages.change_image",
)


def editor_group_name(service: Service) -> str:
    return f"{EDITOR_PREFIX}{service.name}"


@dataclass
class SyncReport:
    created_groups: list[str]
    changed_groups: list[str]
    workflow_created: bool


def _permissions(names: tuple[str, ...]) -> list[Permission]:
    wanted = {tuple(name.split(".", 1)) for name in names}
    found = [
        p
        for p in Permission.objects.select_related("content_type").filter(
            codename__in={codename for _, codename in wanted}
        )
        if (p.content_type.app_label, p.codename) in wanted
    ]
    missing = wanted - {(p.content_type.app_label, p.codename) for p in found}
    if missing:
        raise LookupError(f"Onbekende rechten: {sorted(missing)} (zijn alle migraties gedraaid?)")
    return found


def _page_permissions(codenames: tuple[str, ...]) -> list[Permission]:
    return _permissions(tuple(f"wagtailcore.{c}" for c in codenames))


class _Role:
    """The exact permissions one group should end up with."""

    def __init__(self, name: str) -> None:
        self.group, self.created = Group.objects.get_or_create(name=name)
        self.before = permission_snapshot(self.group)

    def apply(
        self,
        model_permissions: list[Permission],
        page_permissions: dict[Page, list[Permission]],
        collection_permissions: list[Permission],
    ) -> bool:
        group = self.group
        group.permissions.set(model_permissions)
        wanted_pages = {
            (page.pk, perm.pk) for page, perms in page_permissions.items() for perm in perms
        }
        existing = {(gp.page_id, gp.permission_id): gp.pk for gp in group.page_permissions.all()}
        GroupPagePermission.objects.filter(
            pk__in=[pk for key, pk in existing.items() if key not in wanted_pages]
        ).delete()
        GroupPagePermission.objects.bulk_create(
            GroupPagePermission(group=group, page_id=page_id, permission_id=perm_id)
            for page_id, perm_id in wanted_pages - existing.keys()
        )
        root_collection = Collection.get_first_root_node()
        wanted_collection = {(root_collection.pk, p.pk) for p in collection_permissions}
        existing_collection = {
            (cp.collection_id, cp.permission_id): cp.pk
            for cp in GroupCollectionPermission.objects.filter(group=group)
        }
        GroupCollectionPermission.objects.filter(
            pk__in=[pk for key, pk in existing_collection.items() if key not in wanted_collection]
        ).delete()
        GroupCollectionPermission.objects.bulk_create(
            GroupCollectionPermission(group=group, collection_id=c_id, permission_id=p_id)
            for c_id, p_id in wanted_collection - existing_collection.keys()
        )
        after = permission_snapshot(group)
        log_permission_changes(group, self.before, after, user=None, created=self.created)
        return self.created or after != self.before


@transaction.atomic
def sync_roles() -> SyncReport:
    """Create or update every role group, the workflow, and assign it to the home page."""
    report = SyncReport([], [], False)
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    editor_model = _permissions(EDITOR_MODEL_PERMISSIONS)
    editor_pages = _page_permissions(EDITOR_PAGE_PERMISSIONS)
    editor_collection = _permissions(EDITOR_COLLECTION_PERMISSIONS)

    sections: dict[int, list[SectionPage]] = {}
    for section in SectionPage.objects.filter(service__isnull=False):
        sections.setdefault(section.service_id, []).append(section)

    def record(role: _Role, changed: bool) -> None:
        if role.created:
            report.created_groups.append(role.group.name)
        elif changed:
            report.changed_groups.append(role.group.name)

    for service in Service.objects.all():
        role = _Role(editor_group_name(service))
        changed = role.apply(
            editor_model,
            {section: editor_pages for section in sections.get(service.pk, [])},
            editor_collection,
        )
        record(role, changed)

    final = _Role(FINAL_EDITOR_GROUP)
    record(
        final,
        final.apply(
            _permissions(FINAL_EDITOR_MODEL_PERMISSIONS),
            {home: _page_permissions(FINAL_EDITOR_PAGE_PERMISSIONS)} if home else {},
            _permissions(FINAL_EDITOR_COLLECTION_PERMISSIONS),
        ),
    )
    kcc = _Role(KCC_GROUP)
    record(kcc, kcc.apply(_permissions(KCC_MODEL_PERMISSIONS), {}, []))

    admin = _Role(ADMIN_GROUP)
    record(
        admin,
        admin.apply(
            list(Permission.objects.all()),
            {root: _page_permissions(ALL_PAGE_PERMISSIONS)},
            list(
                Permission.objects.filter(
                    content_type__app_label__in=["wagtaildocs", "wagtailimages", "wagtailcore"],
                    codename__regex=r"^(add|change|delete|choose)_(document|image|collection)$",
                )
            ),
        ),
    )
    _remove_unused_default_groups()
    if home is not None:
        report.workflow_created = _ensure_workflow(home, final.group)
    return report


def _remove_unused_default_groups() -> None:
    # Wagtail's own "Editors"/"Moderators" may edit the whole tree; empty ones only confuse.
    for group in Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS, user__isnull=True):
        group.delete()


def _ensure_workflow(home: Page, reviewers: Group) -> bool:
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    task = GroupApprovalTask.objects.filter(name=REVIEW_TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=REVIEW_TASK_NAME)
    task.groups.set([reviewers])
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(
            workflow=workflow, task=task, sort_order=workflow.workflow_tasks.count()
        )
    WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
    return created


def services_for_user(user) -> set[int] | None:
    """Ids of the services whose folders the user may edit; None means every service."""
    if not user.is_authenticated:
        return set()
    if user.is_superuser:
        return None
    grants = GroupPagePermission.objects.filter(
        group__user=user, permission__codename__in=("add_page", "change_page")
    ).select_related("page")
    paths = {grant.page.path for grant in grants}
    if not paths:
        return set()
    result: set[int] = set()
    for path, service_id in SectionPage.objects.filter(service__isnull=False).values_list(
        "path", "service_id"
    ):
        for granted in paths:
            if path == granted:
                result.add(service_id)
            elif path.startswith(granted):
                return None  # a grant above the service folders covers every service
    return result
