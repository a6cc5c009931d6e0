"""Dates as the API takes them: default today in the site's time zone, within a sane range."""

from datetime import date, datetime

from django.utils import timezone

from .errors import bad_input

MIN_YEAR = 1900
MAX_YEAR = 2200


def today() -> date:
    return timezone.localdate()


def now() -> datetime:
    return timezone.localtime()


def checked(value: date | None, argument: str) -> date:
    """`value` or today; out-of-range dates are refused before any arithmetic overflows."""
    if value is None:
        return today()
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise bad_input(
            f"De datum in '{argument}' moet tussen {MIN_YEAR} en {MAX_YEAR} liggen.",
            argument=argument,
        )
    return value
