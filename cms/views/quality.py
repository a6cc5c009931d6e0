"""Re-check a page's quality from the unsaved edit form, for the editor's quality panel."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_POST
from wagtail.models import Page

from catalogue.models import KnowledgeArticlePage, ProductPage
from cms.quality import assess


@require_POST
def quality_check(request, page_id: int):
    page = get_object_or_404(Page, id=page_id).get_latest_revision_as_object()
    if not isinstance(page, ProductPage | KnowledgeArticlePage):
        raise PermissionDenied
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    form_class = page.get_edit_handler().get_form_class()
    form = form_class(
        request.POST,
        instance=page,
        parent_page=page.get_parent().specific,
        for_user=request.user,
    )
    # Like a draft save: an empty required field must not stop the check.
    form.defer_required_fields()
    valid = form.is_valid()
    form.restore_required_fields()
    if valid:
        page = form.save(commit=False)  # applies the inline formsets in memory only
    else:
        page = Page.objects.get(pk=page_id).get_latest_revision_as_object()
    return render(
        request,
        "cms/panels/quality_results.html",
        {
            "quality": assess(page),
            "form_errors": not valid,
            "target": settings.READABILITY_TARGET,
        },
    )
