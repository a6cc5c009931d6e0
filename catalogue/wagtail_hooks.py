"""Admin wiring: the catalogue's snippets grouped under one menu item."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Audience, LifeEvent, Location, RequiredDocument, Service, Topic, UplProduct


class ServiceViewSet(SnippetViewSet):
    model = Service
    icon = "group"
    menu_label = "Diensten"
    list_display = ["name", "phone", "email"]


class LocationViewSet(SnippetViewSet):
    model = Location
    icon = "site"
    menu_label = "Locaties"
    list_display = ["name", "street", "city"]


class RequiredDocumentViewSet(SnippetViewSet):
    model = RequiredDocument
    icon = "doc-full"
    menu_label = "Benodigde documenten"
    list_display = ["name", "slug"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = "Thema's"


class LifeEventViewSet(SnippetViewSet):
    model = LifeEvent
    icon = "calendar"
    menu_label = "Levensgebeurtenissen"


class AudienceViewSet(SnippetViewSet):
    model = Audience
    icon = "user"
    menu_label = "Doelgroepen"


class UplViewSet(SnippetViewSet):
    model = UplProduct
    icon = "list-ul"
    menu_label = "UPL"
    list_display = ["name", "uri", "sdg_code"]
    list_filter = ["for_municipalities", "for_citizens", "for_businesses"]


class CatalogueGroup(SnippetViewSetGroup):
    menu_label = "Catalogus"
    menu_icon = "folder-open-inverse"
    menu_order = 200
    items = (
        ServiceViewSet,
        LocationViewSet,
        RequiredDocumentViewSet,
        TopicViewSet,
        LifeEventViewSet,
        AudienceViewSet,
        UplViewSet,
    )


register_snippet(CatalogueGroup)
