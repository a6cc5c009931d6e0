"""Relevance harness: MRR, nDCG@10 and "right answer first" per engine on the demo content.

    .venv/bin/python -m search.evaluation.evaluate              # SQLite, var/search_eval.sqlite3
    .venv/bin/python tests/pg_server.py -- .venv/bin/python -m search.evaluation.evaluate
    .venv/bin/python -m search.evaluation.evaluate --engines database,wagtail --failures

The database is created and loaded with the demo on first use (`DATABASE_URL` wins when
set). Engines: `database` (ours), `elasticsearch` (when configured), and `wagtail`, Wagtail's
own search backend on the same pages as a baseline.
"""

from __future__ import annotations

import argparse
import csv
import io
import math
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
QUERIES = Path(__file__).resolve().parent / "queries.tsv"


@dataclass
class Case:
    query: str
    expected: str
    also: list[str]
    kind: str


def load_cases(path: Path = QUERIES) -> list[Case]:
    lines = [
        line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")
    ]
    reader = csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t")
    return [
        Case(
            row["query"],
            row["expected"],
            [s for s in (row.get("also_relevant") or "").split(",") if s],
            row["kind"],
        )
        for row in reader
    ]


def reciprocal_rank(ranked: list[str], expected: str) -> float:
    return 1.0 / (ranked.index(expected) + 1) if expected in ranked else 0.0


def ndcg(ranked: list[str], case: Case, k: int = 10) -> float:
    gains = {case.expected: 2.0, **{s: 1.0 for s in case.also if s != case.expected}}
    dcg = sum(gains.get(slug, 0.0) / math.log2(i + 2) for i, slug in enumerate(ranked[:k]))
    ideal = sorted(gains.values(), reverse=True)[:k]
    idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def setup_django(db_path: Path) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")
    os.environ.setdefault("DEBUG", "1")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{db_path}")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def ensure_demo() -> None:
    from django.core.management import call_command

    from catalogue.models import ProductPage
    from search.documents import count_live
    from search.engines import database_engine

    call_command("migrate", verbosity=0, interactive=False)
    if not ProductPage.objects.exists():
        print("Demo laden (eenmalig)...", file=sys.stderr)
        call_command("load_demo", "--no-admin", verbosity=0, stdout=io.StringIO())
    call_command("load_search_synonyms", stdout=io.StringIO())
    if database_engine().document_count() != count_live():
        call_command(
            "rebuild_search_index", "--engine", "database", verbosity=0, stdout=io.StringIO()
        )


def ranker(engine: str):
    from wagtail.models import Page

    from search import service

    if engine == "wagtail":
        from catalogue.models import KnowledgeArticlePage, ProductPage

        def wagtail(query: str) -> list[str]:
            scored = []
            for model in (ProductPage, KnowledgeArticlePage):
                results = model.objects.live().search(query).annotate_score("_score")[:10]
                scored += [(page._score or 0.0, page.slug) for page in results]
            scored.sort(key=lambda item: -item[0])
            return [slug for _, slug in scored[:10]]

        return wagtail

    def ours(query: str) -> list[str]:
        result = service.search(query, log=False, engine_name=engine, with_facets=False)
        pages = Page.objects.in_bulk([h.page_id for h in result.hits])
        return [pages[h.page_id].slug for h in result.hits if h.page_id in pages]

    return ours


def evaluate(engine: str, cases: list[Case], failures: bool = False) -> dict:
    rank = ranker(engine)
    rr, gains, first, timings = [], [], 0, []
    by_kind: dict[str, list[int]] = {}
    missed = []
    for case in cases:
        started = time.perf_counter()
        ranked = rank(case.query)
        timings.append(time.perf_counter() - started)
        rr.append(reciprocal_rank(ranked, case.expected))
        gains.append(ndcg(ranked, case))
        hit = bool(ranked) and ranked[0] == case.expected
        first += hit
        by_kind.setdefault(case.kind, [0, 0])
        by_kind[case.kind][0] += hit
        by_kind[case.kind][1] += 1
        if not hit:
            missed.append((case, ranked[:3]))
    n = len(cases)
    report = {
        "engine": engine,
        "queries": n,
        "first": first,
        "mrr": sum(rr) / n,
        "ndcg": sum(gains) / n,
        "by_kind": by_kind,
        "median_ms": sorted(timings)[n // 2] * 1000,
    }
    print(
        f"{engine:<14} queries={n}  right answer first={first}/{n} ({100 * first / n:.1f}%)  "
        f"MRR={report['mrr']:.3f}  nDCG@10={report['ndcg']:.3f}  "
        f"median={report['median_ms']:.1f} ms"
    )
    print("   per kind: " + ", ".join(f"{k} {a}/{b}" for k, (a, b) in sorted(by_kind.items())))
    if failures:
        for case, top in missed:
            print(f"   MISS {case.query!r}: expected {case.expected}, got {top}")
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engines", default="database,wagtail")
    parser.add_argument("--db", default=str(ROOT / "var" / "search_eval.sqlite3"))
    parser.add_argument("--failures", action="store_true", help="list queries that missed")
    args = parser.parse_args(argv)
    Path(args.db).parent.mkdir(parents=True, exist_ok=True)
    setup_django(Path(args.db))
    from django.db import connection

    ensure_demo()
    cases = load_cases()
    print(f"Relevantie op {connection.vendor}, {len(cases)} zoekvragen ({QUERIES.name})")
    reports = [
        evaluate(e.strip(), cases, args.failures) for e in args.engines.split(",") if e.strip()
    ]
    return 0 if reports else 1


if __name__ == "__main__":
    raise SystemExit(main())
