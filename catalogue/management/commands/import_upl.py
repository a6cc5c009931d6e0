"""Import (or refresh) the Uniforme Productnamenlijst from the OWMS CSV export."""

import csv
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from catalogue.models import UplProduct

SOURCES = Path(__file__).resolve().parents[2] / "demo" / "sources" / "upl"
PLACEHOLDER = "UPL-naam nog niet beschikbaar"


class Command(BaseCommand):
    help = "Importeert de Uniforme Productnamenlijst (UPL) uit een CSV-bestand."

    def add_arguments(self, parser):
        parser.add_argument("--file", type=Path, default=SOURCES / "UPL-actueel.csv")
        parser.add_argument(
            "--sdg-file", type=Path, default=SOURCES / "UPL-SDG-Informatiegebied.csv"
        )

    def handle(self, *args, file: Path, sdg_file: Path, **options):
        if not file.exists():
            raise CommandError(f"Bestand niet gevonden: {file}")
        sdg_codes = read_sdg_codes(sdg_file) if sdg_file.exists() else {}
        created = updated = skipped = 0
        existing = {p.uri: p for p in UplProduct.objects.all()}
        with file.open(encoding="utf-8-sig", newline="") as handle, transaction.atomic():
            for line_no, row in enumerate(csv.DictReader(handle), start=2):
                name, uri = (
                    (row.get("UniformeProductnaam") or "").strip(),
                    (row.get("URI") or "").strip(),
                )
                if not name or not uri.startswith("http"):
                    self.stderr.write(f"Regel {line_no}: overgeslagen, naam of URI ontbreekt.")
                    skipped += 1
                    continue
                if name == PLACEHOLDER:
                    continue
                values = {
                    "name": name,
                    "for_municipalities": row.get("Gemeente") == "X",
                    "for_citizens": row.get("Burger") == "X",
                    "for_businesses": row.get("Bedrijf") == "X",
                    "sdg_code": sdg_codes.get(uri, ""),
                }
                product = existing.get(uri)
                if product is None:
                    existing[uri] = UplProduct.objects.create(uri=uri, **values)
                    created += 1
                elif any(getattr(product, k) != v for k, v in values.items()):
                    for key, value in values.items():
                        setattr(product, key, value)
                    product.save()
                    updated += 1
        self.stdout.write(
            f"UPL: {created} nieuw, {updated} bijgewerkt, {skipped} overgeslagen, "
            f"{len(existing)} in totaal."
        )


def read_sdg_codes(path: Path) -> dict[str, str]:
    """URI -> first SDG code (a UPL name can map to several information areas)."""
    codes: dict[str, str] = {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            codes.setdefault((row.get("URI") or "").strip(), (row.get("SDG_Code") or "").strip())
    return codes
