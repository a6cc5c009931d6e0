"""Reports from the KCC that an answer is missing or wrong (used by the KCC console)."""

from django.db import transaction
from wagtail.models import Page

from catalogue.models import SectionPage, Service

from .models import ContentFeedback


def service_of(page: Page) -> Service | None:
    """The service responsible for a page: its own field, else the service of its folder."""
    specific = page.specific
    service = getattr(specific, "responsible_service", None)
    if service is not None:
        return service
    section = SectionPage.objects.filter(service__isnull=False).ancestor_of(page).last()
    return section.service if section else None


@transaction.atomic
def report_feedback(
    kind: str,
    *,
    page: Page | None = None,
    service: Service | None = None,
    query: str = "",
    remark: str = "",
    user=None,
) -> ContentFeedback:
    """Record that an answer is missing ("missing") or wrong ("wrong").

    `page` is the product or article that was shown (if any); without `service` the report goes
    to the page's responsible service. It then appears as an open task for that service's
    editors in the admin (Meldingen uit het KCC) and on the quality dashboard.
    """
    if kind not in ContentFeedback.Kind.values:
        raise ValueError(
            f"Onbekende soort melding: {kind!r} (kies uit {ContentFeedback.Kind.values})"
        )
    if service is None and page is not None:
        service = service_of(page)
    return ContentFeedback.objects.create(
        kind=kind,
        page=page,
        service=service,
        query=(query or "")[:500],
        remark=remark or "",
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
