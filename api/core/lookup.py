"""Guards for values used in database lookups."""

MAX_LOOKUP_LENGTH = 255


def usable(value: str | None) -> bool:
    """False for values no row can match; PostgreSQL also refuses NUL characters outright."""
    return bool(value) and len(value) <= MAX_LOOKUP_LENGTH and "\x00" not in value
