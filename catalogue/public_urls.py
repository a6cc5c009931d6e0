"""`public_url(page)`: the page's address on the municipality's website, or None.

The one source of every URL that leaves the system (GraphQL, search hits, the REST API, the
KCC console's "Stuur naar inwoner"). It reads the site setting *Publieke website*
(`PublicWebsiteSettings`); without a base URL there it answers None, never the CMS's own
address, which citizens must not be sent to.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, Site

from .domain.public_url import build_public_url
from .models.website import PublicWebsiteSettings

_REQUEST_CACHE = "_public_website_settings"


def public_url(page: Page, request=None) -> str | None:
    return public_urls([page], request).get(page.pk)


def public_urls(pages: Iterable[Page], request=None) -> dict[int, str | None]:
    """Page id -> website URL (None without a configured website or outside every site)."""
    return _urls(
        [(p.pk, p.url_path, p.slug, p.specific_class._meta.model_name) for p in pages], request
    )


def public_urls_by_id(page_ids: Iterable[int], request=None) -> dict[int, str | None]:
    """Like `public_urls`, for page ids (one query for the pages)."""
    rows = Page.objects.filter(id__in=list(page_ids)).values_list(
        "id", "url_path", "slug", "content_type_id"
    )
    return _urls(
        [
            (page_id, url_path, slug, ContentType.objects.get_for_id(type_id).model)
            for page_id, url_path, slug, type_id in rows
        ],
        request,
    )


def website_configured(site: Site | None) -> bool:
    """Whether links for citizens can be made for this site (admin warnings ask this)."""
    if site is None:
        return False
    return bool(_settings([site.pk], None).get(site.pk))


def _urls(pages: list[tuple[int, str, str, str]], request) -> dict[int, str | None]:
    roots = sorted(Site.get_site_root_paths(), key=lambda root: -len(root.root_path))
    placed = {}
    for page_id, url_path, slug, model_name in pages:
        root = next((r for r in roots if url_path.startswith(r.root_path)), None)
        if root is not None:
            placed[page_id] = (root.site_id, url_path[len(root.root_path) :], slug, model_name)
    websites = _settings({site_id for site_id, *_ in placed.values()}, request)
    urls: dict[int, str | None] = {page_id: None for page_id, *_ in pages}
    for page_id, (site_id, path, slug, model_name) in placed.items():
        website = websites.get(site_id)
        if website is not None:
            urls[page_id] = build_public_url(
                website.base_url, website.pattern_for(model_name), slug=slug, path=path
            )
    return urls


def _settings(site_ids: Iterable[int], request) -> dict[int, PublicWebsiteSettings]:
    """The configured website per site id; read once per request when there is one."""
    cached = getattr(request, _REQUEST_CACHE, None) if request is not None else None
    if cached is None:
        cached = {}
        if request is not None:
            setattr(request, _REQUEST_CACHE, cached)
    missing = [site_id for site_id in site_ids if site_id not in cached]
    if missing:
        found = {s.site_id: s for s in PublicWebsiteSettings.objects.filter(site_id__in=missing)}
        for site_id in missing:
            setting = found.get(site_id)
            cached[site_id] = setting if setting is not None and setting.base_url else None
    return {site_id: cached[site_id] for site_id in site_ids if cached.get(site_id)}
