"""Fixtures of the API tests."""

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from api.management.contract import generate_openapi
from tests.contract.validation import assert_response_matches_schema


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Start every API test with an empty cache.

    Wagtail caches site root paths and rendition lookups; a rolled-back test can free ids
    (SQLite reuses them) that the next test would then find in the cache.
    """
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api_client():
    """An anonymous client, as a frontend calls the API."""
    return APIClient()


@pytest.fixture(scope="session")
def contract(django_db_blocker):
    """The OpenAPI document as the code describes it now (the committed file may lag)."""
    with django_db_blocker.unblock():
        return generate_openapi()


@pytest.fixture
def contract_client(api_client, contract):
    """The anonymous client; every answer it gets to a GET must match the contract."""
    get = api_client.get

    def get_matching_the_contract(*args, **kwargs):
        response = get(*args, **kwargs)
        assert_response_matches_schema(response, spec=contract)
        return response

    api_client.get = get_matching_the_contract
    return api_client
