import graphene

from catalogue.domain.formatting import format_euro, format_lead_time
from catalogue.domain.working_days import add_lead_time

from ..core import dates, text
from ..core.calendar import calendar
from ..core.context import channel_of, set_channel
from ..core.enums import Availability, ChannelKind, LeadTimeUnit, value_of
from ..core.loader import related, related_one
from ..entries.types import Entry, text_field
from ..locations.types import Location
from ..taxonomy.types import Upl


def _format(value) -> str:
    return value_of(value, text.HTML)


class Money(graphene.ObjectType):
    amount = graphene.Decimal(description="Bedrag in euro; leeg als het gratis is.")
    currency = graphene.String(required=True)
    formatted = graphene.String(required=True, description="Bijv. '€ 84,05' of 'gratis'.")

    @staticmethod
    def resolve_currency(root, info):
        return "EUR"

    @staticmethod
    def resolve_formatted(root, info):
        return format_euro(root.amount)


class Fee(graphene.ObjectType):
    """Een tarief (leges), geldig op de gevraagde datum."""

    label = graphene.String(required=True)
    amount = graphene.Decimal(description="Leeg als het gratis is.")
    currency = graphene.String(required=True)
    free = graphene.Boolean(required=True)
    channel = ChannelKind(description="Alleen via dit kanaal; leeg als het voor elk kanaal geldt.")
    valid_from = graphene.Date()
    valid_until = graphene.Date()
    formatted = graphene.String(required=True, description="Bijv. '€ 84,05' of 'gratis'.")

    @staticmethod
    def resolve_amount(root, info):
        return None if root.free else root.amount

    @staticmethod
    def resolve_currency(root, info):
        return "EUR"

    @staticmethod
    def resolve_channel(root, info):
        return root.channel or None

    @staticmethod
    def resolve_formatted(root, info):
        return root.formatted


class ReadyWindow(graphene.ObjectType):
    earliest = graphene.Date()
    latest = graphene.Date()


def _start(from_) -> object:
    return dates.checked(from_, "from")


class LeadTime(graphene.ObjectType):
    """Hoe lang een aanvraag duurt (doorlooptijd)."""

    min = graphene.Int()
    max = graphene.Int()
    unit = LeadTimeUnit(required=True)
    note = graphene.String(required=True)
    formatted = graphene.String(required=True, description="Bijv. '5 werkdagen' of 'direct'.")
    ready_by = graphene.Date(
        from_=graphene.Date(name="from", description="Datum van de aanvraag; standaard vandaag."),
        description="Uiterlijk klaar op (werkdagen tellen zonder weekend en feestdagen).",
    )
    ready_window = graphene.Field(
        ReadyWindow,
        required=True,
        from_=graphene.Date(name="from", description="Datum van de aanvraag; standaard vandaag."),
        description="Vroegst en uiterlijk klaar.",
    )

    @staticmethod
    def resolve_min(root, info):
        return root.minimum

    @staticmethod
    def resolve_max(root, info):
        return root.maximum

    @staticmethod
    def resolve_formatted(root, info):
        return format_lead_time(root)

    @staticmethod
    def resolve_ready_by(root, info, from_=None):
        window = add_lead_time(_start(from_), root, calendar())
        return window.latest or window.earliest

    @staticmethod
    def resolve_ready_window(root, info, from_=None):
        return add_lead_time(_start(from_), root, calendar())


class RequiredDocument(graphene.ObjectType):
    """Wat u meeneemt of meestuurt."""

    slug = graphene.String(required=True)
    name = graphene.String(required=True)
    description = graphene.String(required=True)
    note = graphene.String(required=True, description="Toelichting bij dit product.")

    @staticmethod
    def resolve_slug(root, info):
        return related_one(root, "document").slug

    @staticmethod
    def resolve_name(root, info):
        return related_one(root, "document").name

    @staticmethod
    def resolve_description(root, info):
        return related_one(root, "document").description


class Condition(graphene.ObjectType):
    text = text_field("De voorwaarde.")
    evidence = graphene.String(required=True, description="Hoe u aantoont dat u eraan voldoet.")

    @staticmethod
    def resolve_text(root, info, format=None):
        return text.from_markdown(root.text, _format(format))


class ProcedureStep(graphene.ObjectType):
    position = graphene.Int(required=True, description="1 voor de eerste stap.")
    text = text_field("De stap.")

    @staticmethod
    def resolve_position(root, info):
        return root._api_position

    @staticmethod
    def resolve_text(root, info, format=None):
        return text.from_markdown(root.text, _format(format))


class LegalBasis(graphene.ObjectType):
    label = graphene.String(required=True)
    url = graphene.String()

    @staticmethod
    def resolve_url(root, info):
        return root.url or None


class Faq(graphene.ObjectType):
    question = graphene.String(required=True)
    answer = text_field("Het antwoord.")

    @staticmethod
    def resolve_answer(root, info, format=None):
        return text.from_markdown(root.answer, _format(format))


class ProductChannel(graphene.ObjectType):
    """Een manier om het product te krijgen; `order` is de kanaalsturing (1 = voorkeur)."""

    order = graphene.Int(required=True)
    kind = ChannelKind(required=True)
    availability = Availability(required=True)
    url = graphene.String(description="Link naar het online formulier.")
    appointment_url = graphene.String()
    appointment_minutes = graphene.Int()
    locations = graphene.List(graphene.NonNull(Location), required=True)
    what_to_bring = graphene.String(required=True)
    note = graphene.String(required=True)

    @staticmethod
    def resolve_order(root, info):
        return root._api_position

    @staticmethod
    def resolve_url(root, info):
        return root.form_url or None

    @staticmethod
    def resolve_appointment_url(root, info):
        return root.appointment_url or None

    @staticmethod
    def resolve_locations(root, info):
        return related(root, "locations")


def _numbered(items):
    for position, item in enumerate(items, start=1):
        item._api_position = position
    return items


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
        return _numbered(related(root, "procedure_steps"))

    @staticmethod
    def resolve_objection(root, info, format=None):
        return text.from_markdown(root.objection, _format(format))

    @staticmethod
    def resolve_no_decision(root, info, format=None):
        return text.from_markdown(root.no_decision, _format(format))

    @staticmethod
    def resolve_legal_basis(root, info):
        return related(root, "legal_bases")

    @staticmethod
    def resolve_channels(root, info):
        return _numbered(related(root, "channels"))

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
