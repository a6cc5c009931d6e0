"""Admin: synonyms and best bets under "Zoeken", weights under Instellingen, and the search report."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import BestBet, Synonym
from .views import SearchReportView, can_view_report


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "list-ul"
    menu_label = "Synoniemen"
    list_display = ["terms", "one_way", "note"]
    list_filter = ["one_way"]
    search_fields = ["terms", "note"]


class BestBetViewSet(SnippetViewSet):
    model = BestBet
    icon = "pick"
    menu_label = "Beste antwoorden"
    list_display = ["query", "page", "sort_order"]
    search_fields = ["query"]


class SearchViewSetGroup(SnippetViewSetGroup):
    items = (SynonymViewSet, BestBetViewSet)
    menu_icon = "search"
    menu_label = "Zoeken"
    menu_name = "zoeken"
    menu_order = 400


register_snippet(SearchViewSetGroup)


@hooks.register("register_admin_urls")
def register_search_urls():
    return [path("zoeken/rapport/", SearchReportView.as_view(), name="pdcsearch_report")]


class SearchReportMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return can_view_report(request.user)


@hooks.register("register_reports_menu_item")
def register_search_report():
    return SearchReportMenuItem(
        "Zoekopdrachten", reverse("pdcsearch_report"), icon_name="search", name="zoekopdrachten"
    )
