"""Write the schema as SDL to api/schema.graphql, or check that the file is up to date."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "schema.graphql"


def schema_sdl() -> str:
    from api.schema import schema

    return str(schema).rstrip() + "\n"


class Command(BaseCommand):
    help = "Schrijft het GraphQL-schema naar api/schema.graphql (met --check: controleert het)."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="Alleen controleren.")
        parser.add_argument("--out", default=str(SCHEMA_FILE), help="Uitvoerbestand.")

    def handle(self, *args, check: bool = False, out: str = "", **options):
        target = Path(out)
        sdl = schema_sdl()
        if check:
            if not target.exists() or target.read_text(encoding="utf-8") != sdl:
                raise CommandError(
                    f"{target} loopt niet gelijk met de code; draai 'manage.py export_schema'."
                )
            self.stdout.write(f"{target} is actueel.")
            return
        target.write_text(sdl, encoding="utf-8")
        self.stdout.write(f"Schema geschreven naar {target}.")
