"""Wagtail's users app with group views that log which rights changed (see cms.audit).

Listed in INSTALLED_APPS instead of "wagtail.users".
"""

from wagtail.users.apps import WagtailUsersAppConfig


class UsersAppConfig(WagtailUsersAppConfig):
    group_viewset = "cms.views.groups.GroupViewSet"
