"""Small builders for test data: a product with valid facts under a service's section."""

from decimal import Decimal

from catalogue.models import KnowledgeArticlePage, ProductFee, ProductPage, SectionPage, Service


def section_for(service: Service) -> SectionPage:
    return SectionPage.objects.get(service=service, url_path__contains="/producten/")


def _entry_fields(slug: str, service: Service, publish: bool, summary: str, fields: dict) -> dict:
    """Constructor arguments shared by products and articles (title from the slug)."""
    return {
        "title": fields.pop("title", slug.replace("-", " ").capitalize()),
        "slug": slug,
        "summary": fields.pop("summary", summary),
        "responsible_service": service,
        "live": fields.pop("live", publish),  # a page never published is not live
        **fields,
    }


def _add(section: SectionPage, page, publish: bool):
    section.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page


def make_product(
    slug: str, service_slug: str = "burgerzaken", publish: bool = True, **fields
) -> ProductPage:
    service = Service.objects.get(slug=service_slug)
    page = ProductPage(**_entry_fields(slug, service, publish, "Een testproduct.", fields))
    page.fees = [ProductFee(label="Tarief", amount=Decimal("75.35"))]
    return _add(section_for(service), page, publish)


def make_article(
    slug: str, service_slug: str = "burgerzaken", publish: bool = True, **fields
) -> KnowledgeArticlePage:
    service = Service.objects.get(slug=service_slug)
    section = SectionPage.objects.get(service=service, url_path__contains="/kennisbank/")
    page = KnowledgeArticlePage(**_entry_fields(slug, service, publish, "Een testartikel.", fields))
    return _add(section, page, publish)
