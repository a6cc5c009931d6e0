"""Opening hours of one channel (desk, phone, chat) of a location.

Times are wall-clock times in the schedule's zone, so "09:00" stays 09:00 across DST changes.
Intervals stay within one day (no closing after midnight). A wall time that does not exist
(in the spring-forward gap) moves forward by the gap, an ambiguous one (autumn) means its first
occurrence; comparisons are made in UTC, as datetimes with one tzinfo compare by wall clock.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from .holidays import HolidayCalendar

WEEKDAY_NAMES = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MONTH_NAMES = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip
SEARCH_DAYS = 366

Span = tuple[time, time]


@dataclass(frozen=True)
class Interval:
    """Open on `weekday` (0 = Monday) from `opens` until `closes`."""

    weekday: int
    opens: time
    closes: time


@dataclass(frozen=True)
class DateException:
    """Hours for one date replacing the weekly ones; several per date give several intervals,
    and one with `closed` closes the whole day."""

    day: date
    closed: bool
    opens: time | None = None
    closes: time | None = None
    note: str = ""


@dataclass(frozen=True)
class DayHours:
    day: date
    intervals: tuple[Span, ...]
    is_holiday: bool
    holiday_name: str | None
    note: str

    @property
    def is_closed(self) -> bool:
        return not self.intervals


def format_day(d: date) -> str:
    """Dutch date with weekday: "vrijdag 25 december 2026"."""
    return f"{WEEKDAY_NAMES[d.weekday()]} {d.day} {MONTH_NAMES[d.month - 1]} {d.year}"


def _span(opens: time, closes: time) -> str:
    return f"{opens:%H:%M}–{closes:%H:%M}"


class Schedule:
    def __init__(
        self,
        intervals: Iterable[Interval],
        exceptions: Iterable[DateException] = (),
        calendar: HolidayCalendar | None = None,
        tz: str = "Europe/Amsterdam",
    ) -> None:
        self.calendar = calendar
        self.zone = ZoneInfo(tz)
        self._weekly: dict[int, list[Span]] = defaultdict(list)
        for interval in intervals:
            self._weekly[interval.weekday].append((interval.opens, interval.closes))
        self._exceptions: dict[date, list[DateException]] = defaultdict(list)
        for exception in exceptions:
            self._exceptions[exception.day].append(exception)

    def intervals_on(self, d: date) -> list[Span]:
        """Exceptions replace the week for their date; public holidays close unless excepted."""
        if d in self._exceptions:
            exceptions = self._exceptions[d]
            if any(e.closed for e in exceptions):
                return []
            return sorted(
                (e.opens, e.closes)
                for e in exceptions
                if e.opens is not None and e.closes is not None
            )
        if self.calendar is not None and self.calendar.is_holiday(d):
            return []
        return sorted(self._weekly.get(d.weekday(), []))

    def _local(self, at: datetime) -> datetime:
        # Naive datetimes are local wall time.
        return at.replace(tzinfo=self.zone) if at.tzinfo is None else at.astimezone(self.zone)

    def _aware(self, d: date, t: time) -> datetime:
        # The UTC round trip moves a wall time in the DST gap forward, as described above.
        return datetime.combine(d, t, tzinfo=self.zone).astimezone(UTC).astimezone(self.zone)

    def _moments_on(self, d: date) -> list[tuple[datetime, datetime]]:
        moments = [(self._aware(d, o), self._aware(d, c)) for o, c in self.intervals_on(d)]
        return [(o, c) for o, c in moments if o < c]  # an interval inside the DST gap is empty

    def current_interval(self, at: datetime) -> tuple[datetime, datetime] | None:
        """The (opens, closes) moments of the interval open at `at`, or None when closed."""
        local = self._local(at)
        instant = local.astimezone(UTC)
        for opens, closes in self._moments_on(local.date()):
            if opens.astimezone(UTC) <= instant < closes.astimezone(UTC):
                return opens, closes
        return None

    def is_open(self, at: datetime) -> bool:
        return self.current_interval(at) is not None

    def next_opening(self, after: datetime) -> datetime | None:
        """The start of the first interval starting strictly after `after` (even when open now),
        looking at most a year ahead."""
        local = self._local(after)
        instant = local.astimezone(UTC)
        for offset in range(SEARCH_DAYS + 1):
            for opens, _closes in self._moments_on(local.date() + timedelta(days=offset)):
                if opens.astimezone(UTC) > instant:
                    return opens
        return None

    def week(self, start: date) -> list[DayHours]:
        """Seven days from `start` (any weekday), as a channel shows them."""
        days = []
        for offset in range(7):
            d = start + timedelta(days=offset)
            name = self.calendar.name(d) if self.calendar is not None else None
            notes = [e.note for e in self._exceptions.get(d, ()) if e.note]
            days.append(
                DayHours(d, tuple(self.intervals_on(d)), name is not None, name, "; ".join(notes))
            )
        return days


def _overlaps(spans: list[Span], where: str) -> list[str]:
    spans = sorted(spans)
    return [
        f"Openingstijden overlappen op {where}: {_span(*first)} en {_span(*second)}"
        for i, first in enumerate(spans)
        for second in spans[i + 1 :]
        if second[0] < first[1]
    ]


def validate_intervals(intervals: Iterable[Interval]) -> list[str]:
    """Dutch messages for impossible weekly hours; empty when all is well."""
    errors: list[str] = []
    by_weekday: dict[int, list[Span]] = defaultdict(list)
    for interval in intervals:
        if not 0 <= interval.weekday <= 6:
            errors.append(f"Ongeldige weekdag: {interval.weekday}")
        elif interval.closes <= interval.opens:
            errors.append(
                "Sluitingstijd moet na openingstijd liggen op "
                f"{WEEKDAY_NAMES[interval.weekday]}: {_span(interval.opens, interval.closes)}"
            )
        else:
            by_weekday[interval.weekday].append((interval.opens, interval.closes))
    for weekday in sorted(by_weekday):
        errors.extend(_overlaps(by_weekday[weekday], WEEKDAY_NAMES[weekday]))
    return errors


def validate_exceptions(exceptions: Iterable[DateException]) -> list[str]:
    """Dutch messages for impossible date exceptions; empty when all is well."""
    errors: list[str] = []
    by_day: dict[date, list[DateException]] = defaultdict(list)
    for exception in exceptions:
        by_day[exception.day].append(exception)
    for day in sorted(by_day):
        where = format_day(day)
        items = by_day[day]
        if any(e.closed for e in items):
            if any(e.opens is not None or e.closes is not None for e in items):
                errors.append(f"Op {where} is zowel 'gesloten' als een openingstijd opgegeven")
            continue
        spans: list[Span] = []
        for e in items:
            if e.opens is None or e.closes is None:
                errors.append(
                    f"Geef voor {where} een openings- en sluitingstijd op, "
                    "of markeer de dag als gesloten"
                )
            elif e.closes <= e.opens:
                errors.append(
                    f"Sluitingstijd moet na openingstijd liggen op {where}: "
                    f"{_span(e.opens, e.closes)}"
                )
            else:
                spans.append((e.opens, e.closes))
        errors.extend(_overlaps(spans, where))
    return errors
