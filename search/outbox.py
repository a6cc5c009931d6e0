"""The search outbox seen from operations: drain it now, and how far behind it is.

The rows (`search.models.OutboxEntry`) are written by `search.indexer` in the same
transaction as the content change and pushed by `search.indexer.process_outbox` after
commit. When the external engine is down they stay; `manage.py drain_search_outbox` (run
from cron) retries them and reports the backlog for monitoring.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Max, Min
from django.utils import timezone

from . import indexer
from .engines import external_engine
from .models import OutboxEntry


@dataclass
class Backlog:
    engine: str
    pending: int
    oldest: datetime | None
    max_attempts: int
    last_error: str

    @property
    def oldest_age_seconds(self) -> float:
        return (timezone.now() - self.oldest).total_seconds() if self.oldest else 0.0


def backlog() -> Backlog | None:
    """The pending updates of the configured external engine; None without one."""
    engine = external_engine()
    if engine is None:
        return None
    rows = OutboxEntry.objects.filter(engine=engine.name)
    stats = rows.aggregate(oldest=Min("created_at"), attempts=Max("attempts"))
    failed = rows.exclude(last_error="").order_by("-id").values_list("last_error", flat=True)
    return Backlog(
        engine=engine.name,
        pending=rows.count(),
        oldest=stats["oldest"],
        max_attempts=stats["attempts"] or 0,
        last_error=next(iter(failed[:1]), ""),
    )


def drain(limit: int | None = None) -> int:
    """Send pending updates now, even if the engine failed moments ago. Returns how many."""
    engine = external_engine()
    if engine is None:
        return 0
    reset = getattr(engine, "reset_breaker", None)
    if reset:
        reset()
    return indexer.process_outbox(limit)
