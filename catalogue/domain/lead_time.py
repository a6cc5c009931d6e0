"""Lead times ("doorlooptijden") as plain values, shared by models, API, formatting and checks."""

from dataclasses import dataclass

HOURS = "hours"
WORKING_DAYS = "working_days"
CALENDAR_DAYS = "calendar_days"
WEEKS = "weeks"
IMMEDIATE = "immediate"

UNITS = (HOURS, WORKING_DAYS, CALENDAR_DAYS, WEEKS, IMMEDIATE)


@dataclass(frozen=True)
class LeadTime:
    """A lead time of `minimum` to `maximum` units; either bound may be unknown.

    `IMMEDIATE` carries no amounts: the product is ready the moment it is requested.
    """

    minimum: int | None
    maximum: int | None
    unit: str
    note: str = ""

    def __post_init__(self) -> None:
        if self.unit not in UNITS:
            raise ValueError(f"Unknown lead time unit: {self.unit!r}")
        for value in (self.minimum, self.maximum):
            if value is not None and value < 0:
                raise ValueError("Lead time amounts cannot be negative")
        if self.unit != IMMEDIATE and self.minimum is None and self.maximum is None:
            raise ValueError("A lead time needs a minimum or a maximum unless it is immediate")
        if self.minimum is not None and self.maximum is not None and self.minimum > self.maximum:
            raise ValueError("Lead time minimum exceeds its maximum")

    @classmethod
    def immediate(cls, note: str = "") -> "LeadTime":
        return cls(None, None, IMMEDIATE, note)

    @classmethod
    def exactly(cls, amount: int, unit: str, note: str = "") -> "LeadTime":
        return cls(amount, amount, unit, note)

    @property
    def is_immediate(self) -> bool:
        return self.unit == IMMEDIATE
