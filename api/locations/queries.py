import graphene

from ..core.loader import load
from ..core.lookup import usable
from ..core.optimizer import selection
from .resolvers import location_spec, locations
from .types import Location


class LocationQueries(graphene.ObjectType):
    location = graphene.Field(Location, slug=graphene.String(required=True))
    locations = graphene.List(graphene.NonNull(Location), required=True)

    @staticmethod
    def resolve_location(root, info, slug):
        if not usable(slug):
            return None
        found = load(locations().filter(slug=slug), selection(info), location_spec())
        return found[0] if found else None

    @staticmethod
    def resolve_locations(root, info):
        return load(locations(), selection(info), location_spec())
