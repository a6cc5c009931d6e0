"""Which theme applies to a request, robust enough for the error pages."""

import logging

from wagtail.models import Site

from .models import ThemeSettings

logger = logging.getLogger(__name__)
_CACHE_ATTR = "_theme_settings"


def theme_for_request(request=None) -> ThemeSettings:
    """The site's theme; an unsaved default theme when no site or no database is available."""
    if request is not None and hasattr(request, _CACHE_ATTR):
        return getattr(request, _CACHE_ATTR)
    theme = None
    try:
        site = Site.find_for_request(request) if request is not None else None
        site = site or Site.objects.filter(is_default_site=True).first() or Site.objects.first()
        if site is not None:
            theme = ThemeSettings.for_site(site)
    except Exception:  # noqa: BLE001 - an error page must render even when the database is down
        logger.warning("Huisstijl niet te laden; standaardhuisstijl gebruikt.", exc_info=True)
    if theme is None:
        theme = ThemeSettings(site=Site(site_name=""))
    if request is not None:
        setattr(request, _CACHE_ATTR, theme)
    return theme
