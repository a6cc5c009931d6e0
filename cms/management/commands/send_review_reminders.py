"""E-mail content owners the pages they must review: past or near their review date.

Meant to run daily (cron or a systemd timer). Each recipient gets one e-mail listing all of
their pages. A page without a content owner goes to the editors of its service.
"""

from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from catalogue.models import KnowledgeArticlePage, ProductPage, SectionPage
from cms.roles import editor_group_name


def _service_of(page, sections: dict[str, object]):
    return page.responsible_service or sections.get(page.path[: -Page.steplen])


def due_pages(until):
    """Products and articles whose review date is on or before `until`, oldest first."""
    pages = []
    for model in (ProductPage, KnowledgeArticlePage):
        pages += list(
            model.objects.filter(review_date__lte=until)
            .select_related("content_owner", "responsible_service")
            .order_by("review_date", "title")
        )
    return sorted(pages, key=lambda p: (p.review_date, p.title))


class Command(BaseCommand):
    help = "Stuurt inhoudelijk eigenaren een herinnering voor pagina's die nagekeken moeten worden."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days-ahead",
            type=int,
            default=14,
            help="Ook pagina's die binnen zoveel dagen nagekeken moeten worden (standaard 14).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Niets versturen, alleen tonen.")

    def handle(self, *args, days_ahead: int, dry_run: bool, **options):
        today = timezone.localdate()
        pages = due_pages(today + timedelta(days=days_ahead))
        sections = {
            s.path: s.service
            for s in SectionPage.objects.filter(service__isnull=False).select_related("service")
        }
        editors: dict[str, list] = {}
        user_model = get_user_model()
        per_recipient: dict[object, list] = defaultdict(list)
        unassigned = []
        for page in pages:
            owner = page.content_owner
            if owner is not None and owner.is_active and owner.email:
                per_recipient[owner].append(page)
                continue
            service = _service_of(page, sections)
            if service is None:
                unassigned.append(page)
                continue
            group = editor_group_name(service)
            if group not in editors:
                editors[group] = list(
                    user_model.objects.filter(groups__name=group, is_active=True).exclude(email="")
                )
            if not editors[group]:
                unassigned.append(page)
            for editor in editors[group]:
                per_recipient[editor].append(page)

        for recipient, own_pages in per_recipient.items():
            subject, body = self.message(recipient, own_pages, today)
            if not dry_run:
                send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient.email])
            self.stdout.write(f"{recipient.email}: {len(own_pages)} pagina('s)")
        for page in unassigned:
            self.stdout.write(
                f"Geen ontvanger voor \u201c{page.title}\u201d (geen eigenaar of redacteur)."
            )
        self.stdout.write(
            f"{len(per_recipient)} herinnering(en) {'niet ' if dry_run else ''}verstuurd "
            f"voor {len(pages)} pagina('s)."
        )

    def message(self, recipient, pages, today) -> tuple[str, str]:
        overdue = sum(1 for p in pages if p.review_date < today)
        subject = f"Nakijken: {len(pages)} pagina('s)" + (
            f", waarvan {overdue} over de datum" if overdue else ""
        )
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        lines = [
            f"Beste {recipient.get_full_name() or recipient.get_username()},",
            "",
            "Deze pagina's moeten worden nagekeken. Klopt alles nog? Pas de tekst aan of zet een "
            "nieuwe controledatum.",
            "",
        ]
        for page in pages:
            state = "over de datum" if page.review_date < today else "binnenkort"
            lines.append(f"- {page.title}: controleren vóór {page.review_date:%d-%m-%Y} ({state})")
            lines.append(f"  {base}{reverse('wagtailadmin_pages:edit', args=(page.pk,))}")
        lines += ["", f"Overzicht: {base}{reverse('cms_dashboard')}"]
        return subject, "\n".join(lines)
