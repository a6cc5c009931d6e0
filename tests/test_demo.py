"""The demo loader builds a realistic catalogue, and running it twice changes nothing."""

import io
from collections import Counter

import pytest
from django.core.management import call_command
from wagtail.models import Revision

from catalogue.models import (
    KnowledgeArticlePage,
    Location,
    ProductPage,
    RequiredDocument,
    Service,
    UplProduct,
)

pytestmark = pytest.mark.django_db


def test_demo_catalogue_has_the_promised_size():
    products = ProductPage.objects.live()
    assert products.count() >= 60
    topics = Counter(t for p in products.prefetch_related("topics") for t in p.topics.all())
    assert len(topics) >= 8
    assert Service.objects.count() >= 3
    assert Location.objects.filter(opening_hours__isnull=False).distinct().count() >= 2
    assert KnowledgeArticlePage.objects.live().count() >= 30
    assert RequiredDocument.objects.count() >= 10


def test_every_product_has_wording_for_every_channel():
    for product in ProductPage.objects.live():
        assert product.web_body.strip(), product.slug
        assert product.kcc_answer.strip(), product.slug
        assert 0 < len(product.assistant_answer) <= 300, product.slug
        assert product.responsible_service_id, product.slug


def test_every_demo_product_passes_validation():
    for product in ProductPage.objects.live():
        product.full_clean()
        for fee in product.fees.all():
            fee.full_clean()
        for channel in product.channels.all():
            channel.full_clean()


@pytest.mark.parametrize(
    "words",
    [
        "paspoort",
        "identiteitskaart",
        "rijbewijs",
        "verhuizing",
        "geboorte",
        "overlijden",
        "huwelijk",
        "uittreksel",
        "gedrag",
        "parkeervergunning",
        "gehandicaptenparkeerkaart",
        "grofvuil",
        "container",
        "omgevingsvergunning",
        "kap",
        "evenement",
        "hondenbelasting",
        "woz",
        "kwijtschelding",
        "bijstand",
        "schuld",
        "wmo",
        "leerlingenvervoer",
        "naturalisatie",
        "melding",
        "gevonden",
        "standplaats",
        "alcohol",
        "bibliotheek",
    ],
)
def test_demo_covers_what_the_kcc_is_asked_most(words):
    hits = [
        p.slug
        for p in ProductPage.objects.live()
        if words in f"{p.title} {p.keywords} {p.synonyms} {p.summary}".lower()
    ]
    assert hits, f"no demo product about {words!r}"


def test_upl_list_is_imported_and_referenced():
    assert UplProduct.objects.count() > 1000
    assert ProductPage.objects.filter(upl__isnull=False).count() >= 40
    passport = ProductPage.objects.get(slug="paspoort-aanvragen")
    assert passport.upl.uri == "http://standaarden.overheid.nl/owms/terms/paspoort"


def test_loading_twice_changes_nothing():
    before = (
        ProductPage.objects.count(),
        KnowledgeArticlePage.objects.count(),
        Revision.objects.count(),
        UplProduct.objects.count(),
        Location.objects.get(slug="stadhuis").opening_hours.count(),
    )
    call_command("load_demo", "--no-admin", verbosity=0, stdout=io.StringIO())
    after = (
        ProductPage.objects.count(),
        KnowledgeArticlePage.objects.count(),
        Revision.objects.count(),
        UplProduct.objects.count(),
        Location.objects.get(slug="stadhuis").opening_hours.count(),
    )
    assert after == before


def test_articles_link_to_products():
    linked = KnowledgeArticlePage.objects.filter(related_products__isnull=False).distinct()
    assert linked.count() >= 10


def test_counter_channels_point_at_locations_with_counter_hours():
    """A product that sends citizens to a counter names a place that has counter hours."""
    for product in ProductPage.objects.live().prefetch_related("channels__locations"):
        for channel in product.channels.all():
            if channel.kind != "counter":
                continue
            for location in channel.locations.all():
                hours = location.opening_hours.filter(channel="counter")
                assert hours.exists(), (product.slug, location.slug)


def test_library_counter_hours_match_the_service():
    """The library's service says 'di t/m za 10.00-17.00'; its counter has those hours."""
    library = Service.objects.get(slug="bibliotheek")
    (location,) = library.locations.all()
    days = sorted(
        location.opening_hours.filter(channel="counter").values_list("weekday", flat=True)
    )
    assert days == [1, 2, 3, 4, 5]
