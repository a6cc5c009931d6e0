import graphene

from ..core import dates, text
from ..core.context import channel_of, set_channel
from ..core.loader import related, related_one
from ..entries.types import Entry, text_field
from ..locations.types import Location
from ..taxonomy.types import Upl
from .facts import (
    Condition,
    Faq,
    Fee,
    LeadTime,
    LegalBasis,
    Money,
    ProcedureStep,
    ProductChannel,
    RequiredDocument,
    numbered,
    text_format,
)


class Product(graphene.ObjectType):
    """Een product of dienst van de gemeente, met de feiten (gelijk voor elk kanaal)."""

    class Meta:
        interfaces = (Entry,)

    upl = graphene.Field(Upl, description="Naam uit de Uniforme Productnamenlijst.")
    synonyms = graphene.List(graphene.NonNull(graphene.String), required=True)
    fees = graphene.List(
        graphene.NonNull(Fee),
        required=True,
        date=graphene.Date(description="Tarieven geldig op deze datum; standaard vandaag."),
    )
    lead_time = graphene.Field(LeadTime)
    express_lead_time = graphene.Field(LeadTime, description="Doorlooptijd met spoed.")
    express_fee = graphene.Field(Money, description="Spoedtoeslag.")
    required_documents = graphene.List(graphene.NonNull(RequiredDocument), required=True)
    conditions = graphene.List(graphene.NonNull(Condition), required=True)
    procedure = graphene.List(graphene.NonNull(ProcedureStep), required=True)
    objection = text_field("Bezwaar en beroep (leeg als niet van toepassing).")
    no_decision = text_field("Wat als de gemeente niet op tijd beslist.")
    legal_basis = graphene.List(graphene.NonNull(LegalBasis), required=True)
    channels = graphene.List(
        graphene.NonNull(ProductChannel),
        required=True,
        description="In volgorde van kanaalsturing.",
    )
    locations = graphene.List(
        graphene.NonNull(Location), required=True, description="Locaties van alle kanalen."
    )
    faqs = graphene.List(graphene.NonNull(Faq), required=True)
    articles = graphene.List(
        graphene.NonNull(lambda: _article_type()),
        required=True,
        description="Gepubliceerde kennisartikelen over dit product.",
    )

    @staticmethod
    def resolve_upl(root, info):
        return related_one(root, "upl")

    @staticmethod
    def resolve_synonyms(root, info):
        return root.synonym_list

    @staticmethod
    def resolve_fees(root, info, date=None):
        day = dates.checked(date, "date")
        return [fee for fee in related(root, "fees") if fee.is_valid_on(day)]

    @staticmethod
    def resolve_lead_time(root, info):
        return root.lead_time

    @staticmethod
    def resolve_express_lead_time(root, info):
        return root.express_lead_time

    @staticmethod
    def resolve_express_fee(root, info):
        return None if root.express_fee is None else Money(amount=root.express_fee)

    @staticmethod
    def resolve_required_documents(root, info):
        return related(root, "required_documents")

    @staticmethod
    def resolve_conditions(root, info):
        return related(root, "conditions")

    @staticmethod
    def resolve_procedure(root, info):
        return numbered(related(root, "procedure_steps"))

    @staticmethod
    def resolve_objection(root, info, format=None):
        return text.from_markdown(root.objection, text_format(format))

    @staticmethod
    def resolve_no_decision(root, info, format=None):
        return text.from_markdown(root.no_decision, text_format(format))

    @staticmethod
    def resolve_legal_basis(root, info):
        return related(root, "legal_bases")

    @staticmethod
    def resolve_channels(root, info):
        return numbered(related(root, "channels"))

    @staticmethod
    def resolve_locations(root, info):
        seen = {}
        for channel in related(root, "channels"):
            for location in related(channel, "locations"):
                seen.setdefault(location.pk, location)
        return list(seen.values())

    @staticmethod
    def resolve_faqs(root, info):
        return related(root, "faqs")

    @staticmethod
    def resolve_articles(root, info):
        articles = [a for a in related(root, "articles") if a.live]
        return set_channel(articles, channel_of(root))


def _article_type():
    from ..articles.types import KnowledgeArticle

    return KnowledgeArticle
