"""Enums shared by every domain of the schema."""

import graphene

from catalogue.models import Availability as AvailabilityChoices
from catalogue.models import ChannelKind as ChannelKindChoices
from catalogue.models import HoursChannel as HoursChannelChoices

from . import text


class Channel(graphene.Enum):
    """Wie de tekst leest. De feiten zijn voor elk kanaal gelijk; alleen `text` verschilt."""

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


def _from_choices(name: str, choices, description: str):
    return graphene.Enum(
        name, [(value.upper(), value) for value in choices.values], description=description
    )


ChannelKind = _from_choices(
    "ChannelKind", ChannelKindChoices, "Hoe een product te krijgen is (online, telefoon, balie…)."
)
Availability = _from_choices(
    "Availability", AvailabilityChoices, "Direct, op afspraak, of niet via dit kanaal."
)
HoursChannel = _from_choices(
    "HoursChannel", HoursChannelChoices, "Openingstijden van de balie of de telefoon."
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
    description="Eenheid van een doorlooptijd; IMMEDIATE is 'direct klaar'.",
)


def value_of(member, default=None):
    """Graphene passes enum arguments as members; resolvers want the plain value."""
    if member is None:
        return default
    return getattr(member, "value", member)
