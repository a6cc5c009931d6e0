from functools import cache

from django.conf import settings

from catalogue.domain.holidays import HolidayCalendar


@cache
def _calendar(country: str, subdivision: str | None) -> HolidayCalendar:
    return HolidayCalendar(country, subdivision)


def calendar() -> HolidayCalendar:
    """The public-holiday calendar of the settings (one instance per country/subdivision)."""
    return _calendar(settings.PUBLIC_HOLIDAYS_COUNTRY, settings.PUBLIC_HOLIDAYS_SUBDIVISION)
