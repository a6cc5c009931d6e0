"""The facts of a product as GraphQL types: fees, lead time, documents, conditions, steps,
channels. The same for every channel."""

import graphene

from catalogue.domain.formatting import format_euro, format_lead_time
from catalogue.domain.working_days import add_lead_time

from ..core import dates, text
from ..core.calendar import calendar
from ..core.enums import Availability, ChannelKind, LeadTimeUnit, value_of
from ..core.loader import related, related_one
from ..entries.types import text_field
from ..locations.types import Location


def text_format(value) -> str:
    """The `format` argument of a text field as a plain value (HTML when absent)."""
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
        return text.from_markdown(root.text, text_format(format))


class ProcedureStep(graphene.ObjectType):
    position = graphene.Int(required=True, description="1 voor de eerste stap.")
    text = text_field("De stap.")

    @staticmethod
    def resolve_position(root, info):
        return root._api_position

    @staticmethod
    def resolve_text(root, info, format=None):
        return text.from_markdown(root.text, text_format(format))


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
        return text.from_markdown(root.answer, text_format(format))


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


def numbered(items: list) -> list:
    """Positions from 1 (steps, steering order), for the `position`/`order` fields."""
    for position, item in enumerate(items, start=1):
        item._api_position = position
    return items
