"""GraphQL API latency on the demo catalogue scaled to 10,000 products, against baselines.

    .venv/bin/python bench/bench_api.py                  # SQLite in var/bench_api.sqlite3
    .venv/bin/python tests/pg_server.py -- .venv/bin/python bench/bench_api.py

Cases, all through Django's test Client (the whole middleware stack, no network), each
request repeated (default 200 times after a warm-up) with median and p95:
- `graphql detail`: one product with every fact (fees, lead time with readyBy, documents,
  conditions, procedure, channels with locations and a week of opening hours, service, FAQs,
  taxonomy, related articles, text), POSTed, so not served from the response cache;
- `graphql detail GET 304` / `GET cached`: the same query as an anonymous GET with
  If-None-Match, and without (answered from the response cache);
- `graphql list 100`: `products(first: 100)` with card fields (title, summary, url, fees,
  lead time, topics); `graphql list 100 all`: the same 100 with every fact as in detail;
- `wagtail rest`: Wagtail's REST API `/api/v2/pages/<id>/` for the same page, as mounted by
  cms/api_v2.py, with the facts ProductPage declares in `api_fields` (texts, lead time,
  fees, documents, conditions, steps, legal basis, channels with location names, FAQs,
  service, taxonomy and article names; no opening hours, which it cannot compute);
- `lower bound view`: the same data as the detail read with ONE hand-written SQL query (JSON
  built in the database) and `json.dumps`, served by a bare Django view through the Client;
  `lower bound call` is the same without HTTP (a function call).

Scaling: the live demo products are copied in bulk (page rows with computed tree paths, the
product rows, every child row and many-to-many row) into one folder until there are 10,000.
The database is kept between runs; delete var/bench_api.sqlite3 to start over.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.common import ROOT, log, migrate_with_demo, percentile, setup_django  # noqa: E402

PRODUCTS = 10_000
SLUG = "paspoort-aanvragen"

LOCATION = """slug name address
  openingHours { isOpenNow nextOpening week { date weekday isClosed isHoliday holidayName
    formatted intervals { opens closes } } }"""
DETAIL = f"""fragment Location on Location {{ {LOCATION} }}
fragment Facts on Product {{
  id slug title summary text url lastPublishedAt keywords synonyms
  upl {{ uri name }}
  fees {{ label amount currency free channel validFrom validUntil formatted }}
  leadTime {{ min max unit note formatted readyBy }}
  expressLeadTime {{ min max unit formatted }} expressFee {{ amount formatted }}
  requiredDocuments {{ slug name description note }}
  conditions {{ text evidence }} procedure {{ position text }}
  objection noDecision legalBasis {{ label url }}
  responsibleService {{ slug name phone email website address locations {{ ...Location }} }}
  channels {{ order kind availability url appointmentUrl appointmentMinutes whatToBring note
    locations {{ ...Location }} }}
  faqs {{ question answer }}
  topics {{ slug name }} lifeEvents {{ slug name }} audiences {{ slug name }}
  articles {{ slug title }}
}}
"""
DETAIL_QUERY = DETAIL + "query($slug: String!) { product(slug: $slug) { ...Facts } }"
LIST_QUERY = """{ products(first: 100) { totalCount pageInfo { hasNextPage endCursor }
  nodes { slug title summary url fees { label formatted } leadTime { formatted }
    topics { slug name } } } }"""
LIST_ALL_QUERY = DETAIL + "{ products(first: 100) { totalCount nodes { ...Facts } } }"


def setup(database: str) -> None:
    setup_django(database, override=True, ALLOWED_HOSTS="testserver,localhost", LOG_LEVEL="ERROR")
    from django.conf import settings

    settings.ROOT_URLCONF = "bench.bench_api"  # cms.urls plus the lower-bound view, below


# --- scaling -------------------------------------------------------------------------------


def prepare() -> None:
    from catalogue.models import ProductPage

    migrate_with_demo()
    missing = PRODUCTS - ProductPage.objects.live().count()
    if missing > 0:
        started = time.perf_counter()
        scale_products(missing)
        log(f"{missing} producten gekopieerd in {time.perf_counter() - started:.1f} s")


def scale_products(count: int) -> None:
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Page

    from catalogue.models import (
        LegalBasis,
        ProcedureStep,
        ProductChannel,
        ProductCondition,
        ProductFaq,
        ProductFee,
        ProductPage,
        ProductRequiredDocument,
        SectionPage,
    )

    children = (
        ProductFee,
        ProductRequiredDocument,
        ProductCondition,
        ProcedureStep,
        LegalBasis,
        ProductFaq,
    )
    m2m_names = ("topics", "life_events", "audiences")
    templates = list(
        ProductPage.objects.live().exclude(url_path__contains="/bench-").order_by("pk")
    )
    rows = {m: _rows_by_page(m, templates) for m in (*children, ProductChannel)}
    channel_locations = _rows_by_key(ProductChannel.locations.through, "productchannel_id")
    m2m = {name: getattr(ProductPage, name).through for name in m2m_names}
    m2m_rows = {name: _rows_by_key(through, "productpage_id") for name, through in m2m.items()}
    fields = ProductPage._meta.local_concrete_fields
    now = timezone.now()
    with transaction.atomic():
        products_root = SectionPage.objects.get(slug="producten")
        folder = products_root.add_child(instance=SectionPage(title="Bench", slug="bench-kopie"))
        content_type = ContentType.objects.get_for_model(ProductPage)
        for start in range(0, count, 2000):
            numbers = range(start, min(count, start + 2000))
            sources = [templates[n % len(templates)] for n in numbers]
            pages = Page.objects.bulk_create(
                [
                    Page(
                        title=f"{t.title} {n}",
                        draft_title=f"{t.title} {n}",
                        slug=f"{t.slug}-{n}",
                        url_path=f"{folder.url_path}{t.slug}-{n}/",
                        path=Page._get_path(folder.path, folder.depth + 1, n + 1),
                        depth=folder.depth + 1,
                        numchild=0,
                        content_type=content_type,
                        live=True,
                        first_published_at=now,
                        last_published_at=now,
                        locale_id=folder.locale_id,
                        translation_key=uuid.uuid4(),
                    )
                    for n, t in zip(numbers, sources, strict=True)
                ]
            )
            copies = []
            for page, source in zip(pages, sources, strict=True):
                copy = ProductPage(page_ptr_id=page.pk)
                for field in fields:
                    if field.name != "page_ptr":
                        setattr(copy, field.attname, getattr(source, field.attname))
                copies.append(copy)
            # bulk_create refuses multi-table models; the product rows go in directly.
            ProductPage._base_manager._insert(copies, fields=fields, using="default")
            pairs = list(zip(pages, sources, strict=True))
            for model in children:
                model.objects.bulk_create(
                    model(**{**values, "page_id": page.pk})
                    for page, source in pairs
                    for values in rows[model].get(source.pk, ())
                )
            channel_pairs = [
                (ProductChannel(**{**values, "page_id": page.pk}), values["id"])
                for page, source in pairs
                for values in rows[ProductChannel].get(source.pk, ())
            ]
            for channel, _old in channel_pairs:
                channel.id = None
            ProductChannel.objects.bulk_create([c for c, _old in channel_pairs])
            ProductChannel.locations.through.objects.bulk_create(
                ProductChannel.locations.through(
                    productchannel_id=channel.pk, location_id=row["location_id"]
                )
                for channel, old in channel_pairs
                for row in channel_locations.get(old, ())
            )
            for name, through in m2m.items():
                target = next(
                    f.attname
                    for f in through._meta.concrete_fields
                    if f.attname not in ("id", "productpage_id")
                )
                through.objects.bulk_create(
                    through(productpage_id=page.pk, **{target: row[target]})
                    for page, source in pairs
                    for row in m2m_rows[name].get(source.pk, ())
                )
        Page.objects.filter(pk=folder.pk).update(numchild=count)


def _rows_by_page(model, templates) -> dict[int, list[dict]]:
    found: dict[int, list[dict]] = {}
    for values in model.objects.filter(page__in=templates).order_by("sort_order").values():
        page_id = values.pop("page_id")
        if model.__name__ != "ProductChannel":
            values.pop("id")
        found.setdefault(page_id, []).append(values)
    return found


def _rows_by_key(through, key: str) -> dict[int, list[dict]]:
    found: dict[int, list[dict]] = {}
    for values in through.objects.values():
        found.setdefault(values[key], []).append(values)
    return {
        k: [{f: v for f, v in row.items() if f != "id"} for row in rows]
        for k, rows in found.items()
    }


# --- the lower bound: one hand-written query ----------------------------------------------


class Dialect:
    """JSON built in the database: SQLite's json1 or PostgreSQL's json functions."""

    def __init__(self, vendor: str) -> None:
        self.pg = vendor == "postgresql"

    def obj(self, **pairs: str) -> str:
        function = "json_build_object" if self.pg else "json_object"
        arguments = ", ".join(f"'{key}', {value}" for key, value in pairs.items())
        return f"{function}({arguments})"

    def arr(self, value: str, source: str, order: str, scalar: bool = False) -> str:
        if self.pg:
            return f"COALESCE((SELECT json_agg({value} ORDER BY {order}) FROM {source}), '[]')"
        element = "v" if scalar else "json(v)"  # json(): nested objects stay objects
        return (
            f"json((SELECT json_group_array({element}) FROM "
            f"(SELECT {value} AS v FROM {source} ORDER BY {order})))"
        )

    def nested(self, value: str) -> str:
        return value if self.pg else f"json({value})"

    def boolean(self, column: str) -> str:
        return column if self.pg else f"json(CASE WHEN {column} THEN 'true' ELSE 'false' END)"


def lower_bound_sql(vendor: str) -> str:
    d = Dialect(vendor)

    def hours(location: str) -> str:
        return d.obj(
            hours=d.arr(
                d.obj(channel="h.channel", weekday="h.weekday", opens="h.opens", closes="h.closes"),
                f"catalogue_openinghours h WHERE h.location_id = {location}",
                "h.sort_order",
            ),
            exceptions=d.arr(
                d.obj(
                    date="e.date",
                    channel="e.channel",
                    closed=d.boolean("e.closed"),
                    opens="e.opens",
                    closes="e.closes",
                    note="e.note",
                ),
                f"catalogue_openingexception e WHERE e.location_id = {location}",
                "e.sort_order",
            ),
        )

    def location(alias: str) -> str:
        return d.obj(
            slug=f"{alias}.slug",
            name=f"{alias}.name",
            street=f"{alias}.street",
            postcode=f"{alias}.postcode",
            city=f"{alias}.city",
            openingHours=d.nested(hours(f"{alias}.id")),
        )

    def terms(table: str, through: str, column: str) -> str:
        return d.arr(
            d.obj(slug="t.slug", name="t.name"),
            f"{table} t JOIN {through} x ON x.{column} = t.id WHERE x.productpage_id = p.id",
            "t.name",
        )

    product = d.obj(
        id="p.id",
        slug="p.slug",
        title="p.title",
        summary="pp.summary",
        text="pp.web_body",
        url_path="p.url_path",
        lastPublishedAt="p.last_published_at",
        keywords="pp.keywords",
        synonyms="pp.synonyms",
        objection="pp.objection",
        noDecision="pp.no_decision",
        upl=d.nested(
            "(SELECT "
            + d.obj(uri="u.uri", name="u.name")
            + " FROM catalogue_uplproduct u WHERE u.id = pp.upl_id)"
        ),
        leadTime=d.obj(
            immediate=d.boolean("pp.lead_time_immediate"),
            min="pp.lead_time_min",
            max="pp.lead_time_max",
            unit="pp.lead_time_unit",
            note="pp.lead_time_note",
        ),
        express=d.obj(
            min="pp.express_min", max="pp.express_max", unit="pp.express_unit", fee="pp.express_fee"
        ),
        fees=d.arr(
            d.obj(
                label="f.label",
                amount="f.amount",
                free=d.boolean("f.free"),
                channel="f.channel",
                validFrom="f.valid_from",
                validUntil="f.valid_until",
            ),
            "catalogue_productfee f WHERE f.page_id = p.id",
            "f.sort_order",
        ),
        requiredDocuments=d.arr(
            d.obj(slug="rd.slug", name="rd.name", description="rd.description", note="r.note"),
            "catalogue_productrequireddocument r JOIN catalogue_requireddocument rd "
            "ON rd.id = r.document_id WHERE r.page_id = p.id",
            "r.sort_order",
        ),
        conditions=d.arr(
            d.obj(text="c.text", evidence="c.evidence"),
            "catalogue_productcondition c WHERE c.page_id = p.id",
            "c.sort_order",
        ),
        procedure=d.arr(
            "s.text",
            "catalogue_procedurestep s WHERE s.page_id = p.id",
            "s.sort_order",
            scalar=True,
        ),
        legalBasis=d.arr(
            d.obj(label="l.label", url="l.url"),
            "catalogue_legalbasis l WHERE l.page_id = p.id",
            "l.sort_order",
        ),
        faqs=d.arr(
            d.obj(question="q.question", answer="q.answer"),
            "catalogue_productfaq q WHERE q.page_id = p.id",
            "q.sort_order",
        ),
        channels=d.arr(
            d.obj(
                kind="ch.kind",
                availability="ch.availability",
                url="ch.form_url",
                appointmentUrl="ch.appointment_url",
                appointmentMinutes="ch.appointment_minutes",
                whatToBring="ch.what_to_bring",
                note="ch.note",
                locations=d.arr(
                    location("lo"),
                    "catalogue_location lo JOIN catalogue_productchannel_locations cl "
                    "ON cl.location_id = lo.id WHERE cl.productchannel_id = ch.id",
                    "lo.name",
                ),
            ),
            "catalogue_productchannel ch WHERE ch.page_id = p.id",
            "ch.sort_order",
        ),
        responsibleService=d.nested(
            "(SELECT "
            + d.obj(
                slug="sv.slug",
                name="sv.name",
                phone="sv.phone",
                email="sv.email",
                website="sv.website",
                address="sv.address",
                locations=d.arr(
                    location("lo"),
                    "catalogue_location lo JOIN catalogue_service_locations sl "
                    "ON sl.location_id = lo.id WHERE sl.service_id = sv.id",
                    "lo.name",
                ),
            )
            + " FROM catalogue_service sv WHERE sv.id = pp.responsible_service_id)"
        ),
        topics=terms("catalogue_topic", "catalogue_productpage_topics", "topic_id"),
        lifeEvents=terms(
            "catalogue_lifeevent", "catalogue_productpage_life_events", "lifeevent_id"
        ),
        audiences=terms("catalogue_audience", "catalogue_productpage_audiences", "audience_id"),
        articles=d.arr(
            d.obj(slug="ap.slug", title="ap.title"),
            "wagtailcore_page ap JOIN catalogue_knowledgearticlepage_related_products rp "
            "ON rp.knowledgearticlepage_id = ap.id WHERE rp.productpage_id = p.id AND ap.live",
            "ap.title",
        ),
    )
    return (
        f"SELECT {product} FROM wagtailcore_page p JOIN catalogue_productpage pp "
        "ON pp.page_ptr_id = p.id WHERE p.slug = %s AND p.live"
    )


_SQL: dict[str, str] = {}


def lower_bound(slug: str) -> bytes:
    from django.db import connection

    sql = _SQL.get(connection.vendor) or _SQL.setdefault(
        connection.vendor, lower_bound_sql(connection.vendor)
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [slug])
        (value,) = cursor.fetchone()
    data = value if isinstance(value, dict) else json.loads(value)
    return json.dumps({"data": {"product": data}}, ensure_ascii=False).encode()


def lower_bound_view(request, slug: str):
    from django.http import HttpResponse

    return HttpResponse(lower_bound(slug), content_type="application/json")


def _urlpatterns() -> list:
    from django.urls import path

    from cms.urls import urlpatterns

    return [path("bench/lower-bound/<slug:slug>/", lower_bound_view), *urlpatterns]


# --- measuring ---------------------------------------------------------------------------


def timed(cases: list, repeat: int) -> dict[str, tuple[list[float], list[float]]]:
    """Wall-clock and CPU milliseconds per call of each case.

    The cases take turns (round robin) rather than running one after the other, so a change
    in the machine's load (it is shared) affects all of them alike; lists, being slow, run
    every fifth round. CPU time is reported too: it is less disturbed by other processes.
    """
    for _ in range(max(3, repeat // 20)):  # warm-up: caches, connection, first parse
        for _name, call, check in cases:
            check(call())
    times: dict[str, tuple[list[float], list[float]]] = {name: ([], []) for name, *_ in cases}
    for round_ in range(repeat):
        for name, call, check in cases:
            if "list" in name and round_ % 5:
                continue
            started, started_cpu = time.perf_counter(), time.process_time()
            result = call()
            times[name][0].append((time.perf_counter() - started) * 1000)
            times[name][1].append((time.process_time() - started_cpu) * 1000)
            check(result)
    return times


def count_queries(call) -> int:
    from django.db import connection

    count = 0

    def counter(execute, sql, params, many, context):
        nonlocal count
        count += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counter):
        call()
    return count


def ok(response) -> None:
    assert response.status_code == 200, response.content[:500]
    body = json.loads(response.content)
    assert "errors" not in body, body["errors"][:3]


def run(repeat: int) -> None:
    from django.test import Client

    from catalogue.models import ProductPage

    client = Client()
    page = ProductPage.objects.live().get(slug=SLUG)
    variables = json.dumps({"slug": SLUG})
    detail_body = json.dumps({"query": DETAIL_QUERY, "variables": {"slug": SLUG}})

    def post(body: str):
        return lambda: client.post("/graphql/", body, content_type="application/json")

    first = client.get(
        "/graphql/", {"query": DETAIL_QUERY, "variables": variables}, HTTP_ACCEPT="application/json"
    )
    etag = [first["ETag"]]

    def not_modified(response) -> None:
        # The query asks `isOpenNow`, so its ETag changes every minute: take the new one.
        if response.status_code == 200 and response["ETag"] != etag[0]:
            etag[0] = response["ETag"]
            return
        assert response.status_code == 304, response.status_code

    cases = [
        ("graphql detail", post(detail_body), ok),
        (
            "graphql detail GET 304",
            lambda: client.get(
                "/graphql/",
                {"query": DETAIL_QUERY, "variables": variables},
                HTTP_ACCEPT="application/json",
                HTTP_IF_NONE_MATCH=etag[0],
            ),
            not_modified,
        ),
        (
            "graphql detail GET cached",
            lambda: client.get(
                "/graphql/",
                {"query": DETAIL_QUERY, "variables": variables},
                HTTP_ACCEPT="application/json",
            ),
            ok,
        ),
        ("graphql list 100", post(json.dumps({"query": LIST_QUERY})), ok),
        ("graphql list 100 all", post(json.dumps({"query": LIST_ALL_QUERY})), ok),
        ("wagtail rest", lambda: client.get(f"/api/v2/pages/{page.pk}/"), _rest_ok),
        ("lower bound view", lambda: client.get(f"/bench/lower-bound/{SLUG}/"), _plain_ok),
        ("lower bound call", lambda: lower_bound(SLUG), lambda body: json.loads(body)),
    ]
    queries = {name: count_queries(call) for name, call, _check in cases}
    results = {
        name: (
            statistics.median(wall),
            percentile(wall, 0.95),
            statistics.median(cpu),
            queries[name],
        )
        for name, (wall, cpu) in timed(cases, repeat).items()
    }
    sizes = {
        "graphql detail": len(post(detail_body)().content),
        "wagtail rest": len(client.get(f"/api/v2/pages/{page.pk}/").content),
        "lower bound view": len(lower_bound(SLUG)),
    }
    report(results, sizes, repeat)


def _rest_ok(response) -> None:
    assert response.status_code == 200, response.content[:300]


def _plain_ok(response) -> None:
    assert response.status_code == 200
    json.loads(response.content)


def report(results, sizes, repeat: int) -> None:
    from django.db import connection

    from catalogue.models import ProductPage

    print(
        f"database: {connection.vendor}, live products: {ProductPage.objects.live().count()}, "
        f"rounds: {repeat} (lists: every fifth round)"
    )
    print(f"{'case':28} {'median ms':>10} {'p95 ms':>9} {'CPU ms':>8} {'queries':>8}")
    for name, (median, p95, cpu, queries) in results.items():
        print(f"{name:28} {median:10.2f} {p95:9.2f} {cpu:8.2f} {queries:8d}")
    print("response bytes: " + ", ".join(f"{k} {v}" for k, v in sizes.items()))
    print("ratios of medians, wall clock (CPU time):")
    for case, baseline, target in (
        ("graphql detail", "wagtail rest", 1.0),
        ("graphql detail", "lower bound view", 3.0),
        ("graphql detail", "lower bound call", 3.0),
        ("graphql detail GET cached", "wagtail rest", 1.0),
        ("graphql detail GET cached", "lower bound view", 3.0),
    ):
        ratio = results[case][0] / results[baseline][0]
        cpu_ratio = results[case][2] / results[baseline][2]
        verdict = "ok" if ratio <= target else "MISSED"
        print(
            f"  {case:26} / {baseline:17} {ratio:6.2f}x ({cpu_ratio:5.2f}x)"
            f"  target <= {target:.1f}x: {verdict}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    default = f"sqlite:///{ROOT / 'var' / 'bench_api.sqlite3'}"
    # The bench never touches the development database: its own file, unless PostgreSQL
    # was handed in by tests/pg_server.py.
    url = os.environ.get("DATABASE_URL", "")
    setup(url if url.startswith("postgres") else default)
    prepare()
    run(args.repeat)


if __name__ == "__main__":
    main()
else:
    # Imported as the bench's URLconf (settings.ROOT_URLCONF = "bench.bench_api").
    try:
        urlpatterns = _urlpatterns()
    except Exception:  # imported without Django configured (e.g. by a linter)
        urlpatterns = []
