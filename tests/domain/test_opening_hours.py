"""Opening hours: weekly intervals, date exceptions, public holidays, time zones and DST."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from catalogue.domain.holidays import HolidayCalendar
from catalogue.domain.opening_hours import (
    DateException,
    DayHours,
    Interval,
    Schedule,
    format_day,
    validate_exceptions,
    validate_intervals,
)

AMS = ZoneInfo("Europe/Amsterdam")
BRU = ZoneInfo("Europe/Brussels")
NL = HolidayCalendar("NL")
BE = HolidayCalendar("BE")

# A town hall desk: weekdays 09:00-12:00 and 13:00-17:00, Thursday evenings 18:00-20:00.
DESK = [
    *(Interval(day, time(9), time(12)) for day in range(5)),
    *(Interval(day, time(13), time(17)) for day in range(5)),
    Interval(3, time(18), time(20)),
]


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def desk(**kwargs) -> Schedule:
    return Schedule(DESK, calendar=kwargs.pop("calendar", NL), **kwargs)


# --- intervals_on ---------------------------------------------------------------------------


def test_weekly_intervals_sorted():
    assert desk().intervals_on(date(2026, 3, 2)) == [(time(9), time(12)), (time(13), time(17))]
    assert desk().intervals_on(date(2026, 3, 5)) == [
        (time(9), time(12)),
        (time(13), time(17)),
        (time(18), time(20)),
    ]


def test_weekend_closed():
    assert desk().intervals_on(date(2026, 3, 7)) == []
    assert desk().intervals_on(date(2026, 3, 8)) == []


def test_public_holiday_closed_per_country():
    koningsdag = date(2026, 4, 27)
    assert desk().intervals_on(koningsdag) == []
    assert desk(calendar=BE, tz="Europe/Brussels").intervals_on(koningsdag) == [
        (time(9), time(12)),
        (time(13), time(17)),
    ]
    assert desk(calendar=BE).intervals_on(date(2026, 7, 21)) == []  # Belgian national day
    assert desk(calendar=None).intervals_on(koningsdag) != []


def test_exception_opens_a_holiday():
    schedule = Schedule(DESK, [DateException(date(2026, 4, 27), False, time(10), time(12))], NL)
    assert schedule.intervals_on(date(2026, 4, 27)) == [(time(10), time(12))]


def test_several_exceptions_on_one_date_replace_the_week():
    schedule = Schedule(
        DESK,
        [
            DateException(date(2026, 12, 24), False, time(13), time(15)),
            DateException(date(2026, 12, 24), False, time(9), time(12)),
        ],
        NL,
    )
    # Thursday 24 December: no evening opening that day.
    assert schedule.intervals_on(date(2026, 12, 24)) == [(time(9), time(12)), (time(13), time(15))]
    assert schedule.intervals_on(date(2026, 12, 17)) == desk().intervals_on(date(2026, 12, 17))


def test_closed_exception_closes_the_whole_day():
    schedule = Schedule(
        DESK,
        [
            DateException(date(2026, 3, 3), False, time(9), time(12)),
            DateException(date(2026, 3, 3), True, note="Verbouwing"),
        ],
        NL,
    )
    assert schedule.intervals_on(date(2026, 3, 3)) == []
    assert schedule.intervals_on(date(2026, 3, 4)) != []


def test_exception_opens_a_weekend_day():
    schedule = Schedule(DESK, [DateException(date(2026, 3, 7), False, time(10), time(13))], NL)
    assert schedule.is_open(datetime(2026, 3, 7, 12, 59))
    assert not schedule.is_open(datetime(2026, 3, 7, 13, 0))


# --- is_open and current_interval -----------------------------------------------------------


def test_is_open_with_utc_input_in_winter():
    schedule = desk()
    # Monday 2 March 2026, CET = UTC+1.
    assert not schedule.is_open(utc(2026, 3, 2, 7, 59))  # 08:59
    assert schedule.is_open(utc(2026, 3, 2, 8, 0))  # 09:00, opening is inclusive
    assert not schedule.is_open(utc(2026, 3, 2, 11, 0))  # 12:00, closing is exclusive
    assert not schedule.is_open(utc(2026, 3, 2, 11, 30))  # lunch
    assert schedule.is_open(utc(2026, 3, 2, 15, 59))  # 16:59
    assert not schedule.is_open(utc(2026, 3, 2, 16, 0))  # 17:00


def test_is_open_with_utc_input_in_summer():
    schedule = desk()
    # Wednesday 1 July 2026, CEST = UTC+2: 07:30 UTC is 09:30 local.
    assert schedule.is_open(utc(2026, 7, 1, 7, 30))
    assert not schedule.is_open(utc(2026, 7, 1, 15, 30))  # 17:30 local
    # The same UTC time in winter is 08:30 local: closed.
    assert not schedule.is_open(utc(2026, 1, 7, 7, 30))


def test_naive_datetimes_are_local_wall_time():
    assert desk().is_open(datetime(2026, 3, 2, 9, 0))
    assert not desk().is_open(datetime(2026, 3, 2, 8, 59))
    assert desk().is_open(datetime(2026, 7, 1, 16, 59))


def test_other_time_zones_are_converted():
    new_york = ZoneInfo("America/New_York")
    # 03:30 in New York on 2 March 2026 (EST, UTC-5) is 09:30 in Amsterdam.
    assert desk().is_open(datetime(2026, 3, 2, 3, 30, tzinfo=new_york))
    # 09:30 in New York is 15:30 in Amsterdam: open as well; 11:30 is 17:30: closed.
    assert desk().is_open(datetime(2026, 3, 2, 9, 30, tzinfo=new_york))
    assert not desk().is_open(datetime(2026, 3, 2, 11, 30, tzinfo=new_york))


def test_local_date_decides_the_day():
    # 23:30 UTC on Sunday 1 March is 00:30 on Monday in Amsterdam.
    night = Schedule([Interval(0, time(0), time(1))], tz="Europe/Amsterdam")
    assert night.is_open(utc(2026, 3, 1, 23, 30))
    assert not night.is_open(utc(2026, 3, 2, 23, 30))


def test_current_interval_returns_aware_bounds():
    opens, closes = desk().current_interval(utc(2026, 3, 5, 17, 15))  # Thursday 18:15
    assert opens == datetime(2026, 3, 5, 18, 0, tzinfo=AMS)
    assert closes == datetime(2026, 3, 5, 20, 0, tzinfo=AMS)
    assert opens.tzinfo == AMS
    assert desk().current_interval(utc(2026, 3, 5, 16, 15)) is None


def test_holiday_is_closed_all_day():
    assert not desk().is_open(datetime(2026, 4, 27, 10, 0))
    assert desk(calendar=BE, tz="Europe/Brussels").is_open(datetime(2026, 4, 27, 10, 0))


# --- DST ------------------------------------------------------------------------------------

SUNDAY_NIGHT = [Interval(6, time(1), time(5))]


def test_spring_forward_interval_is_an_hour_shorter():
    schedule = Schedule(SUNDAY_NIGHT)
    opens, closes = schedule.current_interval(utc(2026, 3, 29, 2, 30))  # 04:30 CEST
    assert opens.astimezone(UTC) == utc(2026, 3, 29, 0, 0)  # 01:00 CET
    assert closes.astimezone(UTC) == utc(2026, 3, 29, 3, 0)  # 05:00 CEST
    assert closes.astimezone(UTC) - opens.astimezone(UTC) == timedelta(hours=3)
    assert schedule.is_open(utc(2026, 3, 29, 2, 59))
    assert not schedule.is_open(utc(2026, 3, 29, 3, 0))


def test_fall_back_interval_is_an_hour_longer():
    schedule = Schedule(SUNDAY_NIGHT)
    opens, closes = schedule.current_interval(utc(2026, 10, 25, 1, 30))
    assert opens.astimezone(UTC) == utc(2026, 10, 24, 23, 0)  # 01:00 CEST
    assert closes.astimezone(UTC) == utc(2026, 10, 25, 4, 0)  # 05:00 CET
    assert closes.astimezone(UTC) - opens.astimezone(UTC) == timedelta(hours=5)
    # Both 02:30s of that night are open.
    assert schedule.is_open(utc(2026, 10, 25, 0, 30))
    assert schedule.is_open(utc(2026, 10, 25, 1, 30))
    assert schedule.is_open(utc(2026, 10, 25, 3, 59))
    assert not schedule.is_open(utc(2026, 10, 25, 4, 0))


def test_ambiguous_closing_time_is_its_first_occurrence():
    # 02:30 happens twice on 25 October 2026; closing is at the first, 00:30 UTC.
    schedule = Schedule([Interval(6, time(1), time(2, 30))])
    assert schedule.is_open(utc(2026, 10, 25, 0, 15))  # 02:15 CEST
    assert not schedule.is_open(utc(2026, 10, 25, 0, 30))  # 02:30 CEST
    assert not schedule.is_open(utc(2026, 10, 25, 1, 15))  # 02:15 CET, the second time round


def test_daytime_hours_keep_their_wall_clock_across_dst():
    sundays = Schedule([Interval(6, time(10), time(16))])
    # Sunday 22 March 2026 is CET, Sunday 29 March CEST.
    assert sundays.next_opening(utc(2026, 3, 21, 12)) == datetime(2026, 3, 22, 10, tzinfo=AMS)
    first = sundays.next_opening(utc(2026, 3, 28, 12))
    assert first.astimezone(UTC) == utc(2026, 3, 29, 8, 0)
    assert first.utcoffset() == timedelta(hours=2)
    after_fall_back = sundays.next_opening(utc(2026, 10, 24, 12))
    assert after_fall_back.astimezone(UTC) == utc(2026, 10, 25, 9, 0)
    assert after_fall_back.utcoffset() == timedelta(hours=1)


def test_opening_inside_the_spring_gap_moves_forward():
    # 02:30 does not exist on 29 March 2026; it is read as 03:30 CEST (01:30 UTC).
    schedule = Schedule([Interval(6, time(2, 30), time(4))])
    assert not schedule.is_open(utc(2026, 3, 29, 1, 15))
    assert schedule.is_open(utc(2026, 3, 29, 1, 45))
    assert schedule.next_opening(utc(2026, 3, 29, 0, 0)).astimezone(UTC) == utc(2026, 3, 29, 1, 30)


def test_interval_wholly_inside_the_spring_gap_is_empty():
    schedule = Schedule([Interval(6, time(2, 0), time(3, 0))])
    assert schedule.current_interval(utc(2026, 3, 29, 1, 0)) is None
    # The next opening is a week later, at 02:00 CEST (00:00 UTC).
    assert schedule.next_opening(utc(2026, 3, 28, 12)).astimezone(UTC) == utc(2026, 4, 5, 0, 0)


def test_brussels_dst_and_holidays():
    schedule = Schedule(DESK, calendar=BE, tz="Europe/Brussels")
    # Monday 30 March 2026, first weekday of summer time: 07:00 UTC is 09:00 in Brussels.
    assert schedule.is_open(utc(2026, 3, 30, 7, 0))
    assert not schedule.is_open(utc(2026, 3, 30, 6, 59))
    # Monday 26 October 2026, back to winter time: 08:00 UTC is 09:00.
    assert not schedule.is_open(utc(2026, 10, 26, 7, 30))
    assert schedule.is_open(utc(2026, 10, 26, 8, 0))
    opening = schedule.next_opening(utc(2026, 7, 20, 16))  # Monday, after closing
    # Tuesday 21 July is the national day: next is Wednesday 22 July 09:00 CEST.
    assert opening == datetime(2026, 7, 22, 9, tzinfo=BRU)
    assert opening.tzinfo == BRU


# --- next_opening ---------------------------------------------------------------------------


def test_next_opening_is_strictly_after():
    schedule = desk()
    monday = date(2026, 3, 2)
    assert schedule.next_opening(datetime(2026, 3, 2, 8, 59)) == datetime.combine(
        monday, time(9), AMS
    )
    # Open at 09:00 and at 09:30: the next opening is after lunch.
    assert schedule.next_opening(datetime(2026, 3, 2, 9, 0)) == datetime(2026, 3, 2, 13, tzinfo=AMS)
    assert schedule.next_opening(datetime(2026, 3, 2, 9, 30)) == datetime(
        2026, 3, 2, 13, tzinfo=AMS
    )
    # Friday evening: Monday morning.
    assert schedule.next_opening(datetime(2026, 3, 6, 17, 0)) == datetime(2026, 3, 9, 9, tzinfo=AMS)


def test_next_opening_skips_holidays():
    # Friday 24 April 2026, after closing; Monday 27 April is Koningsdag in NL only.
    after = datetime(2026, 4, 24, 17, 30, tzinfo=AMS)
    assert desk().next_opening(after) == datetime(2026, 4, 28, 9, tzinfo=AMS)
    brussels = desk(calendar=BE, tz="Europe/Brussels")
    assert brussels.next_opening(after) == datetime(2026, 4, 27, 9, tzinfo=BRU)


def test_next_opening_over_christmas_and_new_year():
    # Thursday 24 Dec 2026 after the evening hours: 25 Dec holiday, weekend, then Monday.
    assert desk().next_opening(datetime(2026, 12, 24, 20, 0)) == datetime(
        2026, 12, 28, 9, tzinfo=AMS
    )
    # Thursday 31 Dec after 20:00: New Year's Day (Friday), weekend, Monday 4 January.
    assert desk().next_opening(datetime(2026, 12, 31, 20, 0)) == datetime(2027, 1, 4, 9, tzinfo=AMS)


def test_next_opening_within_a_year_only():
    near = Schedule([], [DateException(date(2027, 3, 1), False, time(10), time(11))])
    assert near.next_opening(datetime(2026, 3, 2, 12)) == datetime(2027, 3, 1, 10, tzinfo=AMS)
    far = Schedule([], [DateException(date(2027, 3, 5), False, time(10), time(11))])
    assert far.next_opening(datetime(2026, 3, 2, 12)) is None
    assert Schedule([]).next_opening(datetime(2026, 3, 2, 12)) is None


# --- week -----------------------------------------------------------------------------------


def test_week_around_koningsdag():
    schedule = Schedule(
        DESK,
        [DateException(date(2026, 4, 30), False, time(9), time(12), note="Alleen ochtend")],
        NL,
    )
    week = schedule.week(date(2026, 4, 26))  # a Sunday; any start day works
    assert [day.day for day in week] == [date(2026, 4, 26) + timedelta(days=i) for i in range(7)]
    sunday, koningsdag, tuesday, _, thursday, _, saturday = week
    assert sunday == DayHours(date(2026, 4, 26), (), False, None, "")
    assert koningsdag == DayHours(date(2026, 4, 27), (), True, "Koningsdag", "")
    assert koningsdag.is_closed
    assert tuesday.intervals == ((time(9), time(12)), (time(13), time(17)))
    assert not tuesday.is_holiday
    assert thursday.intervals == ((time(9), time(12)),)
    assert thursday.note == "Alleen ochtend"
    assert saturday.is_closed


def test_week_marks_holiday_even_when_opened_by_exception():
    schedule = Schedule(
        DESK,
        [DateException(date(2026, 12, 26), False, time(10), time(12), note="Kerstmarkt")],
        NL,
    )
    day = schedule.week(date(2026, 12, 21))[5]
    assert day.day == date(2026, 12, 26)
    assert (day.is_holiday, day.holiday_name) == (True, "Tweede kerstdag")
    assert day.intervals == ((time(10), time(12)),)
    assert day.note == "Kerstmarkt"


def test_week_without_calendar_has_no_holidays():
    week = Schedule(DESK).week(date(2026, 4, 27))
    assert not any(day.is_holiday for day in week)
    assert week[0].intervals == ((time(9), time(12)), (time(13), time(17)))


# --- validation -----------------------------------------------------------------------------


def test_valid_intervals_have_no_errors():
    assert validate_intervals(DESK) == []
    # Touching intervals do not overlap.
    assert (
        validate_intervals([Interval(0, time(9), time(12)), Interval(0, time(12), time(13))]) == []
    )


def test_overlapping_intervals():
    errors = validate_intervals(
        [
            Interval(0, time(11), time(13)),
            Interval(0, time(9), time(12)),
            Interval(1, time(11), time(13)),  # another day: no overlap
        ]
    )
    assert errors == ["Openingstijden overlappen op maandag: 09:00–12:00 en 11:00–13:00"]


def test_identical_and_nested_intervals_overlap():
    errors = validate_intervals(
        [
            Interval(6, time(8), time(18)),
            Interval(6, time(10), time(11, 30)),
            Interval(4, time(9), time(10)),
            Interval(4, time(9), time(10)),
        ]
    )
    assert errors == [
        "Openingstijden overlappen op vrijdag: 09:00–10:00 en 09:00–10:00",
        "Openingstijden overlappen op zondag: 08:00–18:00 en 10:00–11:30",
    ]


def test_closing_must_follow_opening():
    errors = validate_intervals([Interval(2, time(12), time(9)), Interval(3, time(9), time(9))])
    assert errors == [
        "Sluitingstijd moet na openingstijd liggen op woensdag: 12:00–09:00",
        "Sluitingstijd moet na openingstijd liggen op donderdag: 09:00–09:00",
    ]


def test_invalid_weekday():
    assert validate_intervals([Interval(7, time(9), time(12))]) == ["Ongeldige weekdag: 7"]


def test_format_day():
    assert format_day(date(2026, 12, 25)) == "vrijdag 25 december 2026"
    assert format_day(date(2027, 3, 1)) == "maandag 1 maart 2027"


def test_valid_exceptions_have_no_errors():
    exceptions = [
        DateException(date(2026, 12, 24), False, time(9), time(12)),
        DateException(date(2026, 12, 24), False, time(12), time(15)),
        DateException(date(2026, 12, 31), True),
    ]
    assert validate_exceptions(exceptions) == []


def test_overlapping_exceptions_on_one_date():
    errors = validate_exceptions(
        [
            DateException(date(2026, 12, 24), False, time(9), time(12)),
            DateException(date(2026, 12, 24), False, time(11), time(13)),
            DateException(date(2026, 12, 23), False, time(11), time(13)),
        ]
    )
    assert errors == [
        "Openingstijden overlappen op donderdag 24 december 2026: 09:00–12:00 en 11:00–13:00"
    ]


@pytest.mark.parametrize(
    ("exception", "message"),
    [
        (
            DateException(date(2026, 12, 24), False, time(12), time(9)),
            "Sluitingstijd moet na openingstijd liggen op donderdag 24 december 2026: 12:00–09:00",
        ),
        (
            DateException(date(2026, 12, 24), False, time(12), None),
            "Geef voor donderdag 24 december 2026 een openings- en sluitingstijd op, "
            "of markeer de dag als gesloten",
        ),
        (
            DateException(date(2026, 12, 24), True, time(9), time(12)),
            "Op donderdag 24 december 2026 is zowel 'gesloten' als een openingstijd opgegeven",
        ),
    ],
)
def test_invalid_exception(exception, message):
    assert validate_exceptions([exception]) == [message]


def test_closed_and_open_exceptions_on_one_date_conflict():
    errors = validate_exceptions(
        [
            DateException(date(2027, 1, 2), True),
            DateException(date(2027, 1, 2), False, time(10), time(12)),
        ]
    )
    assert errors == [
        "Op zaterdag 2 januari 2027 is zowel 'gesloten' als een openingstijd opgegeven"
    ]
