"""Enums shared by every domain of the schema."""

import graphene

from catalogue.models import Availability as AvailabilityChoices
from catalogue.models import ChannelKind as ChannelKindChoices
from catalogue.models import HoursChannel as HoursChannelChoices

from . import text


class Channel(graphene.Enum):
    """Who reads the text. Facts are the same for every channel; only `text` differs."""

    WEB = "web"
    KCC = "kcc"
    ASSISTANT = "assistant"

    @property
    def description(self):
        return {
            Channel.WEB: "De website: de volledige tekst.",
            Channel.KCC: "Het klantcontactcentrum: wat een medewerker voorleest of doorstuurt.",
            Channel.ASSISTANT: "De digitale assistent: een kort antwoord (hoogstens 300 tekens).",
        }.get(self)


class TextFormat(graphene.Enum):
    HTML = text.HTML
    MARKDOWN = text.MARKDOWN
    PLAIN = text.PLAIN


ChannelKind = graphene.Enum(
    "ChannelKind", [(value.upper(), value) for value in ChannelKindChoices.values]
)
Availability = graphene.Enum(
    "Availability", [(value.upper(), value) for value in AvailabilityChoices.values]
)
HoursChannel = graphene.Enum(
    "HoursChannel", [(value.upper(), value) for value in HoursChannelChoices.values]
)
LeadTimeUnit = graphene.Enum(
    "LeadTimeUnit",
    [
        ("HOURS", "hours"),
        ("WORKING_DAYS", "working_days"),
        ("CALENDAR_DAYS", "calendar_days"),
        ("WEEKS", "weeks"),
        ("IMMEDIATE", "immediate"),
    ],
)


def value_of(member, default=None):
    """Graphene passes enum arguments as members; resolvers want the plain value."""
    if member is None:
        return default
    return getattr(member, "value", member)
