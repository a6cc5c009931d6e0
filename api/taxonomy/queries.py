import graphene

from catalogue.models import Audience as AudienceModel
from catalogue.models import LifeEvent as LifeEventModel
from catalogue.models import Topic as TopicModel

from .types import Audience, LifeEvent, Topic


class TaxonomyQueries(graphene.ObjectType):
    topics = graphene.List(graphene.NonNull(Topic), required=True, description="Alle thema's.")
    life_events = graphene.List(
        graphene.NonNull(LifeEvent), required=True, description="Alle levensgebeurtenissen."
    )
    audiences = graphene.List(
        graphene.NonNull(Audience), required=True, description="Alle doelgroepen."
    )

    @staticmethod
    def resolve_topics(root, info):
        return TopicModel.objects.all()

    @staticmethod
    def resolve_life_events(root, info):
        return LifeEventModel.objects.all()

    @staticmethod
    def resolve_audiences(root, info):
        return AudienceModel.objects.all()
