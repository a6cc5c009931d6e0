"""Per-service and overall quality figures, and the charts of the quality dashboard."""

import hashlib
from collections import Counter
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Count, Max, Q
from django.utils import timezone
from wagtail.models import Page

from catalogue.models import Service

from . import charts
from .charts import Chart
from .models import CheckedLink, ContentFeedback
from .quality import (
    CONSISTENCY,
    DUE_SOON,
    FRESH_OK,
    FRESHNESS_LABELS,
    LINKS,
    NO_DATE,
    OVERDUE,
    PageQuality,
    assess_all,
)

CACHE_SECONDS = 600
NO_SERVICE = "Zonder dienst"
READABILITY_BINS = ((None, 30), (30, 45), (45, 60), (60, 70), (70, 80), (80, None))
FRESHNESS_SERIES = [
    charts.Series(FRESH_OK, FRESHNESS_LABELS[FRESH_OK], charts.GREEN),
    charts.Series(DUE_SOON, FRESHNESS_LABELS[DUE_SOON], charts.AMBER),
    charts.Series(OVERDUE, FRESHNESS_LABELS[OVERDUE], charts.RED),
    charts.Series(NO_DATE, FRESHNESS_LABELS[NO_DATE], charts.GREY),
]
FEEDBACK_SERIES = [
    charts.Series(ContentFeedback.Kind.MISSING, "Antwoord ontbreekt", charts.PURPLE),
    charts.Series(ContentFeedback.Kind.WRONG, "Antwoord klopt niet", charts.RED),
]


@dataclass
class Figures:
    """The numbers of one service (or of all services together)."""

    name: str
    slug: str = ""
    pages: int = 0
    complete_pages: int = 0
    completeness_sum: float = 0.0
    scores: list[float] = field(default_factory=list)
    texts_scored: int = 0
    texts_on_target: int = 0
    long_sentences: int = 0
    freshness: Counter = field(default_factory=Counter)
    consistency_problems: int = 0
    pages_with_contradictions: int = 0
    broken_links: int = 0
    missing: Counter = field(default_factory=Counter)  # completeness check label -> pages
    feedback: Counter = field(default_factory=Counter)  # kind -> open reports

    def add(self, result: PageQuality) -> None:
        self.pages += 1
        self.complete_pages += result.complete
        self.completeness_sum += result.completeness
        for score in result.scores:
            if score.scored:
                self.scores.append(score.result.score)
                self.texts_scored += 1
                self.texts_on_target += score.on_target
            self.long_sentences += len(score.long_sentences)
        self.freshness[result.freshness] += 1
        contradictions = len(result.of(CONSISTENCY))
        self.consistency_problems += contradictions
        self.pages_with_contradictions += bool(contradictions)
        self.broken_links += len(result.of(LINKS))
        for label, ok in result.checks:
            if not ok:
                self.missing[label] += 1

    @property
    def completeness(self) -> float:
        return 100 * self.completeness_sum / self.pages if self.pages else 100.0

    @property
    def on_target(self) -> float:
        return 100 * self.texts_on_target / self.texts_scored if self.texts_scored else 100.0

    @property
    def average_score(self) -> float | None:
        return round(sum(self.scores) / len(self.scores), 1) if self.scores else None

    @property
    def overdue(self) -> int:
        return self.freshness[OVERDUE]

    @property
    def open_feedback(self) -> int:
        return sum(self.feedback.values())


@dataclass
class Dashboard:
    overall: Figures
    services: list[Figures]
    results: list[PageQuality]
    selected: Service | None
    broken_links_total: int
    charts: dict[str, Chart] = field(default_factory=dict)

    @property
    def current(self) -> Figures:
        """The figures the page is about: the chosen service, or everything."""
        if self.selected is None:
            return self.overall
        return next((f for f in self.services if f.slug == self.selected.slug), self.overall)

    @property
    def problem_pages(self) -> list[PageQuality]:
        """Pages of the current selection with an issue, most errors first."""
        wanted = [r for r in self.results if r.issues]
        if self.selected is not None:
            wanted = [r for r in wanted if r.service_id == self.selected.pk]
        return sorted(wanted, key=lambda r: (-r.errors, r.completeness, r.title))


def _cache_key() -> str:
    # Any saved revision, publication, deletion or link check changes the key; so does the date.
    pages = Page.objects.aggregate(
        revision=Max("latest_revision_created_at"),
        published=Max("last_published_at"),
        count=Count("id"),
        live=Count("id", filter=Q(live=True)),
    )
    links = CheckedLink.objects.aggregate(checked=Max("checked_at"), count=Count("id"))
    parts = [timezone.localdate(), *pages.values(), *links.values()]
    digest = hashlib.sha1("|".join(str(p) for p in parts).encode()).hexdigest()
    return f"cms-quality:{digest}"


def quality_results() -> list[PageQuality]:
    """All pages' quality, computed once per change of content (cached)."""
    key = _cache_key()
    results = cache.get(key)
    if results is None:
        results = assess_all()
        cache.set(key, results, CACHE_SECONDS)
    return results


def build(selected: Service | None = None, service_ids: set[int] | None = None) -> Dashboard:
    """Figures per service and overall; `service_ids` limits what is shown (None: all)."""
    services = list(Service.objects.order_by("name"))
    if service_ids is not None:
        services = [s for s in services if s.pk in service_ids]
    by_id = {s.pk: Figures(s.name, s.slug) for s in services}
    no_service = Figures(NO_SERVICE)
    overall = Figures("Alle diensten")
    results = quality_results()
    if service_ids is not None:
        results = [r for r in results if r.service_id in service_ids]
    for result in results:
        overall.add(result)
        by_id.get(result.service_id, no_service).add(result)
    feedback = ContentFeedback.objects.filter(
        status=ContentFeedback.Status.OPEN,
        kind__in=[ContentFeedback.Kind.MISSING, ContentFeedback.Kind.WRONG],
    )
    if service_ids is not None:
        feedback = feedback.filter(service_id__in=service_ids)
    for row in feedback.values("service_id", "kind").annotate(n=Count("id")):
        overall.feedback[row["kind"]] += row["n"]
        by_id.get(row["service_id"], no_service).feedback[row["kind"]] += row["n"]
    figures = [f for f in by_id.values()]
    if no_service.pages or no_service.open_feedback:
        figures.append(no_service)
    dashboard = Dashboard(
        overall=overall,
        services=figures,
        results=results,
        selected=selected,
        broken_links_total=CheckedLink.objects.filter(ok=False).count(),
    )
    dashboard.charts = make_charts(dashboard)
    return dashboard


def _score_bins(scores: list[float]) -> list[tuple[str, float, str]]:
    items = []
    for low, high in READABILITY_BINS:
        count = sum(1 for s in scores if (low is None or s >= low) and (high is None or s < high))
        label = f"< {high}" if low is None else (f"≥ {low}" if high is None else f"{low}–{high}")
        color = charts.GREEN if low is not None and low >= 60 else charts.AMBER
        items.append((label, count, color))
    return items


def make_charts(dashboard: Dashboard) -> dict[str, Chart]:
    current = dashboard.current
    services = [f for f in dashboard.services if f.pages or f.open_feedback]
    result = {
        "completeness": charts.bars(
            "Volledigheid per dienst (gemiddeld % ingevuld)",
            [(f.name, round(f.completeness)) for f in services],
            maximum=100,
            unit="%",
            colors=[charts.GREEN if f.completeness >= 90 else charts.AMBER for f in services],
        ),
        "missing": charts.bars(
            "Wat ontbreekt (aantal pagina's)",
            current.missing.most_common() or [("Niets", 0)],
            unit="",
            color=charts.AMBER,
        ),
        "readability": charts.columns(
            "Leesbaarheid van de teksten (Flesch-Douma, aantal teksten)",
            _score_bins(current.scores),
            marker=(3, "B1-doel 60"),
        ),
        "readability_services": charts.bars(
            "Teksten op B1-niveau per dienst (%)",
            [(f.name, round(f.on_target)) for f in services],
            maximum=100,
            unit="%",
            colors=[charts.GREEN if f.on_target >= 75 else charts.AMBER for f in services],
        ),
        "freshness": charts.donut(
            "Actualiteit (controledatum)",
            [(s, current.freshness[s.key]) for s in FRESHNESS_SERIES],
        ),
        "freshness_services": charts.stacked(
            "Actualiteit per dienst (aantal pagina's)",
            FRESHNESS_SERIES,
            [(f.name, dict(f.freshness)) for f in services],
        ),
        "consistency": charts.bars(
            "Tegenstrijdige feiten per dienst (aantal)",
            [(f.name, f.consistency_problems) for f in services],
            color=charts.RED,
        ),
        "feedback": charts.stacked(
            "Open meldingen uit het KCC per dienst",
            FEEDBACK_SERIES,
            [(f.name, dict(f.feedback)) for f in services],
        ),
    }
    return result
