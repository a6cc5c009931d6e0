"""Public holidays per country, from the `holidays` package.

Which days count (Goede vrijdag, Bevrijdingsdag only in lustrum years, Koningsdag moving to
Saturday when 27 April is a Sunday) is the package's call; we only cache and name them in Dutch.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from types import MappingProxyType

import holidays as holidays_lib


@cache
def _language(country: str) -> str | None:
    # Dutch names where the package has them (NL, BE); otherwise the country's own default.
    return "nl" if "nl" in holidays_lib.list_localized_countries().get(country, ()) else None


@cache
def _year_holidays(country: str, subdivision: str | None, year: int) -> Mapping[date, str]:
    entity = holidays_lib.country_holidays(
        country, subdiv=subdivision, years=year, language=_language(country)
    )
    return MappingProxyType(dict(entity.items()))


@dataclass(frozen=True)
class HolidayCalendar:
    """Public holidays of one country (and optional subdivision, as the package names it).

    Instances are cheap and hashable; holiday lists are cached per (country, subdivision, year).
    """

    country: str = "NL"
    subdivision: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "country", self.country.upper())
        try:
            # Fails fast on an unknown country or subdivision instead of at the first lookup.
            holidays_lib.country_holidays(self.country, subdiv=self.subdivision, years=[])
        except NotImplementedError as exc:
            raise ValueError(str(exc)) from exc

    def holidays(self, year: int) -> Mapping[date, str]:
        return _year_holidays(self.country, self.subdivision, year)

    def is_holiday(self, d: date) -> bool:
        return self.name(d) is not None

    def name(self, d: date) -> str | None:
        if isinstance(d, datetime):  # a datetime never equals a date key
            d = d.date()
        return self.holidays(d.year).get(d)


def public_holidays(
    years: Iterable[int], country: str = "NL", subdivision: str | None = None
) -> set[date]:
    calendar = HolidayCalendar(country, subdivision)
    return {d for year in years for d in calendar.holidays(year)}
