"""Admin wiring of the themes app: the report of answered KCC contacts.

The theme itself is a site setting (Instellingen → Huisstijl), registered in models.py.
"""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .reports import AnsweredReportView


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("kcc-antwoorden/", AnsweredReportView.as_view(), name="themes_answered_report")]


class _EditorsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("wagtailadmin.access_admin")


@hooks.register("register_reports_menu_item")
def register_answered_report():
    return _EditorsMenuItem(
        "Antwoorden in het KCC",
        reverse("themes_answered_report"),
        icon_name="form",
        order=720,
    )
