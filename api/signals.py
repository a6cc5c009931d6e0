"""Bump the content version whenever published catalogue content may have changed."""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import ContentVersion

# A draft save updates only these page columns; the live content is untouched.
_DRAFT_ONLY_FIELDS = frozenset(
    {
        "draft_title",
        "has_unpublished_changes",
        "latest_revision_created_at",
        "latest_revision",
        "locked",
        "locked_at",
        "locked_by",
    }
)


def _bump(sender, **kwargs) -> None:
    update_fields = kwargs.get("update_fields")
    if update_fields and set(update_fields) <= _DRAFT_ONLY_FIELDS:
        return
    ContentVersion.bump()


def connect() -> None:
    # Catalogue models, pages, and view restrictions (a private section leaves the API).
    senders = [*apps.get_app_config("catalogue").get_models(), Page, PageViewRestriction]
    for model in senders:
        uid = f"api-content-version-{model._meta.label}"
        post_save.connect(_bump, sender=model, dispatch_uid=f"{uid}-save", weak=False)
        post_delete.connect(_bump, sender=model, dispatch_uid=f"{uid}-delete", weak=False)
        for field in model._meta.many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(
                _bump, sender=through, dispatch_uid=f"{uid}-m2m-{field.name}", weak=False
            )
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_bump, dispatch_uid=f"api-content-version-{id(signal)}", weak=False)
