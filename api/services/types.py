import graphene

from ..core.context import internal
from ..core.loader import related
from ..locations.types import Location


class Service(graphene.ObjectType):
    """Een afdeling van de gemeente, verantwoordelijk voor producten en artikelen."""

    id = graphene.ID(required=True)
    slug = graphene.String(required=True)
    name = graphene.String(required=True)
    description = graphene.String(required=True)
    phone = graphene.String(required=True, description="Publiek (centraal) telefoonnummer.")
    email = graphene.String(required=True)
    website = graphene.String(required=True)
    address = graphene.String(required=True, description="Postadres.")
    locations = graphene.List(graphene.NonNull(Location), required=True)
    routing_internal = graphene.String(
        description="Intern (token met rol KCC): tweedelijns routering van vragen."
    )
    routing_hours = graphene.String(
        description="Intern (token met rol KCC): wanneer de tweede lijn bezet is."
    )

    @staticmethod
    def resolve_locations(root, info):
        return related(root, "locations")

    @staticmethod
    @internal("routingInternal")
    def resolve_routing_internal(root, info):
        return root.routing_internal

    @staticmethod
    @internal("routingHours")
    def resolve_routing_hours(root, info):
        return root.routing_hours
