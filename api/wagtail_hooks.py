from django.conf import settings
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem

from catalogue.models import KnowledgeArticlePage, ProductPage

from .admin_views import ApiTokenViewSet
from .preview_views import headless_preview


@hooks.register("register_admin_viewset")
def register_token_viewset():
    return ApiTokenViewSet("graphql_tokens", url_prefix="graphql-tokens")


@hooks.register("register_admin_urls")
def register_preview_url():
    return [
        path(
            "graphql-preview/<int:page_id>/",
            headless_preview,
            name="api_headless_preview",
        )
    ]


class HeadlessPreviewMenuItem(ActionMenuItem):
    """'Voorbeeld op de website': the headless website shows the latest revision."""

    name = "action-headless-preview"
    label = "Voorbeeld op de website"
    icon_name = "view"
    order = 90

    def is_shown(self, context):
        page = context.get("page")
        return (
            bool(settings.HEADLESS_PREVIEW_URL)
            and context.get("view") == "edit"
            and isinstance(page, ProductPage | KnowledgeArticlePage)
        )

    def get_url(self, context):
        return reverse("api_headless_preview", args=[context["page"].pk])


@hooks.register("register_page_action_menu_item")
def register_headless_preview_item():
    return HeadlessPreviewMenuItem()
