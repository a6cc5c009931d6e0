"""Admin wiring: the catalogue's snippets under one menu item; a warning while links for
citizens cannot be made (no public website set)."""

from django.contrib import messages
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Site
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Audience, LifeEvent, Location, RequiredDocument, Service, Topic, UplProduct
from .public_urls import website_configured


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


MISSING_WEBSITE = (
    "Er is nog geen adres van de publieke website ingesteld voor {site}: de API, de "
    "zoekresultaten en de KCC-console geven daarom geen links naar pagina's. Stel het in onder "
)


def _settings_link(site: Site) -> str:
    url = reverse("wagtailsettings:edit", args=["catalogue", "publicwebsitesettings", site.pk])
    return format_html('<a href="{}">Instellingen → Publieke website</a>.', url)


def missing_website_warning(site: Site):
    return format_html(
        "{}{}", MISSING_WEBSITE.format(site=site.site_name or site.hostname), _settings_link(site)
    )


class MissingWebsitePanel(Component):
    """On the admin home page, for every site without a public website."""

    name = "public_website_missing"
    order = 10

    def __init__(self, sites: list[Site]):
        self.sites = sites

    def render_html(self, parent_context=None):
        return format_html(
            '<section class="panel"><div class="help-block help-warning" role="status">{}'
            "</div></section>",
            format_html_join("", "<p>{}</p>", ((missing_website_warning(s),) for s in self.sites)),
        )


@hooks.register("construct_homepage_panels")
def warn_about_missing_website(request, panels):
    missing = [site for site in Site.objects.all() if not website_configured(site)]
    if missing:
        panels.append(MissingWebsitePanel(missing))


@hooks.register("before_edit_page")
def warn_on_edit_without_website(request, page):
    site = page.get_site()
    if request.method == "GET" and site is not None and not website_configured(site):
        messages.warning(request, missing_website_warning(site))
