"""Check every external link in products, articles and services; store and report broken ones."""

from collections import defaultdict
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from catalogue.models import KnowledgeArticlePage, ProductPage, Service
from cms.links import check_urls, is_external, urls_in_text
from cms.models import CheckedLink, LinkUsage


def _entry_texts(page) -> list[tuple[str, str]]:
    return [
        ("Tekst website", str(page.web_body or "")),
        ("Antwoord KCC", page.kcc_answer),
        ("Antwoord digitale assistent", page.assistant_answer),
        ("Interne notities KCC", page.kcc_internal_notes),
    ]


def collect_links() -> dict[str, set[tuple[int | None, str]]]:
    """url -> {(page id or None, field label)} for every external link in the content."""
    usages: dict[str, set[tuple[int | None, str]]] = defaultdict(set)

    def add(url: str, page_id: int | None, label: str) -> None:
        if is_external(url) and len(url) <= 1000:
            usages[url.strip()].add((page_id, label))

    products = ProductPage.objects.prefetch_related(
        "faqs", "conditions", "procedure_steps", "channels", "legal_bases"
    )
    for page in products:
        texts = _entry_texts(page) + [
            ("Bezwaar en beroep", page.objection),
            ("Als de gemeente niet op tijd beslist", page.no_decision),
        ]
        texts += [
            (f"Veelgestelde vraag \u201c{f.question}\u201d", f.answer) for f in page.faqs.all()
        ]
        texts += [("Voorwaarde", c.text) for c in page.conditions.all()]
        texts += [("Stap", s.text) for s in page.procedure_steps.all()]
        for channel in page.channels.all():
            name = channel.get_kind_display()
            add(channel.form_url, page.pk, f"Kanaal {name}: formulier")
            add(channel.appointment_url, page.pk, f"Kanaal {name}: afspraak maken")
            texts += [(f"Kanaal {name}", f"{channel.what_to_bring}\n{channel.note}")]
        for basis in page.legal_bases.all():
            add(basis.url, page.pk, f"Wettelijke grondslag \u201c{basis.label}\u201d")
        for label, text in texts:
            for url in urls_in_text(text or ""):
                add(url, page.pk, label)
    for page in KnowledgeArticlePage.objects.all():
        add(page.source_url, page.pk, "Bron")
        for label, text in _entry_texts(page):
            for url in urls_in_text(text or ""):
                add(url, page.pk, label)
    for service in Service.objects.all():
        add(service.website, None, f"Dienst {service.name}: website")
    return usages


class Command(BaseCommand):
    help = (
        "Controleert alle externe links in producten, kennisartikelen en diensten "
        "(teksten en linkvelden) en bewaart het resultaat; kapotte links staan op het dashboard."
    )

    def add_arguments(self, parser):
        parser.add_argument("--timeout", type=float, default=settings.LINK_CHECK_TIMEOUT)
        parser.add_argument("--workers", type=int, default=settings.LINK_CHECK_WORKERS)
        parser.add_argument(
            "--host",
            action="append",
            default=[],
            help="Alleen links naar deze host controleren (mag vaker); de rest blijft zoals hij was.",
        )

    def handle(self, *args, timeout: float, workers: int, host: list[str], **options):
        usages = collect_links()
        hosts = {h.lower() for h in host}
        to_check = [u for u in usages if not hosts or (urlsplit(u).hostname or "") in hosts]
        results = check_urls(to_check, timeout=timeout, workers=workers)
        now = timezone.now()
        with transaction.atomic():
            known = {link.url: link for link in CheckedLink.objects.filter(url__in=usages)}
            for url in usages.keys() - known.keys():  # new links, not checked yet
                known[url] = CheckedLink.objects.create(url=url)
            for result in results:
                link = known[result.url]
                if not result.ok and (link.ok or link.broken_since is None):
                    link.broken_since = now
                elif result.ok:
                    link.broken_since = None
                link.ok = result.ok
                link.status_code = result.status_code
                link.error = result.error
                link.checked_at = now
                link.save()
            CheckedLink.objects.exclude(url__in=usages).delete()  # links no longer in use
            LinkUsage.objects.all().delete()
            LinkUsage.objects.bulk_create(
                LinkUsage(link=known[url], page_id=page_id, field=label[:200])
                for url, places in usages.items()
                for page_id, label in places
            )
        broken = [r for r in results if not r.ok]
        self.stdout.write(f"{len(results)} links gecontroleerd, {len(broken)} werken niet.")
        for result in broken:
            problem = f"HTTP {result.status_code}" if result.status_code else result.error
            places = ", ".join(sorted(label for _, label in usages[result.url]))
            self.stdout.write(f"  {result.url} ({problem}) in: {places}")
