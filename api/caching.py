"""HTTP caching of anonymous GET queries: ETag, Cache-Control, 304, and a response cache.

The ETag is a hash of the content version (bumped on every change of catalogue content, see
`api.signals`), the schema, the query with its variables, and the date (fees and lead times
default to today). Queries asking whether a location is open now also include the minute.
A response is cached under its ETag, so a publish makes the old entries unreachable at once.
"""

import hashlib
import json
from functools import cache

from django.conf import settings
from django.core.cache import cache as django_cache

from .core import dates
from .models import ContentVersion

TIME_SENSITIVE_FIELDS = frozenset({"isOpenNow", "nextOpening"})
# `preview`: drafts change without a publish. `search`: every search is logged (and gets its
# own searchId), so it always runs; `suggest` logs nothing and stays cacheable.
UNCACHEABLE_FIELDS = frozenset({"preview", "search"})
_KEY_PREFIX = "api:graphql:"


@cache
def schema_fingerprint() -> str:
    from .schema import schema

    return hashlib.sha256(str(schema).encode()).hexdigest()[:16]


def etag(query: str, variables, operation_name, field_names: frozenset[str]) -> str:
    now = dates.now()
    parts = [
        ContentVersion.current(),
        schema_fingerprint(),
        query,
        variables or {},
        operation_name or "",
        now.date().isoformat(),
        now.strftime("%H:%M") if field_names & TIME_SENSITIVE_FIELDS else "",
    ]
    seed = json.dumps(parts, sort_keys=True, default=str, ensure_ascii=False)
    return '"' + hashlib.sha256(seed.encode()).hexdigest()[:32] + '"'


def cache_control() -> str:
    return f"public, max-age={settings.GRAPHQL_CACHE_MAX_AGE}"


def cached_body(tag: str) -> bytes | None:
    if settings.GRAPHQL_RESPONSE_CACHE_SECONDS <= 0:
        return None
    return django_cache.get(_KEY_PREFIX + tag)


def store_body(tag: str, body: bytes) -> None:
    if settings.GRAPHQL_RESPONSE_CACHE_SECONDS > 0:
        django_cache.set(_KEY_PREFIX + tag, body, settings.GRAPHQL_RESPONSE_CACHE_SECONDS)


def if_none_match(request, tag: str) -> bool:
    header = request.headers.get("If-None-Match", "")
    candidates = {part.strip().removeprefix("W/") for part in header.split(",")}
    return tag in candidates or "*" in candidates
