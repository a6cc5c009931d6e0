from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from wagtail.models import Page

from .preview import make_preview_token


def headless_preview(request, page_id: int):
    """Redirect an editor to the website's preview of the page's latest revision."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    revision = page.latest_revision
    if revision is None or not settings.HEADLESS_PREVIEW_URL:
        raise Http404("Geen voorbeeld beschikbaar.")
    return redirect(settings.HEADLESS_PREVIEW_URL.replace("{token}", make_preview_token(revision)))
