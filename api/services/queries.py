import graphene

from ..core.lookup import usable
from ..core.optimizer import optimize, selection
from .resolvers import service_spec, services
from .types import Service


class ServiceQueries(graphene.ObjectType):
    service = graphene.Field(Service, slug=graphene.String(required=True))
    services = graphene.List(graphene.NonNull(Service), required=True)

    @staticmethod
    def resolve_service(root, info, slug):
        if not usable(slug):
            return None
        return optimize(services().filter(slug=slug), selection(info), service_spec()).first()

    @staticmethod
    def resolve_services(root, info):
        return optimize(services(), selection(info), service_spec())
