"""Admin report: per product or article, how often it answered a KCC contact."""

from datetime import timedelta

from django.db.models import Count, Q
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from .models import ConsoleAction

PERIOD_DAYS = 90


def answered_counts(service_ids: set[int] | None, days: int = PERIOD_DAYS) -> list[dict]:
    """Rows of page, contacts answered and summaries sent in the period, most answered first."""
    since = timezone.now() - timedelta(days=days)
    rows = (
        ConsoleAction.objects.filter(created_at__gte=since)
        .values("page_id")
        .annotate(
            answered=Count("id", filter=Q(kind=ConsoleAction.Kind.ANSWERED)),
            sent=Count("id", filter=Q(kind=ConsoleAction.Kind.SENT)),
        )
        .order_by("-answered", "-sent")
    )
    pages = Page.objects.in_bulk([row["page_id"] for row in rows])
    result = []
    for row in rows:
        page = pages.get(row["page_id"])
        if page is None:
            continue
        specific = page.specific
        service_id = getattr(specific, "responsible_service_id", None)
        if service_ids is not None and service_id not in service_ids:
            continue
        result.append({"page": specific, "answered": row["answered"], "sent": row["sent"]})
    return result


class AnsweredReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "themes/admin/answered_report.html"
    page_title = "Antwoorden in het KCC"
    header_icon = "form"

    def get_context_data(self, **kwargs):
        from cms.roles import services_for_user

        context = super().get_context_data(**kwargs)
        context["rows"] = answered_counts(services_for_user(self.request.user))
        context["days"] = PERIOD_DAYS
        return context
