"""Load the starting set of search synonyms (idempotent: existing groups are left alone).

- search/data/synonyms_civil.txt: everyday words for municipal services;
- the afvalalfabet synonym list (1,304 pairs, catalogue/demo/sources/afvalalfabet-be):
  Dialect codes 0 (synonym), 1 (dialect word) and 2 (brand name) become two-way groups per
  original word; -1/-2 (narrower term or example) become one-way groups, so "koffiekoek"
  finds "gebak" but not the other way round.
"""

import csv
from collections import defaultdict
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from search.models import Synonym

CIVIL = Path(__file__).resolve().parents[2] / "data" / "synonyms_civil.txt"
WASTE = settings.BASE_DIR / "catalogue" / "demo" / "sources" / "afvalalfabet-be" / "synonyms.csv"


def civil_groups(path: Path = CIVIL) -> list[tuple[list[str], bool, str]]:
    groups = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if "<-" in line:
            head, _, tail = line.partition("<-")
            terms = [head.strip()] + [t.strip() for t in tail.split(",") if t.strip()]
            groups.append((terms, True, "burgerzaken en dienstverlening"))
        else:
            groups.append(
                ([t.strip() for t in line.split(",") if t.strip()], False, "dienstverlening")
            )
    return groups


def waste_groups(path: Path = WASTE) -> tuple[list[tuple[list[str], bool, str]], int]:
    """Groups from the afvalalfabet list, and the number of pairs read."""
    equivalent: dict[str, list[str]] = defaultdict(list)
    narrower: dict[str, list[str]] = defaultdict(list)
    pairs = 0
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            original, synonym = row["Orgineel"].strip(), row["Synoniem"].strip()
            if not original or not synonym:
                continue
            pairs += 1
            target = narrower if row["Dialect"].strip().startswith("-") else equivalent
            target[original].append(synonym)
    groups = [([o, *s], False, "afvalalfabet") for o, s in equivalent.items()]
    groups += [([o, *s], True, "afvalalfabet (specifieker woord)") for o, s in narrower.items()]
    return groups, pairs


class Command(BaseCommand):
    help = "Laadt de startset synoniemen voor het zoeken (afvalalfabet en dienstverlening)."

    def handle(self, *args, **options):
        waste, pairs = waste_groups()
        groups = civil_groups() + waste
        existing = set(Synonym.objects.values_list("terms", flat=True))
        new = []
        for terms, one_way, note in groups:
            text = ", ".join(dict.fromkeys(terms))
            if text not in existing:
                existing.add(text)
                new.append(Synonym(terms=text, one_way=one_way, note=note))
        with transaction.atomic():
            Synonym.objects.bulk_create(new)
        self.stdout.write(
            f"Synoniemen: {len(new)} nieuw, {Synonym.objects.count()} in totaal "
            f"({pairs} paren uit het afvalalfabet)."
        )
