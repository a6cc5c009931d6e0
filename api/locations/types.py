import contextlib

import graphene

from catalogue.domain.opening_hours import WEEKDAY_NAMES, Schedule
from catalogue.domain.opening_hours import DayHours as DayHoursValue
from catalogue.models.locations import build_schedule

from ..core import dates
from ..core.calendar import calendar
from ..core.enums import HoursChannel, value_of
from ..core.loader import related


class TimeSpan(graphene.ObjectType):
    opens = graphene.Time(required=True)
    closes = graphene.Time(required=True)
    formatted = graphene.String(required=True, description="Bijv. '09:00–12:30'.")


class DayHours(graphene.ObjectType):
    """De openingstijden op één datum, met feestdagen en afwijkingen verwerkt."""

    date = graphene.Date(required=True)
    weekday = graphene.String(required=True, description="Dag van de week, bijv. 'maandag'.")
    is_closed = graphene.Boolean(required=True)
    is_holiday = graphene.Boolean(required=True)
    holiday_name = graphene.String()
    note = graphene.String(required=True)
    intervals = graphene.List(graphene.NonNull(TimeSpan), required=True)
    formatted = graphene.String(
        required=True, description="Bijv. '09:00–12:30, 13:30–17:00' of 'gesloten (Koningsdag)'."
    )


class _Span:
    """A TimeSpan with every field computed up front: plain attributes cost the executor
    least (a week has seven days of many fields, for every location shown)."""

    __slots__ = ("opens", "closes", "formatted")

    def __init__(self, opens, closes) -> None:
        self.opens, self.closes = opens, closes
        self.formatted = f"{opens:%H:%M}–{closes:%H:%M}"


class _Day:
    """A DayHours with every field computed up front (see _Span)."""

    __slots__ = (
        "date",
        "weekday",
        "is_closed",
        "is_holiday",
        "holiday_name",
        "note",
        "intervals",
        "formatted",
    )

    def __init__(self, value: DayHoursValue) -> None:
        self.date = value.day
        self.weekday = WEEKDAY_NAMES[value.day.weekday()]
        self.is_closed = value.is_closed
        self.is_holiday = value.is_holiday
        self.holiday_name = value.holiday_name
        self.note = value.note
        self.intervals = [_Span(opens, closes) for opens, closes in value.intervals]
        if value.is_closed:
            name = value.holiday_name
            self.formatted = f"gesloten ({name})" if name else "gesloten"
        else:
            self.formatted = ", ".join(span.formatted for span in self.intervals)


class OpeningHours(graphene.ObjectType):
    """Openingstijden van één kanaal (balie of telefoon) van een locatie."""

    channel = HoursChannel(required=True)
    is_open_now = graphene.Boolean(required=True)
    next_opening = graphene.DateTime(description="Het eerstvolgende openingsmoment na nu.")
    week = graphene.List(
        graphene.NonNull(DayHours),
        required=True,
        from_=graphene.Date(name="from", description="Eerste dag; standaard vandaag."),
        description="Zeven dagen vanaf `from`.",
    )

    @staticmethod
    def resolve_channel(root: tuple[str, Schedule], info):
        return root[0]

    @staticmethod
    def resolve_is_open_now(root: tuple[str, Schedule], info):
        return root[1].is_open(dates.now())

    @staticmethod
    def resolve_next_opening(root: tuple[str, Schedule], info):
        return root[1].next_opening(dates.now())

    @staticmethod
    def resolve_week(root: tuple[str, Schedule], info, from_=None):
        start = dates.checked(from_, "from")
        # Once per schedule and start per request, however often the location is shown.
        cache = _request_cache(info.context, "_api_weeks")
        key = (id(root[1]), start)
        if key not in cache:
            cache[key] = (root[1], [_Day(day) for day in root[1].week(start)])
        return cache[key][1]


class Location(graphene.ObjectType):
    """Een publieke locatie (stadhuis, servicepunt) met openingstijden per kanaal."""

    id = graphene.ID(required=True)
    slug = graphene.String(required=True)
    name = graphene.String(required=True)
    address = graphene.String(required=True, description="Straat, postcode en plaats op één regel.")
    street = graphene.String(required=True)
    postcode = graphene.String(required=True)
    city = graphene.String(required=True)
    latitude = graphene.Float()
    longitude = graphene.Float()
    accessibility = graphene.String(required=True)
    opening_hours = graphene.Field(
        OpeningHours,
        required=True,
        channel=HoursChannel(default_value="counter"),
        description="Openingstijden van de balie (standaard) of de telefoon.",
    )

    @staticmethod
    def resolve_latitude(root, info):
        return float(root.latitude) if root.latitude is not None else None

    @staticmethod
    def resolve_longitude(root, info):
        return float(root.longitude) if root.longitude is not None else None

    @staticmethod
    def resolve_opening_hours(root, info, channel="counter"):
        channel = value_of(channel, "counter")
        # One schedule per location and channel per request, however often it appears; the
        # same value each time, so the executor answers its fields once (api.core.execution).
        cache = _request_cache(info.context, "_api_schedules")
        key = (root.pk, channel)
        if key not in cache:
            schedule = build_schedule(
                related(root, "opening_hours"),
                related(root, "opening_exceptions"),
                channel,
                calendar(),
            )
            cache[key] = (channel, schedule)
        return cache[key]


def _request_cache(context, name: str) -> dict:
    cache = getattr(context, name, None)
    if cache is None:
        cache = {}
        with contextlib.suppress(AttributeError):  # a context without attributes: no sharing
            setattr(context, name, cache)
    return cache
