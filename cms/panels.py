"""A read-only panel in the page editor listing the page's quality problems.

Shown at the top of a product's or article's first tab. It is rendered from the page being
edited and re-checked while the editor types (cms/static/cms/quality.js posts the form to
`cms_quality_check`, which answers with the same fragment for the unsaved content).
"""

from django.conf import settings
from django.urls import reverse
from wagtail.admin.panels import Panel


class QualityPanel(Panel):
    def __init__(self, **kwargs):
        kwargs.setdefault("heading", "Kwaliteitscontrole")
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "kwaliteit"

    class BoundPanel(Panel.BoundPanel):
        template_name = "cms/panels/quality_panel.html"

        def get_context_data(self, parent_context=None):
            from .quality import assess

            context = super().get_context_data(parent_context)
            page = self.instance
            context["saved"] = bool(page.pk)
            context["target"] = settings.READABILITY_TARGET
            if page.pk:
                context["quality"] = assess(page)
                context["check_url"] = reverse("cms_quality_check", args=(page.pk,))
            return context
