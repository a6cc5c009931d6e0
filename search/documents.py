"""Build search documents from products and knowledge articles, in bulk.

One code path serves a single publish and a rebuild of 60,000 pages: rows are read with
`values()` queries per table (no model instances, no per-page queries).
Only live pages without a view restriction (on themselves or an ancestor) are indexed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence

from wagtail.models import Page, PageViewRestriction, Site

from catalogue.models import (
    Availability,
    KnowledgeArticlePage,
    ProcedureStep,
    ProductChannel,
    ProductCondition,
    ProductFaq,
    ProductPage,
    ProductRequiredDocument,
)

from .analysis import strip_html, strip_markdown
from .engines.base import Document

CHUNK = 2000
MAX_TEXT = 20_000
ENTRY_FIELDS = (
    "id",
    "title",
    "url_path",
    "path",
    "summary",
    "web_body",
    "kcc_answer",
    "keywords",
    "responsible_service__slug",
    "responsible_service__name",
)


def indexed_models() -> tuple[type[Page], ...]:
    return (ProductPage, KnowledgeArticlePage)


def is_indexed_model(model: type) -> bool:
    return issubclass(model, indexed_models())


def live_page_ids() -> list[int]:
    ids: list[int] = []
    for model in indexed_models():
        ids += list(model.objects.live().values_list("id", flat=True))
    return ids


def count_live() -> int:
    return sum(model.objects.live().count() for model in indexed_models())


def build_documents(page_ids: Sequence[int] | None = None) -> Iterator[Document]:
    """Documents for the given pages (all live entries when None); others are skipped.

    Callers compare the ids they asked for with the ids they got to know what to remove.
    """
    context = _Context()
    for model in indexed_models():
        queryset = model.objects.live().order_by("id")
        if page_ids is not None:
            ids = list(page_ids)
            for start in range(0, len(ids), CHUNK):
                yield from _build(
                    model, queryset.filter(id__in=ids[start : start + CHUNK]), context
                )
        else:
            last = 0
            while True:
                chunk = list(queryset.filter(id__gt=last)[:CHUNK].values_list("id", flat=True))
                if not chunk:
                    break
                last = chunk[-1]
                # A range, not an IN list: cheaper to compile and to run for 2,000 ids.
                span = (chunk[0], chunk[-1])
                yield from _build(model, queryset.filter(id__range=span), context, span)


class _Context:
    """Site roots and restricted subtrees, read once per build."""

    def __init__(self) -> None:
        self.sites = sorted(
            ((s.root_page.url_path, s) for s in Site.objects.select_related("root_page")),
            key=lambda item: -len(item[0]),
        )
        self.default = next((s for _, s in self.sites if s.is_default_site), None)
        self.restricted = [
            path for path in PageViewRestriction.objects.values_list("page__path", flat=True)
        ]

    def url(self, url_path: str) -> str:
        for root, site in self.sites:
            if url_path.startswith(root):
                relative = "/" + url_path[len(root) :]
                return relative if site == self.default else site.root_url + relative
        return ""

    def is_public(self, path: str) -> bool:
        return not any(path.startswith(prefix) for prefix in self.restricted)


def _ids(field: str, ids: list[int], span: tuple[int, int] | None) -> dict:
    """Filter on a foreign key (`field` without "_id") by id list or id range."""
    return {f"{field}__id__range": span} if span else {f"{field}_id__in": ids}


def _m2m(
    model: type[Page], field: str, ids: list[int], span: tuple[int, int] | None = None
) -> dict[int, list[tuple[str, str]]]:
    through = getattr(model, field).through
    owner = model._meta.model_name
    target = {"topics": "topic", "life_events": "lifeevent", "audiences": "audience"}[field]
    rows = through.objects.filter(**_ids(owner, ids, span)).values_list(
        f"{owner}_id", f"{target}__slug", f"{target}__name"
    )
    found: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for page_id, slug, name in rows:
        found[page_id].append((slug, name))
    return found


def _grouped(queryset, *fields: str) -> dict[int, list[tuple]]:
    found: dict[int, list[tuple]] = defaultdict(list)
    for row in queryset.values_list("page_id", *fields):
        found[row[0]].append(row[1:])
    return found


def _build(
    model: type[Page], queryset, context: _Context, span: tuple[int, int] | None = None
) -> Iterable[Document]:
    is_product = model is ProductPage
    fields = ENTRY_FIELDS + (("synonyms", "upl__name") if is_product else ())
    rows = [r for r in queryset.values(*fields) if context.is_public(r["path"])]
    if not rows:
        return
    ids = [r["id"] for r in rows]
    taxonomy = {f: _m2m(model, f, ids, span) for f in ("topics", "life_events", "audiences")}
    pages = _ids("page", ids, span)
    extra: dict[str, dict[int, list[tuple]]] = {}
    if is_product:
        extra["faqs"] = _grouped(ProductFaq.objects.filter(**pages), "question", "answer")
        extra["conditions"] = _grouped(ProductCondition.objects.filter(**pages), "text")
        extra["steps"] = _grouped(ProcedureStep.objects.filter(**pages), "text")
        extra["documents"] = _grouped(
            ProductRequiredDocument.objects.filter(**pages), "document__name", "note"
        )
        extra["channels"] = _grouped(
            ProductChannel.objects.filter(**pages).exclude(availability=Availability.NOT_OFFERED),
            "kind",
        )
    for row in rows:
        page_id = row["id"]
        web_text = strip_html(row["web_body"])
        kcc_text = strip_markdown(row["kcc_answer"])
        keywords = [row["keywords"]]
        body = [web_text, kcc_text]
        if is_product:
            keywords += [row["synonyms"], row["upl__name"] or ""]
            body += [strip_markdown(f"{q} {a}") for q, a in extra["faqs"].get(page_id, ())]
            body += [strip_markdown(t) for (t,) in extra["conditions"].get(page_id, ())]
            body += [strip_markdown(t) for (t,) in extra["steps"].get(page_id, ())]
            body += [f"{name} {note}" for name, note in extra["documents"].get(page_id, ())]
        topics = taxonomy["topics"].get(page_id, [])
        life_events = taxonomy["life_events"].get(page_id, [])
        audiences = taxonomy["audiences"].get(page_id, [])
        body += [name for _, name in topics + life_events]
        if row["responsible_service__name"]:
            body.append(row["responsible_service__name"])
        facets = {
            "topics": [slug for slug, _ in topics],
            "life_events": [slug for slug, _ in life_events],
            "audiences": [slug for slug, _ in audiences],
            "services": [row["responsible_service__slug"]]
            if row["responsible_service__slug"]
            else [],
            "content_types": ["product" if is_product else "article"],
            "channels": sorted({kind for (kind,) in extra.get("channels", {}).get(page_id, ())}),
        }
        yield Document(
            page_id=page_id,
            content_type="product" if is_product else "article",
            title=row["title"],
            keywords=", ".join(k for k in keywords if k),
            summary=row["summary"] or "",
            body=" \n ".join(b for b in body if b)[: MAX_TEXT * 2],
            url=context.url(row["url_path"]),
            snippet_text=(web_text or kcc_text)[:MAX_TEXT],
            facets=facets,
        )
