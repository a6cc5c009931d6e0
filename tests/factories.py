"""Small builders for test data: a product with valid facts under a service's section."""

from decimal import Decimal

from catalogue.models import KnowledgeArticlePage, ProductFee, ProductPage, SectionPage, Service


def section_for(service: Service) -> SectionPage:
    return SectionPage.objects.get(service=service, url_path__contains="/producten/")


def make_product(
    slug: str, service_slug: str = "burgerzaken", publish: bool = True, **fields
) -> ProductPage:
    service = Service.objects.get(slug=service_slug)
    page = ProductPage(
        title=fields.pop("title", slug.replace("-", " ").capitalize()),
        slug=slug,
        summary=fields.pop("summary", "Een testproduct."),
        responsible_service=service,
        live=fields.pop("live", publish),  # a page never published is not live
        **fields,
    )
    page.fees = [ProductFee(label="Tarief", amount=Decimal("75.35"))]
    section_for(service).add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page


def make_article(slug: str, service_slug: str = "burgerzaken", publish: bool = True, **fields):
    service = Service.objects.get(slug=service_slug)
    section = SectionPage.objects.get(service=service, url_path__contains="/kennisbank/")
    page = KnowledgeArticlePage(
        title=fields.pop("title", slug.replace("-", " ").capitalize()),
        slug=slug,
        summary=fields.pop("summary", "Een testartikel."),
        responsible_service=service,
        live=fields.pop("live", publish),
        **fields,
    )
    section.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page
