"""Print an API token with the KCC role, e.g. for the README's KCC query with curl."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError

from api.tokens import token_for_user


class Command(BaseCommand):
    help = (
        "Geeft het API-token (rol KCC) van een KCC-medewerker, hetzelfde dat de KCC-console "
        "gebruikt: `curl -H 'Authorization: Bearer <token>' ...`."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", nargs="?", default="kcc", help="Standaard: kcc (demo).")

    def handle(self, *args, username: str, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Gebruiker '{username}' bestaat niet.")
        try:
            self.stdout.write(token_for_user(user))
        except PermissionDenied as error:
            raise CommandError(f"{username}: {error}") from None
