"""The quality dashboard: per service and overall, with charts and the pages to fix."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from catalogue.models import Service
from cms import dashboard
from cms.roles import services_for_user


class DashboardView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "cms/dashboard.html"
    page_title = "Kwaliteit van de inhoud"
    header_icon = "doc-full-inverse"
    _show_breadcrumbs = True

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        own = services_for_user(self.request.user)
        selected = None
        slug = self.request.GET.get("dienst")
        if slug:
            selected = get_object_or_404(Service, slug=slug)
            if own is not None and selected.pk not in own:
                raise PermissionDenied
        elif own is not None and len(own) == 1:
            selected = Service.objects.get(pk=next(iter(own)))
        # Editors see their own services; the final editors and administrators see all.
        data = dashboard.build(selected=selected, service_ids=own)
        context.update(
            dashboard=data,
            current=data.current,
            selected=selected,
            own_services=own,
            services=[f for f in data.services if f.slug],
            target=settings.READABILITY_TARGET,
            long_sentence_words=settings.LONG_SENTENCE_WORDS,
        )
        return context
