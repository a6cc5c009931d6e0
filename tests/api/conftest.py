"""Fixtures for the GraphQL API tests (helpers: api_support.py)."""

import pytest

from api.tokens import create_token


@pytest.fixture
def kcc_token(db) -> str:
    _token, plain = create_token("KCC-test")
    return plain
