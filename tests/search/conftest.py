"""Fixtures for the search tests: pages with distinctive words, and the engine under test."""

import os

import pytest
from django.test import override_settings
from factories import make_article, make_product

from search import engines

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


@pytest.fixture(params=ENGINE_PARAMS)
def engine_name(request):
    """Every conformance test runs once per engine; external engines are synced explicitly."""
    name = request.param
    with override_settings(SEARCH_ENGINE=name):
        engines.reset()
        yield name
    engines.reset()


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
