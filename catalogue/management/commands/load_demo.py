"""Load the demo catalogue of the fictional Gemeente Heuvelrode.

Idempotent: snippets are upserted by slug and pages that already exist are left alone,
so running it twice changes nothing (and never overwrites an editor's work).
"""

import json
import os
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Page, Site

from catalogue.demo import articles as demo_articles
from catalogue.demo.products import build_product
from catalogue.models import (
    Audience,
    HomePage,
    KnowledgeArticlePage,
    LifeEvent,
    Location,
    OpeningException,
    OpeningHours,
    ProductPage,
    PublicWebsiteSettings,
    RequiredDocument,
    SectionPage,
    Service,
    Topic,
)

DATA = Path(__file__).resolve().parents[2] / "demo" / "data"
DEMO_ADMIN = os.environ.get("DEMO_ADMIN_USERNAME", "admin")
DEMO_PASSWORD = os.environ.get("DEMO_ADMIN_PASSWORD", "heuvelrode-demo")


class Command(BaseCommand):
    help = "Laadt de democatalogus (Gemeente Heuvelrode): diensten, locaties, producten en kennisartikelen."

    def add_arguments(self, parser):
        parser.add_argument("--no-admin", action="store_true", help="Geen beheeraccount aanmaken.")
        parser.add_argument(
            "--url",
            default="http://127.0.0.1:8000",
            help="Adres waarop de server draait, voor de ingangen aan het eind.",
        )

    def step(self, text: str) -> None:
        """Progress: loading takes a minute the first time."""
        self.stdout.write(f"==> {text}")
        self.stdout.flush()

    def handle(self, *args, no_admin: bool = False, url: str = "", **options):
        self.step("Uniforme Productnamenlijst (UPL)")
        call_command("import_upl", stdout=self.stdout, stderr=self.stderr)
        reference = json.loads((DATA / "reference.json").read_text(encoding="utf-8"))
        product_files = sorted(DATA.glob("products_*.json"))
        bundles = [json.loads(p.read_text(encoding="utf-8")) for p in product_files]
        with transaction.atomic():
            self.step("Thema's, documenten, locaties en diensten")
            load_reference(reference, [d for b in bundles for d in b.get("documents", [])])
            home = ensure_home(reference["municipality"]["name"])
            ensure_public_website(reference["municipality"]["website"])
            products_root = ensure_section(home, "Producten", "producten")
            articles_root = ensure_section(home, "Kennisbank", "kennisbank")
            products = [data for bundle in bundles for data in bundle["products"]]
            created = self.add_all("Producten", products_root, products, ProductPage, build_product)
            created_articles = self.add_all(
                "Kennisartikelen",
                articles_root,
                demo_articles.all_articles(),
                KnowledgeArticlePage,
                demo_articles.build_article,
            )
        self.stdout.write(
            f"Demo: {ProductPage.objects.live().count()} producten ({created} nieuw), "
            f"{KnowledgeArticlePage.objects.live().count()} kennisartikelen ({created_articles} nieuw), "
            f"{Service.objects.count()} diensten, {Location.objects.count()} locaties."
        )
        if not no_admin:
            self.ensure_admin()
        # Roles, rights and the moderation workflow (cms/roles.py); demo logins per role.
        self.step("Rollen, rechten en demo-accounts")
        demo_users = [] if no_admin else ["--demo-users"]
        call_command("setup_roles", *demo_users, stdout=self.stdout, stderr=self.stderr)
        # Starting set of search synonyms (search/, idempotent).
        self.step("Zoeksynoniemen")
        call_command("load_search_synonyms", stdout=self.stdout, stderr=self.stderr)
        self.entrances(url.rstrip("/"), with_accounts=not no_admin)

    def add_all(self, label: str, root: SectionPage, items: list[dict], model, build) -> int:
        created = 0
        for done, data in enumerate(items, start=1):
            created += add_entry(root, data, model, build)
            if done % 20 == 0 or done == len(items):
                self.step(f"{label}: {done} van {len(items)}")
        return created

    def entrances(self, url: str, with_accounts: bool) -> None:
        user_password = os.environ.get("DEMO_USER_PASSWORD", DEMO_PASSWORD)
        admin = f" (log in als {DEMO_ADMIN} / {DEMO_PASSWORD})" if with_accounts else ""
        agent = f" (log in als kcc / {user_password})" if with_accounts else ""
        self.stdout.write(
            "\nKlaar. De ingangen:\n"
            f"  Beheer (redacteuren):  {url}/admin/{admin}\n"
            f"  KCC-console:           {url}/kcc/{agent}\n"
            f"  GraphQL-API:           {url}/graphql/ (interne velden: token van "
            "`manage.py kcc_token kcc`)\n"
            "Wachtwoorden zijn die bij het aanmaken (DEMO_ADMIN_PASSWORD, DEMO_USER_PASSWORD)."
        )

    def ensure_admin(self) -> None:
        user_model = get_user_model()
        user, created = user_model.objects.get_or_create(
            username=DEMO_ADMIN,
            defaults={"is_staff": True, "is_superuser": True, "email": "admin@localhost"},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
            self.stdout.write(f"Beheeraccount aangemaakt: {DEMO_ADMIN} / {DEMO_PASSWORD}")
        else:
            self.stdout.write(f"Beheeraccount: {DEMO_ADMIN} (wachtwoord ongewijzigd)")


def load_reference(reference: dict, extra_documents: list[dict]) -> None:
    for model, key in ((Topic, "topics"), (LifeEvent, "life_events"), (Audience, "audiences")):
        for item in reference[key]:
            model.objects.update_or_create(slug=item["slug"], defaults={"name": item["name"]})
    for item in [*reference["documents"], *extra_documents]:
        RequiredDocument.objects.update_or_create(
            slug=item["slug"],
            defaults={"name": item["name"], "description": item.get("description", "")},
        )
    for item in reference["locations"]:
        load_location(item)
    for item in reference["services"]:
        service, _ = Service.objects.update_or_create(
            slug=item["slug"],
            defaults={
                key: item.get(key, "")
                for key in (
                    "name",
                    "description",
                    "phone",
                    "email",
                    "website",
                    "routing_internal",
                    "routing_hours",
                )
            },
        )
        service.locations.set(Location.objects.filter(slug__in=item.get("locations", [])))
        service.save()


def load_location(item: dict) -> None:
    location, created = Location.objects.get_or_create(
        slug=item["slug"],
        defaults={
            key: item.get(key) or ("" if key not in ("latitude", "longitude") else None)
            for key in (
                "name",
                "street",
                "postcode",
                "city",
                "latitude",
                "longitude",
                "accessibility",
            )
        },
    )
    if not created:
        return
    for channel, intervals in item.get("hours", {}).items():
        for order, interval in enumerate(intervals):
            OpeningHours.objects.create(
                location=location, channel=channel, sort_order=order, **interval
            )
    for order, exception in enumerate(item.get("exceptions", [])):
        OpeningException.objects.create(
            location=location,
            sort_order=order,
            date=exception["date"],
            channel=exception.get("channel", ""),
            closed=exception.get("closed", False),
            opens=exception.get("opens"),
            closes=exception.get("closes"),
            note=exception.get("note", ""),
        )


def ensure_home(name: str) -> HomePage:
    home = HomePage.objects.first()
    if home:
        return home
    root = Page.get_first_root_node()
    # Wagtail's initial migration leaves a placeholder "Welcome" page as the site root.
    for placeholder in root.get_children().filter(content_type__model="page"):
        placeholder.delete()
    home = root.add_child(
        instance=HomePage(title=name, slug="home", intro="Producten- en dienstencatalogus")
    )
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=name
        )
    else:
        site.root_page = home
        site.site_name = name
        site.save()
    return home


def ensure_public_website(base_url: str) -> None:
    """Links for citizens point at the (fictional) municipality's website; kept when set."""
    site = Site.objects.get(is_default_site=True)
    PublicWebsiteSettings.objects.get_or_create(
        site=site,
        defaults={
            "base_url": base_url,
            "product_pattern": "{base}/producten/{slug}",
            "article_pattern": "{base}/kennisbank/{slug}",
        },
    )


def ensure_section(
    parent: Page, title: str, slug: str, service: Service | None = None
) -> SectionPage:
    existing = SectionPage.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing
    section = SectionPage(title=title, slug=slug, service=service)
    parent.add_child(instance=section)
    section.save_revision().publish()
    return section


def service_section(root: SectionPage, service: Service) -> SectionPage:
    return ensure_section(root, service.name, service.slug, service=service)


def add_entry(root: SectionPage, data: dict, model, build) -> int:
    """Add one product or article under its service's folder; an existing slug is left alone."""
    if model.objects.filter(slug=data["slug"]).exists():
        return 0
    service = Service.objects.get(slug=data["service"])
    page = build(data, service)
    service_section(root, service).add_child(instance=page)
    page.save_revision().publish()
    return 1
