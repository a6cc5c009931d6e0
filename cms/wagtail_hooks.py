"""Admin wiring for editorial governance: audit log actions, quality panel, dashboard, reports."""

from django.conf import settings
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.components import Component

from . import audit
from .views.dashboard import DashboardView
from .views.feedback import feedback_viewset
from .views.proposals import ProposalView
from .views.quality import quality_check


@hooks.register("register_log_actions")
def register_log_actions(actions):
    audit.register_log_actions(actions)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("kwaliteit/", DashboardView.as_view(), name="cms_dashboard"),
        path("kwaliteit/controle/<int:page_id>/", quality_check, name="cms_quality_check"),
        path("kwaliteit/voorstel/", ProposalView.as_view(), name="cms_proposal"),
        path("kwaliteit/voorstel/<int:page_id>/", ProposalView.as_view(), name="cms_proposal_for"),
    ]


@hooks.register("register_admin_menu_item")
def register_quality_menu():
    return SubmenuMenuItem(
        "Kwaliteit",
        Menu(
            items=[
                MenuItem("Dashboard", reverse("cms_dashboard"), icon_name="doc-full-inverse"),
                MenuItem("Wijziging voorstellen", reverse("cms_proposal"), icon_name="comment"),
            ]
        ),
        name="kwaliteit",
        icon_name="doc-full-inverse",
        order=300,
    )


@hooks.register("register_admin_viewset")
def register_feedback_viewset():
    return feedback_viewset


class QualityHomePanel(Component):
    """On the admin home page: the state of the user's own services, with a freshness chart."""

    name = "cms_quality"
    order = 110
    template_name = "cms/home/quality_panel.html"

    def get_context_data(self, parent_context=None):
        from . import dashboard
        from .roles import services_for_user

        request = parent_context["request"]
        own = services_for_user(request.user)
        data = dashboard.build(service_ids=own)
        return {
            "dashboard": data,
            "figures": data.overall,
            "scope": "al uw diensten"
            if own is None
            else "uw dienst"
            if len(own) == 1
            else "uw diensten",
            "target": settings.READABILITY_TARGET,
        }


@hooks.register("construct_homepage_panels")
def add_quality_panel(request, panels):
    if request.user.has_perm("wagtailadmin.access_admin"):
        panels.append(QualityHomePanel())


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def grant_new_service_folder(request, page):
    """A new folder for a service gives that service's editors their rights at once."""
    from catalogue.models import SectionPage

    from .roles import sync_roles

    specific = page.specific
    if isinstance(specific, SectionPage) and specific.service_id:
        sync_roles()


@hooks.register("insert_global_admin_css")
def quality_css():
    return format_html('<link rel="stylesheet" href="{}">', static("cms/quality.css"))


@hooks.register("insert_editor_js")
def quality_js():
    return format_html('<script src="{}" defer></script>', static("cms/quality.js"))
