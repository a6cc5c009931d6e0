"""Engine selection: `SEARCH_ENGINE` names the engine that answers searches.

The database engine is always kept up to date (in the content's transaction), so it can
answer when an external engine is unreachable.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

from .base import EngineUnavailable, SearchEngine

ENGINES = {
    "database": "search.engines.database.DatabaseEngine",
    "elasticsearch": "search.engines.elasticsearch.ElasticsearchEngine",
}

_instances: dict[str, SearchEngine] = {}


def get_engine(name: str | None = None) -> SearchEngine:
    name = name or getattr(settings, "SEARCH_ENGINE", "database")
    if name not in _instances:
        if name not in ENGINES:
            raise ImproperlyConfigured(
                f"SEARCH_ENGINE={name!r} is unknown; choose one of {', '.join(ENGINES)}."
            )
        try:
            engine_class = import_string(ENGINES[name])
        except ImportError as error:
            raise ImproperlyConfigured(
                f"Search engine {name!r} is not available: {error}"
            ) from error
        _instances[name] = engine_class()
    return _instances[name]


def database_engine() -> SearchEngine:
    return get_engine("database")


def external_engine() -> SearchEngine | None:
    """The configured engine when it is not the database engine (it then needs the outbox)."""
    name = getattr(settings, "SEARCH_ENGINE", "database")
    return None if name == "database" else get_engine(name)


def reset() -> None:
    """Forget engine instances (tests that change settings)."""
    _instances.clear()


__all__ = [
    "EngineUnavailable",
    "SearchEngine",
    "database_engine",
    "external_engine",
    "get_engine",
    "reset",
]
