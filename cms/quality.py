"""Content quality of products and knowledge articles: the bridge from models to the pure checks.

One page is assessed from its in-memory state (the edit form shows problems of what is being
edited); many pages are assessed with a fixed number of queries (the dashboard and reports).
"""

import re
import threading
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

import markdown as markdown_lib
from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone
from wagtail.models import Page

from catalogue.domain import consistency, readability
from catalogue.domain.readability import Readability, Sentence
from catalogue.models import (
    Availability,
    KnowledgeArticlePage,
    ProductPage,
    SectionPage,
    Service,
)
from catalogue.text import html_to_text

CONSISTENCY = "consistency"
COMPLETENESS = "completeness"
READABILITY = "readability"
FRESHNESS = "freshness"
LINKS = "links"
CATEGORIES = {
    CONSISTENCY: "Tegenstrijdige feiten",
    COMPLETENESS: "Volledigheid",
    READABILITY: "Taalniveau (B1)",
    FRESHNESS: "Actualiteit",
    LINKS: "Links",
}
ERROR, WARNING, INFO = "error", "warning", "info"

FRESH_OK, DUE_SOON, OVERDUE, NO_DATE = "ok", "due_soon", "overdue", "missing"
FRESHNESS_LABELS = {
    FRESH_OK: "Actueel",
    DUE_SOON: "Binnenkort controleren",
    OVERDUE: "Controle verlopen",
    NO_DATE: "Geen controledatum",
}
# Scores of very short texts say little; they are shown but not flagged.
MIN_WORDS_FOR_SCORE = 8

# Which checks run on a text: prices, lead times, phone numbers, readability.
_ALL = frozenset({"price", "lead_time", "phone"})
_NO_LEAD_TIME = frozenset({"price", "phone"})  # appeal periods are no lead times
_INTERNAL = frozenset({"price", "lead_time"})  # internal notes may hold internal numbers


@dataclass(frozen=True)
class QualitySettings:
    today: date
    central_numbers: frozenset[str]
    target: float
    long_sentence_words: int
    due_soon_days: int

    @classmethod
    def current(cls, today: date | None = None) -> "QualitySettings":
        return cls(
            today=today or timezone.localdate(),
            central_numbers=frozenset(
                consistency.normalise_phone(n) for n in settings.CENTRAL_PHONE_NUMBERS
            ),
            target=settings.READABILITY_TARGET,
            long_sentence_words=settings.LONG_SENTENCE_WORDS,
            due_soon_days=settings.REVIEW_DUE_SOON_DAYS,
        )


@dataclass(frozen=True)
class Issue:
    category: str
    message: str
    severity: str = WARNING

    @property
    def category_label(self) -> str:
        return CATEGORIES[self.category]


@dataclass(frozen=True)
class TextScore:
    label: str
    result: Readability
    target: float

    @property
    def scored(self) -> bool:
        return self.result.score is not None and self.result.words >= MIN_WORDS_FOR_SCORE

    @property
    def on_target(self) -> bool:
        return not self.scored or self.result.score >= self.target

    @property
    def long_sentences(self) -> tuple[Sentence, ...]:
        return self.result.long_sentences


@dataclass
class PageQuality:
    page_id: int
    title: str
    kind: str  # "product" or "article"
    live: bool
    service_id: int | None
    review_date: date | None
    freshness: str
    checks: list[tuple[str, bool]] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    scores: list[TextScore] = field(default_factory=list)

    @property
    def completeness(self) -> float:
        """Share of completeness checks passed, 0..1."""
        return sum(ok for _, ok in self.checks) / len(self.checks) if self.checks else 1.0

    @property
    def complete(self) -> bool:
        return all(ok for _, ok in self.checks)

    def of(self, category: str) -> list[Issue]:
        return [issue for issue in self.issues if issue.category == category]

    @property
    def errors(self) -> int:
        return sum(issue.severity == ERROR for issue in self.issues)

    @property
    def grouped(self) -> list[tuple[str, list[Issue]]]:
        """Issues per category label, in a fixed order, for templates."""
        return [(CATEGORIES[c], found) for c in CATEGORIES if (found := self.of(c))]

    @property
    def freshness_label(self) -> str:
        return FRESHNESS_LABELS[self.freshness]


@dataclass
class Context:
    """What assessing a page needs besides the page: looked up once for many pages."""

    settings: QualitySettings
    section_services: dict[str, Service] = field(default_factory=dict)  # parent path -> service
    broken_links: dict[int, list] = field(default_factory=dict)  # page id -> [LinkUsage]

    @classmethod
    def load(cls, quality_settings: QualitySettings | None = None) -> "Context":
        from .models import LinkUsage

        broken: dict[int, list] = defaultdict(list)
        for usage in LinkUsage.objects.filter(link__ok=False, page__isnull=False).select_related(
            "link"
        ):
            broken[usage.page_id].append(usage)
        return cls(
            settings=quality_settings or QualitySettings.current(),
            section_services={
                s.path: s.service
                for s in SectionPage.objects.filter(service__isnull=False).select_related("service")
            },
            broken_links=dict(broken),
        )

    def section_service(self, page: Page) -> Service | None:
        if page.path:
            return self.section_services.get(page.path[: -Page.steplen])
        return None


def freshness(review_date: date | None, quality_settings: QualitySettings) -> str:
    if review_date is None:
        return NO_DATE
    if review_date < quality_settings.today:
        return OVERDUE
    if review_date <= quality_settings.today + timedelta(days=quality_settings.due_soon_days):
        return DUE_SOON
    return FRESH_OK


# --- Texts ----------------------------------------------------------------------------------

_MARKDOWN_SYNTAX = re.compile(r"[*_#\[\]`<>&\\]|^\s*(?:[-+]|\d+[.)])\s", re.MULTILINE)
_markdown = threading.local()


def markdown_to_text(value: str) -> str:
    """Markdown to plain text, as catalogue.text.markdown_to_text, but fast for many texts:
    text without Markdown syntax is returned as it is, and the converter is reused per thread."""
    if not value or not _MARKDOWN_SYNTAX.search(value):
        # What Markdown would do: paragraphs at blank lines, other line breaks are spaces.
        paragraphs = re.split(r"\n\s*\n", value or "")
        return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())
    converter = getattr(_markdown, "converter", None)
    if converter is None:
        converter = _markdown.converter = markdown_lib.Markdown(extensions=["sane_lists"])
    return html_to_text(converter.reset().convert(value))


def _texts(page) -> list[tuple[str, str, frozenset[str], bool]]:
    """(label, plain text, checks to run, score readability) for every text of a page."""
    texts = [
        ("Samenvatting", page.summary or "", _ALL, True),
        ("Tekst website", html_to_text(str(page.web_body or "")), _ALL, True),
        ("Antwoord KCC", markdown_to_text(page.kcc_answer or ""), _ALL, True),
        ("Antwoord digitale assistent", page.assistant_answer or "", _ALL, True),
        ("Interne notities KCC", page.kcc_internal_notes or "", _INTERNAL, False),
    ]
    if isinstance(page, ProductPage):
        texts += [
            ("Toelichting doorlooptijd", page.lead_time_note or "", _ALL, False),
            ("Bezwaar en beroep", markdown_to_text(page.objection or ""), _NO_LEAD_TIME, False),
            (
                "Als de gemeente niet op tijd beslist",
                markdown_to_text(page.no_decision or ""),
                _NO_LEAD_TIME,
                False,
            ),
        ]
        for faq in page.faqs.all():
            label = f"Veelgestelde vraag \u201c{faq.question}\u201d"
            texts.append((label, markdown_to_text(faq.answer), _ALL, False))
        for number, step in enumerate(page.procedure_steps.all(), start=1):
            texts.append((f"Stap {number}", markdown_to_text(step.text), _ALL, False))
        for condition in page.conditions.all():
            texts.append(("Voorwaarde", markdown_to_text(condition.text), _ALL, False))
        for channel in page.channels.all():
            name = channel.get_kind_display()
            texts.append((f"Kanaal {name}: meenemen", channel.what_to_bring, _ALL, False))
            texts.append((f"Kanaal {name}: toelichting", channel.note, _ALL, False))
    return [t for t in texts if t[1].strip()]


# --- Facts ----------------------------------------------------------------------------------


def _amounts(products: Iterable[ProductPage]) -> tuple[frozenset[Decimal], tuple[Decimal, ...]]:
    allowed: set[Decimal] = set()
    shown: list[Decimal] = []
    for product in products:
        amounts = [fee.amount for fee in product.fees.all() if fee.amount is not None]
        if any(fee.free for fee in product.fees.all()):
            amounts.append(Decimal("0"))
        allowed |= consistency.allowed_amounts(amounts, product.express_fee)
        shown += [a for a in amounts if a]
    return frozenset(allowed), tuple(shown)


def _lead_times(products: Iterable[ProductPage]):
    return tuple(
        lt for p in products for lt in (p.lead_time, p.express_lead_time) if lt is not None
    )


def _phones(page, context: Context) -> frozenset[str]:
    numbers = set(context.settings.central_numbers)
    for service in (page.responsible_service, context.section_service(page)):
        if service is not None and service.phone:
            numbers.add(consistency.normalise_phone(service.phone))
    return frozenset(numbers)


def facts_for(page, context: Context) -> consistency.Facts:
    phones = _phones(page, context)
    if isinstance(page, ProductPage):
        allowed, shown = _amounts([page])
        return consistency.Facts(allowed, _lead_times([page]), phones, shown)
    # An article's prices are held to the fees of the products it is about, if any. Its lead
    # times are not: articles explain many periods (of the law, of other organisations).
    related = list(page.related_products.all()) if page.pk else []
    allowed, shown = _amounts(related)
    return consistency.Facts(allowed or None, None, phones, shown)


# --- Checks ---------------------------------------------------------------------------------


def _completeness(page) -> list[tuple[str, bool]]:
    checks = [
        ("Verantwoordelijke dienst", page.responsible_service_id is not None),
        ("Antwoord KCC", bool((page.kcc_answer or "").strip())),
        ("Controledatum", page.review_date is not None),
    ]
    if isinstance(page, ProductPage):
        channels = list(page.channels.all())
        offered = [c for c in channels if c.availability != Availability.NOT_OFFERED]
        checks[1:1] = [
            ("Kosten (tarieven)", bool(list(page.fees.all()))),
            ("Doorlooptijd", page.lead_time is not None),
            ("Kanaal", bool(offered)),
        ]
        appointments = [c for c in offered if c.availability == Availability.APPOINTMENT]
        if appointments:
            checks.append(
                (
                    "Meenemen bij afspraak",
                    all((c.what_to_bring or "").strip() for c in appointments),
                )
            )
    return checks


_MISSING = {
    "Verantwoordelijke dienst": "Er is geen verantwoordelijke dienst gekozen.",
    "Antwoord KCC": "Het antwoord voor het KCC ontbreekt.",
    "Controledatum": "Er is geen controledatum (\u2018controleren vóór\u2019) ingevuld.",
    "Kosten (tarieven)": "Er zijn geen kosten ingevuld (ook niet \u2018gratis\u2019).",
    "Doorlooptijd": "De doorlooptijd ontbreekt.",
    "Kanaal": "Er is geen kanaal waarlangs het product te krijgen is.",
    "Meenemen bij afspraak": "Een kanaal \u2018op afspraak\u2019 zegt niet wat de inwoner moet meenemen.",
}


def assess(page, context: Context | None = None) -> PageQuality:
    """All checks for one product or knowledge article (saved or being edited)."""
    context = context or Context.load()
    qs = context.settings
    state = freshness(page.review_date, qs)
    result = PageQuality(
        page_id=page.pk,
        title=page.title,
        kind="product" if isinstance(page, ProductPage) else "article",
        live=page.live,
        service_id=page.responsible_service_id
        or getattr(context.section_service(page), "pk", None),
        review_date=page.review_date,
        freshness=state,
        checks=_completeness(page),
    )
    facts = facts_for(page, context)
    for label, text, checks, score in _texts(page):
        for problem in consistency.check_text(
            text,
            consistency.Facts(
                facts.amounts if "price" in checks else None,
                facts.lead_times if "lead_time" in checks else None,
                facts.phone_numbers,
                facts.fees_shown,
            ),
            label=label,
            phones="phone" in checks,
        ):
            issue = Issue(CONSISTENCY, problem.message, ERROR)
            if issue not in result.issues:  # the same number twice in one text: say it once
                result.issues.append(issue)
        if score:
            text_score = TextScore(label, assess_text(text, qs), qs.target)
            result.scores.append(text_score)
            if not text_score.on_target:
                result.issues.append(
                    Issue(
                        READABILITY,
                        f"{label}: leesbaarheid {text_score.result.score:.0f} "
                        f"({text_score.result.level}); het doel voor B1 is {qs.target:.0f} of meer.",
                    )
                )
            if text_score.long_sentences:
                count = len(text_score.long_sentences)
                result.issues.append(
                    Issue(
                        READABILITY,
                        f"{label}: {count} {'zin is' if count == 1 else 'zinnen zijn'} langer "
                        f"dan {qs.long_sentence_words} woorden.",
                        INFO,
                    )
                )
    for label, ok in result.checks:
        if not ok:
            result.issues.append(Issue(COMPLETENESS, _MISSING[label]))
    if state == OVERDUE:
        result.issues.append(
            Issue(FRESHNESS, f"De controledatum ({page.review_date:%d-%m-%Y}) is verstreken.")
        )
    elif state == DUE_SOON:
        result.issues.append(Issue(FRESHNESS, f"Nakijken vóór {page.review_date:%d-%m-%Y}.", INFO))
    for usage in context.broken_links.get(page.pk, []) if page.pk else []:
        result.issues.append(
            Issue(
                LINKS,
                f"{usage.field}: de link {usage.link.url} werkt niet ({usage.link.problem}).",
                ERROR,
            )
        )
    return result


def assess_text(text: str, quality_settings: QualitySettings) -> Readability:
    return readability.assess(text, quality_settings.long_sentence_words)


# --- Many pages -----------------------------------------------------------------------------


def products_queryset():
    return ProductPage.objects.select_related("responsible_service").prefetch_related(
        "fees", "channels", "faqs", "procedure_steps", "conditions"
    )


def articles_queryset():
    return KnowledgeArticlePage.objects.select_related("responsible_service").prefetch_related(
        Prefetch("related_products", queryset=ProductPage.objects.prefetch_related("fees"))
    )


def assess_all(
    service_ids: set[int] | None = None, context: Context | None = None
) -> list[PageQuality]:
    """Every product and article (optionally of some services), in a fixed number of queries."""
    context = context or Context.load()
    results = [assess(page, context) for page in products_queryset().order_by("title")]
    results += [assess(page, context) for page in articles_queryset().order_by("title")]
    if service_ids is not None:
        results = [r for r in results if r.service_id in service_ids]
    return results
