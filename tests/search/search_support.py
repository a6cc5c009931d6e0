"""Helpers for the search tests (a module of its own: several test folders have a conftest.py)."""

from search import engines, indexer


def sync(engine_name: str) -> None:
    """Make writes visible to engines that are not transactional (outbox, refresh)."""
    engine = engines.get_engine(engine_name)
    if not engine.transactional:
        indexer.process_outbox()
        refresh = getattr(engine, "refresh", None)
        if refresh:
            refresh()
