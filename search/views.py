from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.views.defaults import permission_denied
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .reports import PERIODS, build_report, purge_old_logs
from .service import CHANNELS

# What people search for is for the editors-in-chief (and administrators), not every editor.
REPORT_PERMISSION = "pdcsearch.view_searchlog"


def can_view_report(user) -> bool:
    return user.has_perm(REPORT_PERMISSION)


class SearchReportView(WagtailAdminTemplateMixin, TemplateView):
    """Top queries, queries without results and queries whose results nobody opens."""

    template_name = "pdcsearch/report.html"
    page_title = "Zoekopdrachten"
    header_icon = "search"

    def dispatch(self, request, *args, **kwargs):
        if not can_view_report(request.user):
            # A plain 403 (raising PermissionDenied would make Wagtail redirect to the dashboard).
            return permission_denied(request, PermissionDenied("Geen toegang tot het zoekrapport."))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        try:
            days = int(self.request.GET.get("dagen", 30))
        except ValueError:
            days = 30
        days = days if days in PERIODS else 30
        # Retention: entries older than SEARCH_LOG_RETENTION_DAYS go when the report is read.
        purge_old_logs(getattr(settings, "SEARCH_LOG_RETENTION_DAYS", 365))
        channel = self.request.GET.get("kanaal") or None
        channel = channel if channel in CHANNELS else None
        context.update(
            report=build_report(days, channel=channel),
            periods=PERIODS,
            channels=CHANNELS,
            channel=channel,
        )
        return context
