import graphene

from ..core.loader import load
from ..core.lookup import usable
from ..core.optimizer import selection
from .resolvers import service_spec, services
from .types import Service


class ServiceQueries(graphene.ObjectType):
    service = graphene.Field(Service, slug=graphene.String(required=True))
    services = graphene.List(graphene.NonNull(Service), required=True)

    @staticmethod
    def resolve_service(root, info, slug):
        if not usable(slug):
            return None
        found = load(services().filter(slug=slug), selection(info), service_spec())
        return found[0] if found else None

    @staticmethod
    def resolve_services(root, info):
        return load(services(), selection(info), service_spec())
