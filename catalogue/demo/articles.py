"""Knowledge articles for the demo, derived from real public Q&A texts.

- rijksoverheid-vac: national "vraag en antwoord" texts (CC0), filtered to what a municipal
  KCC is asked; each subject maps to the service, topics and life events of Heuvelrode.
- afvalalfabet-be: waste-sorting questions (BSD-3-Clause, Willem Van Onsem).
"""

import csv
import json
import re
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from django.utils.text import slugify

from catalogue.models import (
    Audience,
    KnowledgeArticlePage,
    LifeEvent,
    ProductPage,
    Service,
    Topic,
)
from catalogue.text import html_to_text, sanitize_html

SOURCES = Path(__file__).resolve().parent / "sources"

# subject -> (service, topics, life events)
SUBJECTS: dict[str, tuple[str, list[str], list[str]]] = {
    "Paspoort en identiteitskaart": ("burgerzaken", ["paspoort-id-kaart-rijbewijs"], ["op-reis"]),
    "Identiteitsfraude": ("burgerzaken", ["paspoort-id-kaart-rijbewijs"], []),
    "Identificatieplicht": ("burgerzaken", ["paspoort-id-kaart-rijbewijs"], []),
    "Reizen met kinderen": ("burgerzaken", ["paspoort-id-kaart-rijbewijs"], ["op-reis"]),
    "Verkiezingen gemeenteraad 2026": (
        "burgerzaken",
        ["nationaliteit-en-uittreksels"],
        ["18-jaar-worden"],
    ),
    "Privacy en persoonsgegevens": ("burgerzaken", ["nationaliteit-en-uittreksels"], []),
    "Digitale overheid": ("burgerzaken", ["nationaliteit-en-uittreksels"], []),
    "Overlijden": ("burgerzaken", ["geboorte-huwelijk-overlijden"], ["overlijden"]),
    "Erven": ("burgerzaken", ["geboorte-huwelijk-overlijden"], ["overlijden"]),
    "Erkenning kind": ("burgerzaken", ["geboorte-huwelijk-overlijden"], ["geboorte"]),
    "Zwangerschap en geboorte": ("burgerzaken", ["geboorte-huwelijk-overlijden"], ["geboorte"]),
    "Aangifte geboorte en naamskeuze kind": (
        "burgerzaken",
        ["geboorte-huwelijk-overlijden"],
        ["geboorte"],
    ),
    "Trouwen, samenlevingscontract en geregistreerd partnerschap": (
        "burgerzaken",
        ["geboorte-huwelijk-overlijden"],
        ["trouwen-en-samenwonen"],
    ),
    "Scheiden of uit elkaar gaan": (
        "burgerzaken",
        ["geboorte-huwelijk-overlijden"],
        ["trouwen-en-samenwonen"],
    ),
    "Nederlandse nationaliteit": ("burgerzaken", ["nationaliteit-en-uittreksels"], []),
    "18 jaar worden": ("burgerzaken", ["nationaliteit-en-uittreksels"], ["18-jaar-worden"]),
    "Gemeenten": ("burgerzaken", ["nationaliteit-en-uittreksels"], []),
    "Wet open overheid (Woo)": ("burgerzaken", ["nationaliteit-en-uittreksels"], []),
    "Bezwaar en beroep": ("belastingen", ["belastingen-en-woz"], []),
    "De Omgevingswet": ("vergunningen", ["bouwen-en-wonen"], ["huis-verbouwen"]),
    "Bouwregelgeving": ("vergunningen", ["bouwen-en-wonen"], ["huis-verbouwen"]),
    "Duurzaam bouwen en verbouwen": ("vergunningen", ["bouwen-en-wonen"], ["huis-verbouwen"]),
    "Huis kopen": ("vergunningen", ["bouwen-en-wonen"], ["huis-verbouwen", "verhuizen"]),
    "Geluidsoverlast": ("openbare-ruimte", ["openbare-ruimte"], []),
    "Schulden": ("werk-en-inkomen", ["werk-en-inkomen"], ["geldzorgen"]),
    "Armoedebestrijding": ("werk-en-inkomen", ["werk-en-inkomen"], ["geldzorgen"]),
    "Ouderenzorg": ("zorg-en-welzijn", ["zorg-en-ondersteuning"], ["ouder-worden"]),
    "Verpleeghuizen en zorginstellingen": (
        "zorg-en-welzijn",
        ["zorg-en-ondersteuning"],
        ["ouder-worden"],
    ),
    "Beschermd wonen en maatschappelijke opvang": (
        "zorg-en-welzijn",
        ["zorg-en-ondersteuning"],
        [],
    ),
}

# question pattern -> related demo products (slugs that do not exist are ignored)
RELATED: list[tuple[str, list[str]]] = [
    (r"paspoort|reisdocument", ["paspoort-aanvragen", "paspoort-id-kaart-kwijt"]),
    (r"identiteitskaart|id-kaart", ["id-kaart-aanvragen", "paspoort-id-kaart-kwijt"]),
    (r"kind(eren)?\b.*(paspoort|identiteitskaart|reis)|minderjarig", ["paspoort-id-kaart-kind"]),
    (r"overl|begraven|cremeren", ["overlijden-aangeven"]),
    (r"geboorte|naamskeuze|pasgeboren", ["geboorte-aangeven", "naamskeuze-kind"]),
    (r"erkenn", ["kind-erkennen"]),
    (r"trouw|huwelijk", ["trouwen"]),
    (r"partnerschap", ["geregistreerd-partnerschap"]),
    (r"verhuiz|adres", ["verhuizing-doorgeven"]),
    (r"nationaliteit|naturalis", ["naturalisatie"]),
    (r"persoonsgegevens|brp|basisregistratie", ["uittreksel-brp"]),
    (r"schuld", ["schuldhulpverlening"]),
    (r"bouw|omgevingsvergunning|omgevingswet|verbouw", ["omgevingsvergunning-bouwen"]),
    (r"woz", ["bezwaar-woz-waarde"]),
]

ASSISTANT_MAX = 300


def all_articles() -> list[dict]:
    seen: set[str] = set()
    unique = []
    for article in [*vac_articles(), *waste_articles()]:
        if article["slug"] not in seen:
            seen.add(article["slug"])
            unique.append(article)
    return unique


@cache
def vac_articles() -> list[dict]:
    articles = []
    with (SOURCES / "rijksoverheid-vac" / "vacs.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            subject = next((s for s in record.get("subjects") or [] if s in SUBJECTS), None)
            if subject is None:
                continue
            service, topics, life_events = SUBJECTS[subject]
            body = record.get("introduction") or ""
            for section in record.get("content") or []:
                title = (section.get("paragraphtitle") or "").strip()
                body += (f"<h2>{title}</h2>" if title else "") + (section.get("paragraph") or "")
            body = sanitize_html(body)
            intro_text = html_to_text(record.get("introduction") or "") or html_to_text(body)
            articles.append(
                {
                    "slug": slugify(record["question"])[:80].strip("-"),
                    "title": record["question"].strip(),
                    "summary": first_sentences(intro_text, 250),
                    "web_body": body,
                    "kcc_answer": kcc_text(html_to_text(body)),
                    "assistant_answer": first_sentences(intro_text, ASSISTANT_MAX),
                    "service": service,
                    "topics": topics,
                    "life_events": life_events,
                    "audiences": ["burger"],
                    "keywords": [subject.lower()],
                    "source_url": record.get("canonical", ""),
                    "review_date": review_date(record.get("lastmodified")),
                    "related_products": related_products(record["question"]),
                }
            )
    return articles


@cache
def waste_articles() -> list[dict]:
    articles = []
    with (SOURCES / "afvalalfabet-be" / "qa.csv").open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            question, answer = row["Vraag"].strip(), row["Antwoord"].strip()
            articles.append(
                {
                    "slug": slugify(question)[:80].strip("-"),
                    "title": question,
                    "summary": first_sentences(answer, 250),
                    "web_body": f"<p>{sanitize_html(answer)}</p>",
                    "kcc_answer": answer,
                    "assistant_answer": first_sentences(answer, ASSISTANT_MAX),
                    "service": "openbare-ruimte",
                    "topics": ["afval"],
                    "life_events": [],
                    "audiences": ["burger"],
                    "keywords": ["pmd", "afval scheiden", "plastic"],
                    "source_url": "",
                    "review_date": date(2027, 6, 1),
                    "related_products": [
                        "restafvalzakken-en-afvalpas",
                        "milieustraat-afval-brengen",
                    ],
                }
            )
    return articles


def review_date(last_modified: str | None) -> date | None:
    """National texts are due for review two years after their last change."""
    if not last_modified:
        return None
    return date.fromisoformat(last_modified[:10]) + timedelta(days=730)


def first_sentences(text: str, limit: int) -> str:
    """As many whole sentences as fit in `limit` characters (at least a cut-off first one)."""
    text = " ".join(text.split())
    sentences = re.split(r"(?<=[.!?])\s+", text)
    out = ""
    for sentence in sentences:
        candidate = f"{out} {sentence}".strip()
        if len(candidate) > limit:
            break
        out = candidate
    return out or text[: limit - 1].rstrip() + "…"


def kcc_text(text: str, limit: int = 1200) -> str:
    """The KCC answer: the article's text, shortened at a paragraph boundary."""
    if len(text) <= limit:
        return text
    return (
        text[:limit].rsplit("\n", 1)[0].rstrip() + "\n\n(Zie de website voor de volledige tekst.)"
    )


def related_products(question: str) -> list[str]:
    slugs: list[str] = []
    for pattern, targets in RELATED:
        if re.search(pattern, question, re.IGNORECASE):
            slugs += [s for s in targets if s not in slugs]
    return slugs


def build_article(data: dict, service: Service) -> KnowledgeArticlePage:
    page = KnowledgeArticlePage(
        title=data["title"][:255],
        slug=data["slug"],
        summary=data["summary"],
        web_body=data["web_body"],
        kcc_answer=data["kcc_answer"],
        assistant_answer=data["assistant_answer"],
        responsible_service=service,
        keywords=", ".join(data.get("keywords", [])),
        source_url=data.get("source_url", ""),
        review_date=data.get("review_date"),
    )
    page.topics = list(Topic.objects.filter(slug__in=data["topics"]))
    page.life_events = list(LifeEvent.objects.filter(slug__in=data["life_events"]))
    page.audiences = list(Audience.objects.filter(slug__in=data["audiences"]))
    page.related_products = list(ProductPage.objects.filter(slug__in=data["related_products"]))
    return page
