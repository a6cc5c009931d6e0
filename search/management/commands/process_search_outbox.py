"""Send pending index updates to the external search engine (run it from cron every minute)."""

from django.core.management.base import BaseCommand

from search import indexer


class Command(BaseCommand):
    help = "Verstuurt wachtende wijzigingen naar de externe zoekmachine (Elasticsearch)."

    def handle(self, *args, **options):
        sent = indexer.process_outbox()
        waiting = indexer.pending_outbox()
        self.stdout.write(f"Zoekwachtrij: {sent} verstuurd, {waiting} wachtend.")
        if waiting:
            self.stderr.write("De zoekmachine is (nog) niet bereikbaar; probeer het later opnieuw.")
