"""Create or update the editorial roles and the moderation workflow (idempotent)."""

import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from catalogue.models import Service
from cms.roles import (
    ADMIN_GROUP,
    FINAL_EDITOR_GROUP,
    KCC_GROUP,
    WORKFLOW_NAME,
    editor_group_name,
    sync_roles,
)


class Command(BaseCommand):
    help = (
        "Maakt de rollen aan (Redacteur per dienst, Eindredactie, KCC-medewerker, Beheerder) "
        "met hun rechten, en de redactieworkflow op de startpagina. Veilig om vaker te draaien."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--demo-users",
            action="store_true",
            help="Maak per rol een demo-account aan (wachtwoord: DEMO_USER_PASSWORD).",
        )

    def handle(self, *args, demo_users: bool = False, **options):
        report = sync_roles()
        for name in report.created_groups:
            self.stdout.write(f"Groep aangemaakt: {name}")
        for name in report.changed_groups:
            self.stdout.write(f"Rechten bijgewerkt: {name}")
        if report.workflow_created:
            self.stdout.write(f"Workflow \u201c{WORKFLOW_NAME}\u201d aangemaakt en toegewezen.")
        if not (report.created_groups or report.changed_groups):
            self.stdout.write("Rollen en rechten waren al in orde.")
        if demo_users:
            self.ensure_demo_users()

    def ensure_demo_users(self) -> None:
        password = os.environ.get(
            "DEMO_USER_PASSWORD", os.environ.get("DEMO_ADMIN_PASSWORD", "heuvelrode-demo")
        )
        accounts = [
            (f"redacteur-{s.slug}", editor_group_name(s), s.name) for s in Service.objects.all()
        ]
        accounts += [
            ("eindredactie", FINAL_EDITOR_GROUP, "Eindredactie"),
            ("kcc", KCC_GROUP, "KCC"),
            ("beheerder", ADMIN_GROUP, "Beheer"),
        ]
        user_model = get_user_model()
        self.stdout.write("Demo-accounts (gebruikersnaam / wachtwoord \u2192 rol):")
        for username, group_name, display in accounts:
            user, created = user_model.objects.get_or_create(
                username=username,
                defaults={
                    "email": f"{username}@heuvelrode.example.nl",
                    "first_name": display,
                },
            )
            if created:
                user.set_password(password)
                user.save()
            user.groups.add(Group.objects.get(name=group_name))
            shown = password if created else "(wachtwoord ongewijzigd)"
            self.stdout.write(f"  {username} / {shown} \u2192 {group_name}")
