"""Turn one product of the demo JSON (see data/FORMAT.md) into an unsaved ProductPage."""

from datetime import date
from decimal import Decimal

from catalogue.models import (
    Audience,
    LegalBasis,
    LifeEvent,
    Location,
    ProcedureStep,
    ProductChannel,
    ProductCondition,
    ProductFaq,
    ProductFee,
    ProductPage,
    ProductRequiredDocument,
    RequiredDocument,
    Service,
    Topic,
    UplProduct,
)
from catalogue.text import markdown_to_html


def _decimal(value) -> Decimal | None:
    return Decimal(str(value)) if value not in (None, "") else None


def _date(value) -> date | None:
    return date.fromisoformat(value) if value else None


def build_product(data: dict, service: Service) -> ProductPage:
    lead = data.get("lead_time") or {}
    express = lead.get("express") or {}
    page = ProductPage(
        title=data["title"],
        slug=data["slug"],
        summary=data["summary"],
        upl=UplProduct.objects.filter(uri=data.get("upl_uri") or "").first(),
        responsible_service=service,
        keywords=", ".join(data.get("keywords", [])),
        synonyms=", ".join(data.get("synonyms", [])),
        lead_time_immediate=bool(lead.get("immediate")),
        lead_time_min=lead.get("min"),
        lead_time_max=lead.get("max"),
        lead_time_unit=lead.get("unit") or "",
        lead_time_note=lead.get("note", ""),
        express_min=express.get("min"),
        express_max=express.get("max"),
        express_unit=express.get("unit", ""),
        express_fee=_decimal(express.get("fee")),
        objection=data.get("objection", ""),
        no_decision=data.get("no_decision", ""),
        web_body=markdown_to_html(data.get("web_body", "")),
        kcc_answer=data.get("kcc_answer", ""),
        assistant_answer=data.get("assistant_answer", ""),
        kcc_internal_notes=data.get("kcc_internal_notes", ""),
        review_date=_date(data.get("review_date")),
    )
    page.topics = list(Topic.objects.filter(slug__in=data.get("topics", [])))
    page.life_events = list(LifeEvent.objects.filter(slug__in=data.get("life_events", [])))
    page.audiences = list(Audience.objects.filter(slug__in=data.get("audiences", [])))
    page.fees = [
        ProductFee(
            label=fee["label"],
            amount=_decimal(fee.get("amount")),
            free=bool(fee.get("free")),
            channel=fee.get("channel") or "",
            valid_from=_date(fee.get("valid_from")),
            valid_until=_date(fee.get("valid_until")),
        )
        for fee in data.get("fees", [])
    ]
    documents = {
        d.slug: d
        for d in RequiredDocument.objects.filter(
            slug__in=[x["document"] for x in data.get("documents", [])]
        )
    }
    page.required_documents = [
        ProductRequiredDocument(document=documents[d["document"]], note=d.get("note", ""))
        for d in data.get("documents", [])
    ]
    page.conditions = [
        ProductCondition(text=c["text"], evidence=c.get("evidence", ""))
        for c in data.get("conditions", [])
    ]
    page.procedure_steps = [ProcedureStep(text=step) for step in data.get("procedure", [])]
    page.legal_bases = [
        LegalBasis(label=b["label"], url=b.get("url", "")) for b in data.get("legal_basis", [])
    ]
    page.faqs = [
        ProductFaq(question=f["question"], answer=f["answer"]) for f in data.get("faqs", [])
    ]
    page.channels = [_channel(c) for c in data.get("channels", [])]
    return page


def _channel(data: dict) -> ProductChannel:
    channel = ProductChannel(
        kind=data["kind"],
        availability=data.get("availability", "direct"),
        form_url=data.get("form_url") or "",
        appointment_url=data.get("appointment_url") or "",
        appointment_minutes=data.get("appointment_minutes"),
        what_to_bring=data.get("what_to_bring") or "",
        note=data.get("note") or "",
    )
    channel.locations = list(Location.objects.filter(slug__in=data.get("locations", [])))
    return channel
