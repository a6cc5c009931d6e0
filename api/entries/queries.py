import graphene

from ..core.context import set_channel
from ..core.enums import Channel, value_of
from ..core.errors import bad_input
from ..core.lookup import usable
from ..preview import load_preview
from .types import Entry


class PreviewQueries(graphene.ObjectType):
    preview = graphene.Field(
        Entry,
        token=graphene.String(required=True, description="Voorbeeldtoken uit het beheer."),
        channel=Channel(default_value="web"),
        description="Een conceptversie van een product of kennisartikel, voor het voorbeeld op "
        "de website. Het token is ondertekend en verloopt.",
    )

    @staticmethod
    def resolve_preview(root, info, token, channel="web"):
        if not usable(token):
            raise bad_input("Ongeldig voorbeeldtoken.", argument="token")
        page = load_preview(token)
        return set_channel([page], value_of(channel, "web"))[0]
