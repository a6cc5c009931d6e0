"""Fixtures for the search tests: pages with distinctive words, and the engine under test."""

import os

import pytest
from django.test import override_settings
from factories import make_product

from catalogue.models import KnowledgeArticlePage, SectionPage, Service
from search import engines, indexer

ENGINE_PARAMS = [
    "database",
    pytest.param(
        "elasticsearch",
        marks=[
            pytest.mark.elasticsearch,
            pytest.mark.skipif(
                not os.environ.get("ELASTICSEARCH_URL"), reason="ELASTICSEARCH_URL is not set"
            ),
        ],
    ),
]


def make_article(slug: str, service_slug: str = "burgerzaken", publish: bool = True, **fields):
    service = Service.objects.get(slug=service_slug)
    section = SectionPage.objects.get(service=service, url_path__contains="/kennisbank/")
    page = KnowledgeArticlePage(
        title=fields.pop("title", slug.replace("-", " ").capitalize()),
        slug=slug,
        summary=fields.pop("summary", "Een testartikel."),
        responsible_service=service,
        **fields,
    )
    section.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page


@pytest.fixture(params=ENGINE_PARAMS)
def engine_name(request):
    """Every conformance test runs once per engine; external engines are synced explicitly."""
    name = request.param
    with override_settings(SEARCH_ENGINE=name):
        engines.reset()
        yield name
    engines.reset()


def sync(engine_name: str) -> None:
    """Make writes visible to engines that are not transactional (outbox, refresh)."""
    engine = engines.get_engine(engine_name)
    if not engine.transactional:
        indexer.process_outbox()
        refresh = getattr(engine, "refresh", None)
        if refresh:
            refresh()


@pytest.fixture
def mooring(db):
    """A product and an article about mooring a houseboat: words the demo does not use."""
    product = make_product(
        "ligplaatsvergunning-woonboot",
        title="Ligplaatsvergunning voor een woonboot",
        summary="U vraagt een ligplaatsvergunning aan als u met uw woonboot in de gracht wilt liggen.",
        keywords="woonboot, ligplaats, woonark",
        kcc_answer="Een ligplaatsvergunning vraagt u online aan. De behandeling duurt 8 weken.",
    )
    article = make_article(
        "mag-mijn-woonboot-overal-liggen",
        title="Mag mijn woonboot overal in de gracht liggen?",
        summary="Nee. Voor een vaste plek heeft u een vergunning nodig.",
        web_body="<p>Woonboten liggen alleen op aangewezen plekken in de gracht.</p>",
    )
    return product, article
