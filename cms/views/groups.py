"""Wagtail's group views, with the rights that changed written to the audit log."""

from django.contrib.auth.models import Group
from wagtail.users.views import groups as wagtail_groups

from cms.audit import log_permission_changes, permission_snapshot


class _AuditMixin:
    def process_form(self):
        group = self.object if getattr(self.object, "pk", None) else None
        before = permission_snapshot(group) if group else frozenset()
        response = super().process_form()
        saved = getattr(self, "object", None)
        if saved is not None and saved.pk and response.status_code in (200, 302):
            saved = Group.objects.get(pk=saved.pk)
            log_permission_changes(
                saved, before, permission_snapshot(saved), user=self.request.user, created=not group
            )
        return response


class CreateView(_AuditMixin, wagtail_groups.CreateView):
    pass


class EditView(_AuditMixin, wagtail_groups.EditView):
    pass


class GroupViewSet(wagtail_groups.GroupViewSet):
    add_view_class = CreateView
    edit_view_class = EditView
