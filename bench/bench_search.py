"""Search latency and rebuild time on the demo content scaled to 10,000 products + 50,000 articles.

    .venv/bin/python bench/bench_search.py                 # SQLite, var/bench_search.sqlite3
    .venv/bin/python tests/pg_server.py -- .venv/bin/python bench/bench_search.py

What is measured:
- `rebuild_search_index` on all live pages (target: 60,000 documents in under a minute);
- `search` through the service (plan, match, facet counts, rerank, highlights; no logging)
  and `suggest`, median and p95 over the 141 evaluation queries (and their prefixes);
- the baseline: Wagtail's own search backend (`wagtail.search.backends.database`) on the
  same pages: `ProductPage.objects.live().search(q)[:10]` plus the same for articles (it
  cannot rank both types in one list), and `.autocomplete(prefix)` for suggest.

How the content is scaled: the ~66 demo products and ~111 articles are copied into real page
rows (Page + ProductPage/KnowledgeArticlePage + taxonomy, channels, FAQs, conditions, steps),
written in bulk, each copy with the name of a fictional place in its title and summary (as if
hundreds of municipalities shared one catalogue). Term statistics are therefore much more
concentrated than in real content: a query like "paspoort" matches thousands of pages,
which is a worst case for latency. Both indexes (ours and Wagtail's) are built from these rows.
The database is kept between runs on SQLite; delete it to start over.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.common import ROOT, log, migrate_with_demo, percentile, setup_django  # noqa: E402

PRODUCTS = 10_000
ARTICLES = 50_000
BEGIN = ["Heuvel", "Berken", "Linden", "Eiken", "Water", "Zand", "Veen", "Brug", "Molen", "Hoog"]
BEGIN += ["Laag", "Noord", "Zuid", "Oost", "West", "Groen", "Kasteel", "Klooster", "Oude", "Nieuw"]
END = ["rode", "dal", "dorp", "veen", "wijk", "broek", "hoven", "burg", "horst", "stede", "lo"]
END += ["mond", "kerk", "zijl", "heim", "beek", "oord", "hout", "schot", "lande", "werf", "hem"]
PLACES = [b + e for b in BEGIN for e in END]


def setup(db: Path) -> None:
    setup_django(f"sqlite:///{db}", override=False, SEARCH_VOCABULARY_REFRESH_SECONDS="3600")


def prepare(products: int = PRODUCTS, articles: int = ARTICLES) -> None:
    from catalogue.models import KnowledgeArticlePage, ProductPage

    migrate_with_demo()
    for model, target in ((ProductPage, products), (KnowledgeArticlePage, articles)):
        have = model.objects.live().count()
        if have < target:
            log(f"{model.__name__}: {target - have} kopieën aanmaken...")
            started = time.perf_counter()
            new_ids = scale(model, target - have)
            log(
                f"  {len(new_ids)} pagina's in {time.perf_counter() - started:.1f} s; Wagtail-index..."
            )
            started = time.perf_counter()
            wagtail_index(model, new_ids)
            log(f"  Wagtail-index in {time.perf_counter() - started:.1f} s")


def scale(model, count: int) -> list[int]:
    """Copy the demo pages of `model` into `count` new live pages under one new folder."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone
    from django.utils.text import slugify
    from wagtail.models import Locale, Page

    from catalogue.models import (
        HomePage,
        ProcedureStep,
        ProductChannel,
        ProductCondition,
        ProductFaq,
        ProductPage,
        SectionPage,
    )

    is_product = model is ProductPage
    templates = list(model.objects.live().exclude(url_path__contains="/schaal-").order_by("id"))
    home = HomePage.objects.first()
    with transaction.atomic():
        folder = SectionPage(
            title=f"Schaal {model._meta.verbose_name_plural}",
            slug=f"schaal-{model._meta.model_name}",
        )
        home.add_child(instance=folder)
        content_type = ContentType.objects.get_for_model(model)
        locale = Locale.get_default()
        now = timezone.now()
        fields = [f for f in model._meta.local_concrete_fields]
        m2m = {
            name: getattr(model, name).through for name in ("topics", "life_events", "audiences")
        }
        template_m2m = {
            name: {t.id: list(getattr(t, name).values_list("id", flat=True)) for t in templates}
            for name in m2m
        }
        extra_models = (
            (ProductChannel, ProductFaq, ProductCondition, ProcedureStep) if is_product else ()
        )
        extras = {
            m: {t.id: list(m.objects.filter(page_id=t.id).values()) for t in templates}
            for m in extra_models
        }
        new_ids: list[int] = []
        batch = 2000
        for start in range(0, count, batch):
            pages, children = [], []
            for n in range(start, min(count, start + batch)):
                template = templates[n % len(templates)]
                place = PLACES[(n // len(templates)) % len(PLACES)]
                round_ = n // (len(templates) * len(PLACES))
                suffix = f"{slugify(place)}-{round_}" if round_ else slugify(place)
                slug = f"{template.slug[:200]}-{suffix}"
                title = f"{template.title} ({place})"[:255]
                pages.append(
                    Page(
                        title=title,
                        draft_title=title,
                        slug=slug,
                        content_type=content_type,
                        live=True,
                        has_unpublished_changes=False,
                        url_path=f"{folder.url_path}{slug}/",
                        path=Page._get_path(folder.path, folder.depth + 1, n + 1),
                        depth=folder.depth + 1,
                        numchild=0,
                        first_published_at=now,
                        last_published_at=now,
                        locale=locale,
                        translation_key=uuid.uuid4(),
                    )
                )
                children.append(template)
            created = Page.objects.bulk_create(pages)
            rows = []
            for page, template in zip(created, children, strict=True):
                copy = model(page_ptr_id=page.id)
                for field in fields:
                    if field.name != "page_ptr":
                        setattr(copy, field.attname, getattr(template, field.attname))
                copy.summary = (
                    f"{template.summary} Gemeente {page.title.rsplit('(', 1)[-1].rstrip(')')}."
                )
                rows.append(copy)
            model._base_manager._insert(rows, fields=fields, using="default")
            for name, through in m2m.items():
                owner = f"{model._meta.model_name}_id"
                target = f"{through._meta.get_field(name.rstrip('s') if name != 'life_events' else 'lifeevent').name}_id"
                through.objects.bulk_create(
                    [
                        through(**{owner: page.id, target: term_id})
                        for page, template in zip(created, children, strict=True)
                        for term_id in template_m2m[name][template.id]
                    ]
                )
            for extra_model, by_template in extras.items():
                objs = []
                for page, template in zip(created, children, strict=True):
                    for values in by_template[template.id]:
                        values = {k: v for k, v in values.items() if k not in ("id", "page_id")}
                        objs.append(extra_model(page_id=page.id, **values))
                extra_model.objects.bulk_create(objs)
            new_ids += [p.id for p in created]
        Page.objects.filter(id=folder.id).update(numchild=count)
    return new_ids


def wagtail_index(model, ids: list[int]) -> None:
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    for start in range(0, len(ids), 2000):
        backend.add_bulk(model, list(model.objects.filter(id__in=ids[start : start + 2000])))


def timed(function, arguments: list, repeat: int) -> list[float]:
    for argument in arguments[:5]:
        function(argument)  # warm caches (vocabulary, stemmer, statements)
    timings = []
    for _ in range(repeat):
        for argument in arguments:
            started = time.perf_counter()
            function(argument)
            timings.append((time.perf_counter() - started) * 1000)
    return timings


def line(label: str, timings: list[float]) -> str:
    return (
        f"{label:<44} n={len(timings):<5} median={statistics.median(timings):7.2f} ms   "
        f"p95={percentile(timings, 0.95):7.2f} ms"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=str(ROOT / "var" / "bench_search.sqlite3"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-rebuild", action="store_true")
    parser.add_argument("--skip-baseline", action="store_true")
    parser.add_argument("--prepare-only", action="store_true", help="build the content, stop")
    parser.add_argument("--products", type=int, default=PRODUCTS, help="live products to scale to")
    parser.add_argument("--articles", type=int, default=ARTICLES, help="live articles to scale to")
    args = parser.parse_args(argv)
    Path(args.db).parent.mkdir(parents=True, exist_ok=True)
    setup(Path(args.db))
    from django.core.management import call_command
    from django.db import connection

    from catalogue.models import KnowledgeArticlePage, ProductPage
    from search import service
    from search.engines import database_engine
    from search.evaluation.evaluate import load_cases

    prepare(args.products, args.articles)
    if args.prepare_only:
        call_command(
            "rebuild_search_index", "--engine", "database", verbosity=0, stdout=io.StringIO()
        )
        return 0
    products = ProductPage.objects.live().count()
    articles = KnowledgeArticlePage.objects.live().count()
    print(f"bench_search on {connection.vendor}: {products} products + {articles} articles live")
    if not args.skip_rebuild or database_engine().document_count() != products + articles:
        started = time.perf_counter()
        call_command(
            "rebuild_search_index", "--engine", "database", verbosity=0, stdout=io.StringIO()
        )
        print(
            f"rebuild_search_index: {database_engine().document_count()} documents "
            f"in {time.perf_counter() - started:.1f} s"
        )
    call_command("load_search_synonyms", stdout=io.StringIO())
    queries = [case.query for case in load_cases()]
    prefixes = sorted({q[:n] for q in queries for n in (2, 3, 4, 6) if len(q) >= n})

    totals = []
    slowest: dict[str, float] = {}

    def ours(q: str) -> None:
        started = time.perf_counter()
        totals.append(service.search(q, log=False).total)
        slowest[q] = max(slowest.get(q, 0.0), (time.perf_counter() - started) * 1000)

    for q in queries[:5]:
        ours(q)  # warm-up, as timed() does; not counted among the slowest
    slowest.clear()
    print(line("search (ours, with facets + highlights)", timed(ours, queries, args.repeat)))
    print(f"   matches per query: median {statistics.median(totals):.0f}, max {max(totals)}")
    worst = sorted(slowest.items(), key=lambda item: -item[1])[:5]
    print("   slowest (worst of the rounds): " + ", ".join(f"{q!r} {ms:.0f} ms" for q, ms in worst))
    print(
        line(
            "search (ours, no facets)",
            timed(lambda q: service.search(q, log=False, with_facets=False), queries, args.repeat),
        )
    )
    print(line("suggest (ours)", timed(lambda p: service.suggest(p), prefixes, args.repeat)))
    if not args.skip_baseline:
        # Wagtail's backend takes seconds per query here, so it runs on every 4th query and
        # every 6th prefix; ours is measured again on the same sample, side by side.
        sample, sample_prefixes = queries[::4], prefixes[::6]

        def wagtail_both(q: str) -> None:
            list(ProductPage.objects.live().search(q)[:10])
            list(KnowledgeArticlePage.objects.live().search(q)[:10])

        def wagtail_products(q: str) -> None:
            list(ProductPage.objects.live().search(q)[:10])

        def wagtail_suggest(p: str) -> None:
            list(ProductPage.objects.live().autocomplete(p)[:8])

        print(f"baseline sample: {len(sample)} queries, {len(sample_prefixes)} prefixes")
        print(line("search (ours, same sample)", timed(ours, sample, args.repeat)))
        print(line("search (Wagtail backend, products + articles)", timed(wagtail_both, sample, 1)))
        print(line("search (Wagtail backend, products only)", timed(wagtail_products, sample, 1)))
        print(
            line(
                "suggest (ours, same sample)", timed(service.suggest, sample_prefixes, args.repeat)
            )
        )
        print(
            line(
                "suggest (Wagtail autocomplete, products)",
                timed(wagtail_suggest, sample_prefixes, 1),
            )
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
