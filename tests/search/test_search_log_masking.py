"""The search log keeps no personal data: the masking rule of docs/search.md."""

import pytest

from search.service import scrub


@pytest.mark.parametrize(
    "query, expected",
    [
        ("grofvuil 1234", "grofvuil [nummer]"),  # Belgian postcode, house-number range
        ("parkeren 3581 AB", "parkeren [postcode]"),
        ("3581AB afval", "[postcode] afval"),
        ("bel 06-12345678 terug", "bel [nummer] terug"),
        ("bel 06 12 34 56 78", "bel [nummer]"),
        ("+32 470 12 34 56 afspraak", "[nummer] afspraak"),
        ("bsn 123456782", "bsn [nummer]"),
        ("rijksregister 85.07.30-033.61", "rijksregister [nummer]"),
        ("mail jan.jansen@example.nl", "mail [e-mail]"),
        ("3 kinderen 65 jaar", "3 kinderen 65 jaar"),
    ],
)
def test_personal_data_is_masked(query, expected):
    assert scrub(query) == expected
