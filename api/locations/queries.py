import graphene

from ..core.lookup import usable
from ..core.optimizer import optimize, selection
from .resolvers import location_spec, locations
from .types import Location


class LocationQueries(graphene.ObjectType):
    location = graphene.Field(Location, slug=graphene.String(required=True))
    locations = graphene.List(graphene.NonNull(Location), required=True)

    @staticmethod
    def resolve_location(root, info, slug):
        if not usable(slug):
            return None
        return optimize(locations().filter(slug=slug), selection(info), location_spec()).first()

    @staticmethod
    def resolve_locations(root, info):
        return optimize(locations(), selection(info), location_spec())
