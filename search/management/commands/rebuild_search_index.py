"""Rebuild the search index from all live, public products and knowledge articles."""

import sys
import time

from django.core.management.base import BaseCommand

from search import indexer
from search.documents import count_live
from search.engines import database_engine, external_engine


class ProgressBar:
    """A one-line text progress bar; prints nothing when `quiet`."""

    def __init__(self, total: int, stream, quiet: bool = False, width: int = 30) -> None:
        self.total, self.stream, self.quiet, self.width = max(total, 1), stream, quiet, width
        self.started = time.monotonic()

    def __call__(self, done: int) -> None:
        if self.quiet:
            return
        filled = int(self.width * done / self.total)
        elapsed = time.monotonic() - self.started
        self.stream.write(
            f"\r[{'#' * filled}{'.' * (self.width - filled)}] {done}/{self.total} "
            f"documenten, {elapsed:.1f} s"
        )
        self.stream.flush()


class Command(BaseCommand):
    help = "Bouwt de zoekindex opnieuw op uit alle gepubliceerde producten en kennisartikelen."

    def add_arguments(self, parser):
        parser.add_argument(
            "--engine",
            choices=["database", "external", "all"],
            default="all",
            help="Welke index: de database, de externe zoekmachine (Elasticsearch) of beide.",
        )

    def handle(self, *args, engine: str = "all", **options):
        quiet = options["verbosity"] == 0
        engines = []
        if engine in ("database", "all"):
            engines.append(database_engine())
        if engine in ("external", "all") and external_engine() is not None:
            engines.append(external_engine())
        for target in engines:
            total = count_live()
            stream = self.stdout if not quiet else sys.stderr
            bar = ProgressBar(total, stream, quiet)
            started = time.monotonic()
            count = indexer.rebuild(bar, engine=target)
            if not quiet:
                self.stdout.write("")
            self.stdout.write(
                f"Zoekindex '{target.name}': {count} documenten in {time.monotonic() - started:.1f} s."
            )
