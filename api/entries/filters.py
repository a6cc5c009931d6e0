import graphene

from ..core.enums import Channel
from ..core.lookup import usable


def channel_argument() -> Channel:
    return Channel(default_value="web", description="Voor welk kanaal `text` is geformuleerd.")


def list_arguments(**extra_strings: str) -> dict:
    """Arguments of the product and article lists: paging, the shared filters, extra string
    filters (name -> description), channel. Created here, in this order, because graphene
    orders arguments by when they were created."""
    return {
        "first": graphene.Int(description="Aantal per pagina."),
        "after": graphene.String(description="De `endCursor` van de vorige pagina."),
        "topic": graphene.String(description="Slug van een thema."),
        "life_event": graphene.String(description="Slug van een levensgebeurtenis."),
        "audience": graphene.String(description="Slug van een doelgroep."),
        "service": graphene.String(description="Slug van de verantwoordelijke dienst."),
        **{name: graphene.String(description=text) for name, text in extra_strings.items()},
        "channel": channel_argument(),
    }


def filter_entries(queryset, topic=None, life_event=None, audience=None, service=None):
    """Taxonomy and service filters shared by products and articles; unknown slugs match none."""
    for lookup, value in (
        ("topics__slug", topic),
        ("life_events__slug", life_event),
        ("audiences__slug", audience),
        ("responsible_service__slug", service),
    ):
        if value is not None:
            queryset = queryset.filter(**{lookup: value}) if usable(value) else queryset.none()
    return queryset
