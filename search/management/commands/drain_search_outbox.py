"""Send pending search index updates to the external engine (Elasticsearch); run from cron."""

from django.core.management.base import BaseCommand, CommandError

from search import outbox


class Command(BaseCommand):
    help = (
        "Stuurt wachtende zoekindex-wijzigingen naar de externe zoekmachine (Elasticsearch) "
        "en toont de achterstand. Draai dit elke minuut (cron); het is veilig om vaker te draaien."
    )

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=None, help="Hoogstens zoveel wijzigingen.")
        parser.add_argument(
            "--status", action="store_true", help="Alleen de achterstand tonen, niets versturen."
        )
        parser.add_argument(
            "--max-age",
            type=int,
            default=None,
            metavar="SECONDEN",
            help="Eindig met een fout (exit 1) als er daarna nog een wijziging ouder dan dit wacht "
            "(voor monitoring).",
        )

    def handle(self, *args, limit=None, status=False, max_age=None, **options):
        before = outbox.backlog()
        if before is None:
            self.stdout.write("Geen externe zoekmachine ingesteld (SEARCH_ENGINE=database).")
            return
        sent = 0 if status else outbox.drain(limit)
        after = outbox.backlog()
        if not status:
            self.stdout.write(f"Verstuurd: {sent} wijzigingen naar {after.engine}.")
        self.stdout.write(
            f"Wachtend: {after.pending}; oudste {after.oldest_age_seconds:.0f} s; "
            f"pogingen hoogstens {after.max_attempts}."
        )
        if after.pending and after.last_error:
            self.stdout.write(f"Laatste fout: {after.last_error}")
        if max_age is not None and after.pending and after.oldest_age_seconds > max_age:
            raise CommandError(
                f"De zoekindex loopt achter: de oudste wijziging wacht al "
                f"{after.oldest_age_seconds:.0f} s (grens {max_age} s)."
            )
