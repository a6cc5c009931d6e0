"""Holiday calendars and ready dates. Expected dates are worked out by hand from a calendar."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import holidays as holidays_lib
import pytest

from catalogue.domain.holidays import HolidayCalendar, public_holidays
from catalogue.domain.lead_time import (
    CALENDAR_DAYS,
    HOURS,
    IMMEDIATE,
    WEEKS,
    WORKING_DAYS,
    LeadTime,
)
from catalogue.domain.working_days import (
    ReadyWindow,
    add_lead_time,
    add_working_days,
    is_working_day,
    next_working_day,
    ready_by,
)

NL = HolidayCalendar("NL")
BE = HolidayCalendar("BE")


# --- Holiday calendar -----------------------------------------------------------------------


def test_dutch_names_for_netherlands():
    assert NL.name(date(2027, 3, 29)) == "Tweede paasdag"
    assert NL.name(date(2027, 4, 27)) == "Koningsdag"
    assert NL.name(date(2026, 12, 25)) == "Eerste kerstdag"
    assert NL.name(date(2027, 1, 1)) == "Nieuwjaarsdag"
    assert NL.name(date(2027, 3, 30)) is None


def test_dutch_names_for_belgium():
    assert BE.name(date(2027, 3, 29)) == "Paasmaandag"
    assert BE.name(date(2026, 7, 21)) == "Nationale feestdag"
    assert BE.name(date(2026, 11, 11)) == "Wapenstilstand"
    # Koningsdag is Dutch only.
    assert not BE.is_holiday(date(2026, 4, 27))


def test_koningsdag_on_sunday_moves_to_saturday():
    assert NL.name(date(2025, 4, 26)) == "Koningsdag"
    assert not NL.is_holiday(date(2025, 4, 27))


def test_bevrijdingsdag_follows_the_package_lustrum_rule():
    assert NL.is_holiday(date(2025, 5, 5))
    assert not NL.is_holiday(date(2027, 5, 5))


def test_is_holiday_accepts_datetimes():
    assert NL.is_holiday(datetime(2026, 12, 25, 10, 30))
    assert not NL.is_holiday(datetime(2026, 12, 24, 10, 30))


def test_calendar_normalises_country_and_is_hashable():
    assert HolidayCalendar("nl") == NL
    assert len({HolidayCalendar("nl"), NL, BE}) == 2


def test_holidays_are_cached_per_year():
    assert NL.holidays(2027) is HolidayCalendar("NL").holidays(2027)
    assert NL.holidays(2027) is not NL.holidays(2026)


def test_unknown_country_or_subdivision_is_rejected():
    with pytest.raises(ValueError):
        HolidayCalendar("XX")
    with pytest.raises(ValueError):
        HolidayCalendar("BE", "Atlantis")


def test_public_holidays_over_years():
    days = public_holidays([2026, 2027], country="BE")
    assert date(2026, 7, 21) in days
    assert date(2027, 7, 21) in days
    assert date(2027, 4, 27) not in days
    assert len(days) == 24  # 12 Belgian public holidays a year


# --- Working days ---------------------------------------------------------------------------


def test_weekend_and_holidays_are_not_working_days():
    assert is_working_day(date(2026, 3, 2), NL)  # Monday
    assert not is_working_day(date(2026, 3, 7), NL)  # Saturday
    assert not is_working_day(date(2026, 3, 8), NL)  # Sunday
    assert not is_working_day(date(2026, 4, 27), NL)  # Koningsdag
    assert is_working_day(date(2026, 4, 27), BE)


def test_next_working_day_skips_long_weekend():
    assert next_working_day(date(2026, 4, 24), NL) == date(2026, 4, 28)
    assert next_working_day(date(2026, 4, 24), BE) == date(2026, 4, 27)


def test_five_working_days_over_easter_nl():
    # Thursday 25 March 2027; Easter Monday is 29 March. Whether Good Friday (26 March) is a
    # day off in NL is the package's decision, so the expectation follows the package itself.
    good_friday_off = date(2027, 3, 26) in holidays_lib.country_holidays("NL", years=2027)
    # With Good Friday: Tue 30, Wed 31, Thu 1, Fri 2, Mon 5. Without: Fri 26, Tue 30 .. Fri 2.
    expected = date(2027, 4, 5) if good_friday_off else date(2027, 4, 2)
    assert add_working_days(date(2027, 3, 25), 5, NL) == expected


def test_five_working_days_over_easter_be():
    # Belgium has no Good Friday: Fri 26, (Easter Monday), Tue 30, Wed 31, Thu 1, Fri 2.
    assert add_working_days(date(2027, 3, 25), 5, BE) == date(2027, 4, 2)


def test_start_day_never_counts():
    assert add_working_days(date(2026, 3, 2), 1, NL) == date(2026, 3, 3)
    assert add_working_days(date(2026, 3, 6), 1, NL) == date(2026, 3, 9)  # Friday to Monday
    assert add_working_days(date(2026, 3, 7), 1, NL) == date(2026, 3, 9)  # Saturday request


def test_zero_working_days_is_the_start_day():
    assert add_working_days(date(2026, 3, 7), 0, NL) == date(2026, 3, 7)


def test_negative_working_days_are_rejected():
    with pytest.raises(ValueError):
        add_working_days(date(2026, 3, 2), -1, NL)


def test_koningsdag_is_skipped_in_nl_only():
    assert add_working_days(date(2026, 4, 24), 1, NL) == date(2026, 4, 28)
    assert add_working_days(date(2026, 4, 24), 1, BE) == date(2026, 4, 27)
    # 2027: Koningsdag on a Tuesday.
    assert add_working_days(date(2027, 4, 26), 1, NL) == date(2027, 4, 28)


def test_christmas_and_new_year():
    # 2025: Christmas on Thursday, Tweede kerstdag on Friday (not a holiday in Belgium).
    assert add_working_days(date(2025, 12, 24), 1, NL) == date(2025, 12, 29)
    assert add_working_days(date(2025, 12, 24), 1, BE) == date(2025, 12, 26)
    # Wed 23 Dec 2026: Thu 24, (Fri 25, weekend), Mon 28, Tue 29.
    assert add_working_days(date(2026, 12, 23), 3, NL) == date(2026, 12, 29)
    # New Year's Day 2027 is a Friday.
    assert add_working_days(date(2026, 12, 31), 1, NL) == date(2027, 1, 4)


def test_bevrijdingsdag_and_belgian_national_day():
    assert add_working_days(date(2025, 5, 2), 1, NL) == date(2025, 5, 6)
    assert add_working_days(date(2025, 5, 2), 1, BE) == date(2025, 5, 5)
    assert add_working_days(date(2027, 7, 20), 1, BE) == date(2027, 7, 22)
    assert add_working_days(date(2027, 7, 20), 1, NL) == date(2027, 7, 21)


def test_ten_working_days_over_ascension():
    # Mon 3 May 2027 + 10: May 4, 5, 7, 10, 11, 12, 13, 14, 18 (17 is Whit Monday), 19.
    assert add_working_days(date(2027, 5, 3), 10, NL) == date(2027, 5, 19)


# --- ready_by -------------------------------------------------------------------------------


def test_ready_by_working_days_accepts_datetimes():
    start = datetime(2027, 3, 25, 16, 45, tzinfo=ZoneInfo("Europe/Amsterdam"))
    assert ready_by(start, 5, WORKING_DAYS, BE) == date(2027, 4, 2)


def test_ready_by_calendar_days():
    assert ready_by(date(2026, 3, 2), 14, CALENDAR_DAYS, NL) == date(2026, 3, 16)
    # Ends on Sunday 28 March 2027, Easter Monday follows: ready Tuesday.
    assert ready_by(date(2027, 3, 25), 3, CALENDAR_DAYS, NL) == date(2027, 3, 30)


def test_ready_by_weeks():
    assert ready_by(date(2026, 1, 5), 8, WEEKS, NL) == date(2026, 3, 2)
    # One week after Monday 20 April 2026 is Koningsdag.
    assert ready_by(date(2026, 4, 20), 1, WEEKS, NL) == date(2026, 4, 28)
    assert ready_by(date(2026, 4, 20), 1, WEEKS, BE) == date(2026, 4, 27)


def test_ready_by_immediate_is_the_request_day_even_on_sunday():
    assert ready_by(date(2026, 3, 8), None, IMMEDIATE, NL) == date(2026, 3, 8)
    assert ready_by(datetime(2026, 3, 8, 23, 0), None, IMMEDIATE, NL) == date(2026, 3, 8)


def test_ready_by_hours_clock_stops_outside_working_days():
    # Friday 10:00 + 24 h: 14 h on Friday, the remaining 10 h on Monday.
    assert ready_by(datetime(2027, 3, 19, 10, 0), 24, HOURS, NL) == date(2027, 3, 22)
    # Thursday 10:00 + 48 h over Easter (NL): 14 h Thu, 24 h Tue 30, 10 h Wed 31.
    good_friday_off = date(2027, 3, 26) in holidays_lib.country_holidays("NL", years=2027)
    expected = date(2027, 3, 31) if good_friday_off else date(2027, 3, 30)
    assert ready_by(datetime(2027, 3, 25, 10, 0), 48, HOURS, NL) == expected
    # A request on Saturday starts the clock on Monday.
    assert ready_by(datetime(2026, 3, 7, 9, 0), 1, HOURS, NL) == date(2026, 3, 9)
    # Ending exactly at midnight is still the same day.
    assert ready_by(datetime(2026, 3, 2, 0, 0), 24, HOURS, NL) == date(2026, 3, 2)
    assert ready_by(datetime(2026, 3, 2, 0, 1), 24, HOURS, NL) == date(2026, 3, 3)


def test_ready_by_hours_from_a_date_assumes_end_of_day():
    assert ready_by(date(2027, 3, 19), 24, HOURS, NL) == date(2027, 3, 22)
    assert ready_by(date(2026, 3, 2), 25, HOURS, NL) == date(2026, 3, 4)
    assert ready_by(date(2026, 3, 2), 0, HOURS, NL) == date(2026, 3, 2)


def test_ready_by_rejects_missing_or_negative_amounts_and_unknown_units():
    with pytest.raises(ValueError):
        ready_by(date(2026, 3, 2), None, WORKING_DAYS, NL)
    with pytest.raises(ValueError):
        ready_by(date(2026, 3, 2), -2, CALENDAR_DAYS, NL)
    with pytest.raises(ValueError):
        ready_by(date(2026, 3, 2), 2, "months", NL)


# --- add_lead_time --------------------------------------------------------------------------


def test_add_lead_time_range():
    window = add_lead_time(date(2026, 3, 2), LeadTime(3, 5, WORKING_DAYS), NL)
    assert window == ReadyWindow(date(2026, 3, 5), date(2026, 3, 9))


def test_add_lead_time_open_bounds():
    assert add_lead_time(date(2026, 3, 2), LeadTime(None, 2, WEEKS), NL) == (
        None,
        date(2026, 3, 16),
    )
    assert add_lead_time(date(2026, 3, 2), LeadTime(1, None, WORKING_DAYS), NL) == (
        date(2026, 3, 3),
        None,
    )


def test_add_lead_time_immediate():
    start = datetime(2026, 4, 27, 11, 0)
    assert add_lead_time(start, LeadTime.immediate(), NL) == (date(2026, 4, 27), date(2026, 4, 27))


# --- LeadTime -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        (None, None, WORKING_DAYS),
        (5, 3, WORKING_DAYS),
        (-1, 2, WEEKS),
        (1, 2, "months"),
    ],
)
def test_lead_time_rejects_nonsense(args):
    with pytest.raises(ValueError):
        LeadTime(*args)


def test_lead_time_helpers():
    assert LeadTime.exactly(5, WORKING_DAYS) == LeadTime(5, 5, WORKING_DAYS)
    assert LeadTime.immediate().is_immediate
    assert not LeadTime(1, 2, WEEKS).is_immediate
