"""When is a request ready? Lead times counted from the request date.

Rules:
- Working days skip Saturdays, Sundays and public holidays; the request day itself never
  counts, so 5 working days from Thursday is the 5th working day after that Thursday.
- Calendar days and weeks count every day, but a result on a weekend or public holiday moves on
  to the next working day (as the Dutch Algemene termijnenwet and the Belgian Gerechtelijk
  Wetboek art. 53 do with deadlines): nothing can be collected on a closed day.
- Hours run as a 24-hour clock that stops on weekends and public holidays. We deliberately do
  not use 8-hour office days: "binnen 24 uur" means the next working day to a resident, not
  three working days. A bare date means "some time that day", so the clock starts at the end
  of it (the worst case), matching the working-day rule that the request day does not count.
"""

from datetime import date, datetime, time, timedelta
from math import ceil
from typing import NamedTuple

from .holidays import HolidayCalendar
from .lead_time import CALENDAR_DAYS, HOURS, IMMEDIATE, WEEKS, WORKING_DAYS, LeadTime

_ONE_DAY = timedelta(days=1)


class ReadyWindow(NamedTuple):
    """Earliest and latest ready date; None where the lead time leaves that bound open."""

    earliest: date | None
    latest: date | None


def _as_date(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


def is_working_day(d: date, calendar: HolidayCalendar) -> bool:
    return d.weekday() < 5 and not calendar.is_holiday(d)


def next_working_day(d: date, calendar: HolidayCalendar) -> date:
    """The first working day strictly after `d`."""
    d += _ONE_DAY
    while not is_working_day(d, calendar):
        d += _ONE_DAY
    return d


def roll_forward(d: date, calendar: HolidayCalendar) -> date:
    """`d` itself if it is a working day, else the next one."""
    return d if is_working_day(d, calendar) else next_working_day(d, calendar)


def add_working_days(start: date, days: int, calendar: HolidayCalendar) -> date:
    if days < 0:
        raise ValueError("days cannot be negative")
    current = _as_date(start)
    for _ in range(days):
        current = next_working_day(current, calendar)
    return current


def _add_working_hours(start: datetime, hours: int, calendar: HolidayCalendar) -> date:
    # Wall-clock arithmetic: a DST shift of one hour cannot move a result by a whole day in a
    # way anyone would notice, and the tz of `start` is the requester's own.
    current = start.replace(tzinfo=None)
    if not is_working_day(current.date(), calendar):
        current = datetime.combine(next_working_day(current.date(), calendar), time.min)
    remaining = timedelta(hours=hours)
    while True:
        day_end = datetime.combine(current.date() + _ONE_DAY, time.min)
        if current + remaining <= day_end:  # ending exactly at midnight still counts as today
            return current.date()
        remaining -= day_end - current
        current = datetime.combine(next_working_day(current.date(), calendar), time.min)


def ready_by(
    start: date | datetime, amount: int | None, unit: str, calendar: HolidayCalendar
) -> date:
    """The date a request made at `start` is ready, `amount` `unit`s later."""
    if unit == IMMEDIATE:
        return _as_date(start)
    if amount is None or amount < 0:
        raise ValueError("amount must be a non-negative number")
    if amount == 0:
        return _as_date(start)
    if unit == WORKING_DAYS:
        return add_working_days(start, amount, calendar)
    if unit == CALENDAR_DAYS:
        return roll_forward(_as_date(start) + timedelta(days=amount), calendar)
    if unit == WEEKS:
        return roll_forward(_as_date(start) + timedelta(weeks=amount), calendar)
    if unit == HOURS:
        if isinstance(start, datetime):
            return _add_working_hours(start, amount, calendar)
        return add_working_days(start, ceil(amount / 24), calendar)
    raise ValueError(f"Unknown lead time unit: {unit!r}")


def add_lead_time(
    start: date | datetime, lead_time: LeadTime, calendar: HolidayCalendar
) -> ReadyWindow:
    if lead_time.is_immediate:
        today = _as_date(start)
        return ReadyWindow(today, today)

    def bound(amount: int | None) -> date | None:
        return None if amount is None else ready_by(start, amount, lead_time.unit, calendar)

    return ReadyWindow(bound(lead_time.minimum), bound(lead_time.maximum))
