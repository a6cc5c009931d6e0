"""Products through the API: the facts as stored, the wording per channel and format."""

from datetime import date
from decimal import Decimal

import pytest
from api_support import PRODUCT_FACTS, gql

from catalogue.domain.formatting import format_euro
from catalogue.models import ProductFee, ProductPage, PublicWebsiteSettings

pytestmark = pytest.mark.django_db

DETAIL = PRODUCT_FACTS + "query($slug: String!) { product(slug: $slug) { ...Facts } }"


def demo_product() -> ProductPage:
    """The richest published demo product: the one with the most channels and fees."""
    products = ProductPage.objects.live().prefetch_related("channels", "fees")
    return max(products, key=lambda p: (len(p.channels.all()), len(p.fees.all()), -p.pk))


def test_product_detail_matches_the_stored_facts(client):
    page = demo_product()
    status, body = gql(client, DETAIL, {"slug": page.slug})
    assert status == 200, body
    assert "errors" not in body
    product = body["data"]["product"]
    assert product["id"] == str(page.pk)
    assert product["title"] == page.title
    assert product["summary"] == page.summary
    website = PublicWebsiteSettings.objects.get()  # the demo's: products at {base}/producten/{slug}
    assert product["url"] == f"{website.base_url}/producten/{page.slug}"
    assert product["keywords"] == page.keyword_list
    if page.upl:
        assert product["upl"] == {
            "uri": page.upl.uri,
            "name": page.upl.name,
            "sdgCode": page.upl.sdg_code or None,
        }
    today = date.today()
    expected_fees = [f for f in page.fees.all() if f.is_valid_on(today)]
    assert [f["label"] for f in product["fees"]] == [f.label for f in expected_fees]
    for fee, stored in zip(product["fees"], expected_fees, strict=True):
        assert fee["formatted"] == format_euro(stored.amount, free=stored.free)
        assert fee["currency"] == "EUR"
        if not stored.free:
            assert Decimal(fee["amount"]) == stored.amount
    channels = list(page.channels.all())
    assert [c["kind"] for c in product["channels"]] == [c.kind.upper() for c in channels]
    assert [c["order"] for c in product["channels"]] == list(range(1, len(channels) + 1))
    location_slugs = []
    for channel in channels:
        for location in channel.locations.all():
            if location.slug not in location_slugs:
                location_slugs.append(location.slug)
    assert sorted(loc["slug"] for loc in product["locations"]) == sorted(location_slugs)
    assert [d["slug"] for d in product["requiredDocuments"]] == [
        d.document.slug for d in page.required_documents.all()
    ]
    assert [s["position"] for s in product["procedure"]] == list(
        range(1, page.procedure_steps.count() + 1)
    )
    assert {t["slug"] for t in product["topics"]} == set(page.topics.values_list("slug", flat=True))
    assert product["responsibleService"]["slug"] == page.responsible_service.slug


def test_unknown_or_odd_slugs_give_null_not_errors(client):
    for slug in ("bestaat-niet", "x" * 300, "nul\x00teken", ""):
        status, body = gql(client, "query($s: String!) { product(slug: $s) { id } }", {"s": slug})
        assert status == 200, body
        assert body == {"data": {"product": None}}


def test_fees_follow_the_asked_date(client):
    page = demo_product()
    ProductFee.objects.filter(page=page).delete()
    for order, fee in enumerate(
        [
            ProductFee(label="Oud", amount=Decimal("10"), valid_until=date(2026, 12, 31)),
            ProductFee(label="Nieuw", amount=Decimal("12.50"), valid_from=date(2027, 1, 1)),
            ProductFee(label="Altijd", free=True),
        ]
    ):
        fee.page, fee.sort_order = page, order
        fee.save()
    query = "query($s: String!, $d: Date) { product(slug: $s) { fees(date: $d) { label formatted amount free } } }"
    _, old = gql(client, query, {"s": page.slug, "d": "2026-06-01"})
    _, new = gql(client, query, {"s": page.slug, "d": "2027-06-01"})
    assert [f["label"] for f in old["data"]["product"]["fees"]] == ["Oud", "Altijd"]
    assert [f["label"] for f in new["data"]["product"]["fees"]] == ["Nieuw", "Altijd"]
    assert new["data"]["product"]["fees"][0]["formatted"] == "€ 12,50"
    assert new["data"]["product"]["fees"][1] == {
        "label": "Altijd",
        "formatted": "gratis",
        "amount": None,
        "free": True,
    }


def test_ready_by_counts_working_days_around_public_holidays(client):
    page = demo_product()
    ProductPage.objects.filter(pk=page.pk).update(
        lead_time_immediate=False, lead_time_min=3, lead_time_max=5, lead_time_unit="working_days"
    )
    query = """query($s: String!, $from: Date) { product(slug: $s) { leadTime {
        min max unit formatted readyBy(from: $from) readyWindow(from: $from) { earliest latest } } } }"""
    # Tuesday 22 December 2026: Christmas (Fri 25) and Boxing Day (Sat 26) are public holidays.
    _, body = gql(client, query, {"s": page.slug, "from": "2026-12-22"})
    lead = body["data"]["product"]["leadTime"]
    assert (lead["min"], lead["max"], lead["unit"]) == (3, 5, "WORKING_DAYS")
    assert lead["readyWindow"] == {"earliest": "2026-12-28", "latest": "2026-12-30"}
    assert lead["readyBy"] == "2026-12-30"
    assert "werkdagen" in lead["formatted"]


def test_out_of_range_dates_are_refused_cleanly(client):
    page = demo_product()
    query = 'query($s: String!) { product(slug: $s) { leadTime { readyBy(from: "9999-12-31") } } }'
    status, body = gql(client, query, {"s": page.slug})
    assert status == 200
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert "2200" in body["errors"][0]["message"]


TEXTS = """query($s: String!, $c: Channel!) { product(slug: $s, channel: $c) {
  channel html: text(format: HTML) md: text(format: MARKDOWN) plain: text(format: PLAIN)
  web: text(channel: WEB, format: PLAIN) } }"""


def test_text_is_worded_per_channel_and_format(client):
    page = demo_product()
    page.kcc_answer = "Zeg: **maak een afspraak** via [de site](https://example.nl)."
    page.assistant_answer = "Maak een afspraak."
    page.web_body = "<p>Webtekst <script>alert(1)</script><b>vet</b></p>"
    page.save()
    texts = {}
    for channel in ("WEB", "KCC", "ASSISTANT"):
        status, body = gql(client, TEXTS, {"s": page.slug, "c": channel})
        assert status == 200 and "errors" not in body, body
        texts[channel] = body["data"]["product"]
        assert texts[channel]["channel"] == channel
    assert "<strong>maak een afspraak</strong>" in texts["KCC"]["html"]
    assert "**maak een afspraak**" in texts["KCC"]["md"]
    assert texts["KCC"]["plain"] == "Zeg: maak een afspraak via de site (https://example.nl)."
    assert texts["ASSISTANT"]["plain"] == "Maak een afspraak."
    assert "<script>" not in texts["WEB"]["html"] and "<b>vet</b>" in texts["WEB"]["html"]
    assert texts["WEB"]["plain"] == "Webtekst vet"
    # An explicit channel on the field overrides the query's channel.
    assert texts["KCC"]["web"] == texts["WEB"]["plain"]


def test_empty_channel_texts_fall_back(client):
    page = demo_product()
    ProductPage.objects.filter(pk=page.pk).update(kcc_answer="", assistant_answer="")
    _, kcc = gql(client, TEXTS, {"s": page.slug, "c": "KCC"})
    _, web = gql(client, TEXTS, {"s": page.slug, "c": "WEB"})
    _, assistant = gql(client, TEXTS, {"s": page.slug, "c": "ASSISTANT"})
    assert kcc["data"]["product"]["html"] == web["data"]["product"]["html"]
    assert assistant["data"]["product"]["plain"] == page.summary


def test_facts_are_identical_in_every_channel(client):
    page = demo_product()
    query = (
        PRODUCT_FACTS
        + "query($s: String!, $c: Channel!) { product(slug: $s, channel: $c) { ...Facts } }"
    )
    answers = []
    for channel in ("WEB", "KCC", "ASSISTANT"):
        status, body = gql(client, query, {"s": page.slug, "c": channel})
        assert status == 200 and "errors" not in body, body
        answers.append(body["data"]["product"])
    assert answers[0] == answers[1] == answers[2]
    assert answers[0]["fees"] or answers[0]["channels"]  # the comparison is not vacuous


def test_internal_links_in_rich_text_are_expanded(client):
    target = demo_product()
    other = ProductPage.objects.live().exclude(pk=target.pk).first()
    other.web_body = f'<p>Zie <a linktype="page" id="{target.pk}">dit product</a>.</p>'
    other.save()
    query = "query($s: String!) { product(slug: $s) { text } }"
    _, detail = gql(client, query, {"s": other.slug})
    assert f'href="{target.url}"' in detail["data"]["product"]["text"]
    _, listing = gql(client, "{ products(first: 100) { nodes { slug text } } }")
    texts = {p["slug"]: p["text"] for p in listing["data"]["products"]["nodes"]}
    assert texts[other.slug] == detail["data"]["product"]["text"]


def test_products_are_paginated_with_cursors(client):
    total = ProductPage.objects.live().public().count()
    query = """query($after: String) { products(first: 7, after: $after) {
        totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { slug } } } }"""
    seen, after, pages = [], None, 0
    while True:
        status, body = gql(client, query, {"after": after})
        assert status == 200, body
        connection = body["data"]["products"]
        assert connection["totalCount"] == total
        assert connection["pageInfo"]["hasPreviousPage"] == (pages > 0)
        seen += [edge["node"]["slug"] for edge in connection["edges"]]
        pages += 1
        if not connection["pageInfo"]["hasNextPage"]:
            break
        after = connection["pageInfo"]["endCursor"]
    assert len(seen) == len(set(seen)) == total
    expected = list(
        ProductPage.objects.live().public().order_by("title", "pk").values_list("slug", flat=True)
    )
    assert seen == expected


def test_products_filter_by_taxonomy_and_service(client):
    page = demo_product()
    topic = page.topics.first()
    service = page.responsible_service
    query = """query($t: String, $s: String) { products(first: 100, topic: $t, service: $s) {
        totalCount nodes { slug topics { slug } responsibleService { slug } } } }"""
    _, by_topic = gql(client, query, {"t": topic.slug})
    nodes = by_topic["data"]["products"]["nodes"]
    assert page.slug in [n["slug"] for n in nodes]
    assert all(topic.slug in [t["slug"] for t in n["topics"]] for n in nodes)
    assert by_topic["data"]["products"]["totalCount"] == (
        ProductPage.objects.live().filter(topics=topic).count()
    )
    _, by_service = gql(client, query, {"s": service.slug})
    assert {n["responsibleService"]["slug"] for n in by_service["data"]["products"]["nodes"]} == {
        service.slug
    }
    _, none = gql(client, query, {"t": "bestaat-niet"})
    assert none["data"]["products"] == {"totalCount": 0, "nodes": []}


def test_bad_cursor_and_negative_first_are_clear_errors(client):
    _, body = gql(client, '{ products(after: "nonsense") { totalCount } }')
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    _, body = gql(client, "{ products(first: -1) { totalCount } }")
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
