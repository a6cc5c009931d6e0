"""Index maintenance from Wagtail's page lifecycle and from snippet changes.

Handlers run synchronously in the transaction of the change that triggers them, so on the
database engine content and index are committed together.
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from catalogue.models import (
    Audience,
    KnowledgeArticlePage,
    LifeEvent,
    ProductPage,
    ProductRequiredDocument,
    RequiredDocument,
    Service,
    Topic,
    UplProduct,
)

from . import indexer
from .documents import is_indexed_model


def _published(sender, instance, **kwargs) -> None:
    if is_indexed_model(type(instance)):
        indexer.index_pages([instance.pk])


def _unpublished(sender, instance, **kwargs) -> None:
    if is_indexed_model(type(instance)):
        indexer.remove_pages([instance.pk])


def _deleted(sender, instance, **kwargs) -> None:
    # Sent for the Page row and for the specific row; removing twice is harmless.
    if isinstance(instance, Page) and (
        is_indexed_model(type(instance)) or instance.content_type_id in _indexed_content_type_ids()
    ):
        indexer.remove_pages([instance.pk])


def _moved(sender, instance, **kwargs) -> None:
    # Urls change and a new parent may be restricted; the whole subtree is rebuilt.
    indexer.index_pages(indexer.subtree_ids(instance))


def _restriction_changed(sender, instance, **kwargs) -> None:
    try:
        page = instance.page
    except Page.DoesNotExist:
        return
    indexer.index_pages(indexer.subtree_ids(page))


def _entries_with(field: str, value) -> list[int]:
    ids: list[int] = []
    for model in (ProductPage, KnowledgeArticlePage):
        if field == "upl" and model is KnowledgeArticlePage:
            continue
        ids += list(model.objects.live().filter(**{field: value}).values_list("id", flat=True))
    return ids


def _snippet_changed(field: str):
    def handler(sender, instance, created=False, raw=False, **kwargs) -> None:
        if raw or created:
            return  # a new snippet is not used by any page yet
        indexer.index_pages(_entries_with(field, instance))

    return handler


def _document_changed(sender, instance, created=False, raw=False, **kwargs) -> None:
    if raw or created:
        return
    page_ids = ProductRequiredDocument.objects.filter(document=instance).values_list(
        "page_id", flat=True
    )
    indexer.index_pages(
        ProductPage.objects.live().filter(id__in=page_ids).values_list("id", flat=True)
    )


_content_type_ids: set[int] = set()


def _indexed_content_type_ids() -> set[int]:
    if not _content_type_ids:
        from django.contrib.contenttypes.models import ContentType

        _content_type_ids.update(
            ContentType.objects.get_for_model(m).id for m in (ProductPage, KnowledgeArticlePage)
        )
    return _content_type_ids


_SNIPPETS = [
    (Service, "responsible_service"),
    (Topic, "topics"),
    (LifeEvent, "life_events"),
    (Audience, "audiences"),
    (UplProduct, "upl"),
]


def connect() -> None:
    page_published.connect(_published, dispatch_uid="pdcsearch_published")
    page_unpublished.connect(_unpublished, dispatch_uid="pdcsearch_unpublished")
    post_delete.connect(_deleted, dispatch_uid="pdcsearch_deleted")
    post_page_move.connect(_moved, dispatch_uid="pdcsearch_moved")
    post_save.connect(
        _restriction_changed, sender=PageViewRestriction, dispatch_uid="pdcsearch_restriction_saved"
    )
    post_delete.connect(
        _restriction_changed,
        sender=PageViewRestriction,
        dispatch_uid="pdcsearch_restriction_deleted",
    )
    for model, field in _SNIPPETS:
        post_save.connect(
            _snippet_changed(field), sender=model, weak=False, dispatch_uid=f"pdcsearch_{field}"
        )
    post_save.connect(_document_changed, sender=RequiredDocument, dispatch_uid="pdcsearch_document")


__all__ = ["connect"]
