"""Permission changes in Wagtail's audit log.

Wagtail logs pages (edit, publish, unpublish, delete, workflow) and a plain "edited" for a
group, but not *which* rights changed: the group's page permissions are saved by a formset
with bulk_create, which sends no signal. So the group views (see `cms.views.groups`) and
`setup_roles` compare a snapshot of the group's rights before and after and log the
difference; a user joining or leaving a group, or becoming superuser, is caught by signals.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed, post_save, pre_save
from wagtail.log_actions import log
from wagtail.models import GroupCollectionPermission

PERMISSIONS_CHANGED = "cms.permissions_changed"
MEMBERSHIP_ADDED = "cms.membership_added"
MEMBERSHIP_REMOVED = "cms.membership_removed"
SUPERUSER_CHANGED = "cms.superuser_changed"


def permission_snapshot(group: Group) -> frozenset[str]:
    """Every right of a group as a readable line, e.g. "pagina /producten/burgerzaken/: change_page"."""
    if group.pk is None:
        return frozenset()
    lines = {
        f"recht: {app}.{codename}"
        for app, codename in group.permissions.values_list("content_type__app_label", "codename")
    }
    lines |= {
        f"pagina {url_path or '/'}: {codename}"
        for url_path, codename in group.page_permissions.values_list(
            "page__url_path", "permission__codename"
        )
    }
    lines |= {
        f"collectie {name}: {codename}"
        for name, codename in GroupCollectionPermission.objects.filter(group=group).values_list(
            "collection__name", "permission__codename"
        )
    }
    return frozenset(lines)


def log_permission_changes(
    group: Group, before: frozenset[str], after: frozenset[str], user=None, created: bool = False
):
    """One log entry on the group listing the rights added and removed (none if unchanged)."""
    added, removed = sorted(after - before), sorted(before - after)
    if not added and not removed:
        return None
    return log(
        instance=group,
        action=PERMISSIONS_CHANGED,
        user=user,
        data={"added": added, "removed": removed, "created": created},
    )


def _membership_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    user_model = get_user_model()
    if action == "pre_clear":  # clear() names no pks: remember who was in
        related = instance.user_set if reverse else instance.groups
        instance._cms_cleared = set(related.values_list("pk", flat=True))
        return
    if action == "post_clear":
        action, pk_set = "post_remove", getattr(instance, "_cms_cleared", set())
    if action not in ("post_add", "post_remove") or not pk_set:
        return
    code = MEMBERSHIP_ADDED if action == "post_add" else MEMBERSHIP_REMOVED
    if reverse:  # group.user_set.add(user)
        pairs = [(user, instance) for user in user_model.objects.filter(pk__in=pk_set)]
    else:  # user.groups.add(group)
        pairs = [(instance, group) for group in Group.objects.filter(pk__in=pk_set)]
    for user, group in pairs:
        log(
            instance=user,
            action=code,
            data={"group": group.name, "group_id": group.pk, "username": user.get_username()},
        )


def _remember_superuser(sender, instance, update_fields=None, **kwargs):
    if update_fields is not None and "is_superuser" not in update_fields:
        return  # e.g. the last_login update at every login
    if instance.pk:
        previous = sender.objects.filter(pk=instance.pk).values_list("is_superuser", flat=True)
        instance._was_superuser = next(iter(previous), instance.is_superuser)


def _superuser_changed(sender, instance, created, **kwargs):
    was = getattr(instance, "_was_superuser", None)
    if not created and was is not None and was != instance.is_superuser:
        log(instance=instance, action=SUPERUSER_CHANGED, data={"superuser": instance.is_superuser})


def connect() -> None:
    user_model = get_user_model()
    m2m_changed.connect(
        _membership_changed, sender=user_model.groups.through, dispatch_uid="cms_audit_groups"
    )
    pre_save.connect(_remember_superuser, sender=user_model, dispatch_uid="cms_audit_su_pre")
    post_save.connect(_superuser_changed, sender=user_model, dispatch_uid="cms_audit_su_post")


def register_log_actions(actions) -> None:
    """Labels and messages of our log actions (Dutch), for the history views and reports."""
    from wagtail.log_actions import LogFormatter

    @actions.register_action(PERMISSIONS_CHANGED)
    class PermissionsChanged(LogFormatter):
        label = "Rechten gewijzigd"

        def format_message(self, log_entry):
            data = log_entry.data or {}
            parts = []
            if data.get("added"):
                parts.append("toegevoegd: " + "; ".join(data["added"]))
            if data.get("removed"):
                parts.append("verwijderd: " + "; ".join(data["removed"]))
            return "Rechten gewijzigd (" + " — ".join(parts) + ")"

    @actions.register_action(MEMBERSHIP_ADDED)
    class MembershipAdded(LogFormatter):
        label = "Toegevoegd aan groep"

        def format_message(self, log_entry):
            return f"Toegevoegd aan groep \u201c{(log_entry.data or {}).get('group', '?')}\u201d"

    @actions.register_action(MEMBERSHIP_REMOVED)
    class MembershipRemoved(LogFormatter):
        label = "Verwijderd uit groep"

        def format_message(self, log_entry):
            return f"Verwijderd uit groep \u201c{(log_entry.data or {}).get('group', '?')}\u201d"

    @actions.register_action(SUPERUSER_CHANGED)
    class SuperuserChanged(LogFormatter):
        label = "Beheerrechten (superuser) gewijzigd"

        def format_message(self, log_entry):
            on = (log_entry.data or {}).get("superuser")
            return "Superuser-rechten gegeven" if on else "Superuser-rechten ingetrokken"
