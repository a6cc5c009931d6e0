"""Admin listing of the KCC's reports: per service, with filters; editors see their own services."""

from django.utils import timezone
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from cms.models import ContentFeedback
from cms.roles import services_for_user


class FeedbackPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed to the services whose folders the user edits."""

    def _in_scope(self, user, instance) -> bool:
        own = services_for_user(user)
        return own is None or instance.service_id in own

    def user_has_permission_for_instance(self, user, action, instance):
        return super().user_has_permission_for_instance(user, action, instance) and (
            action == "add" or self._in_scope(user, instance)
        )

    def instances_user_has_permission_for(self, user, action):
        queryset = super().instances_user_has_permission_for(user, action)
        own = services_for_user(user)
        return queryset if own is None else queryset.filter(service_id__in=own)


class FeedbackForm(WagtailAdminModelForm):
    def save(self, commit=True):
        feedback = super().save(commit=False)
        handled = feedback.status == ContentFeedback.Status.HANDLED
        if handled and feedback.handled_at is None:
            feedback.handled_at = timezone.now()
            feedback.handled_by = self.for_user
        elif not handled:
            feedback.handled_at = feedback.handled_by = None
        if commit:
            feedback.save()
        return feedback


def _own(queryset, user):
    own = services_for_user(user)
    return queryset if own is None else queryset.filter(service_id__in=own)


class IndexView(generic.IndexView):
    def get_base_queryset(self):
        queryset = super().get_base_queryset().select_related("service", "page", "created_by")
        return _own(queryset, self.request.user)


class _OwnServicesOnly:
    """Another service's report is not found (404) rather than editable."""

    def get_queryset(self):
        return _own(ContentFeedback.objects.all(), self.request.user)


class EditView(_OwnServicesOnly, generic.EditView):
    pass


class DeleteView(_OwnServicesOnly, generic.DeleteView):
    pass


class InspectView(_OwnServicesOnly, generic.InspectView):
    pass


class FeedbackViewSet(ModelViewSet):
    model = ContentFeedback
    icon = "warning"
    menu_label = "Meldingen KCC"
    menu_order = 310
    add_to_admin_menu = True
    index_view_class = IndexView
    edit_view_class = EditView
    delete_view_class = DeleteView
    inspect_view_class = InspectView
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("status"), FieldPanel("kind")]),
            FieldPanel("response"),
            FieldPanel("service"),
            FieldPanel("page"),
            FieldPanel("query"),
            FieldPanel("remark"),
        ],
        base_form_class=FeedbackForm,
    )
    list_filter = ["status", "kind", "service"]
    search_fields = ["query", "remark"]
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "__str__",
        Column("service", label="Dienst"),
        Column("page", label="Pagina"),
        Column("get_status_display", label="Status"),
        Column("created_by", label="Gemeld door"),
        DateColumn("created_at", label="Gemeld op"),
    ]


feedback_viewset = FeedbackViewSet("cms_feedback", url_prefix="meldingen")
