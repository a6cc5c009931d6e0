"""The search report for editors: what people look for, and where the catalogue falls short."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, Max, Q
from django.utils import timezone

from .models import SearchLog

PERIODS = (7, 30, 90, 365)


@dataclass
class SearchReport:
    days: int
    searches: int
    zero_share: float
    top: list[dict]
    zero_results: list[dict]
    never_opened: list[dict]


def build_report(days: int = 30, limit: int = 25, channel: str | None = None) -> SearchReport:
    since = timezone.now() - timedelta(days=days)
    logs = SearchLog.objects.filter(created_at__gte=since)
    if channel:
        logs = logs.filter(channel=channel)
    grouped = logs.values("normalized").annotate(
        searches=Count("id", distinct=True),
        example=Max("query"),
        last=Max("created_at"),
        max_hits=Max("hits"),
        opened=Count("opened", distinct=True),
        zero=Count("id", filter=Q(hits=0), distinct=True),
    )
    total = logs.count()
    zero = logs.filter(hits=0).count()
    return SearchReport(
        days=days,
        searches=total,
        zero_share=(zero / total) if total else 0.0,
        top=list(grouped.order_by("-searches", "normalized")[:limit]),
        zero_results=list(grouped.filter(max_hits=0).order_by("-searches", "-last")[:limit]),
        never_opened=list(
            grouped.filter(max_hits__gt=0, opened=0, searches__gte=2).order_by("-searches")[:limit]
        ),
    )


def purge_old_logs(days: int) -> int:
    """Delete log entries older than `days` (retention)."""
    deleted, _ = SearchLog.objects.filter(
        created_at__lt=timezone.now() - timedelta(days=days)
    ).delete()
    return deleted
