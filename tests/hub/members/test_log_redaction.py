"""Invitation tokens stay out of the logs: gunicorn's access log and Django's records."""

import logging

import pytest

from api.preview.access_log import REDACTED, RedactTokensFilter, redact_tokens

TOKEN = "q8W-3kTz_Ab9"


@pytest.mark.parametrize(
    ("logged", "expected"),
    [
        (
            f'"GET /members/invitations/{TOKEN}/ HTTP/1.1" 200',
            f'"GET /members/invitations/{REDACTED}/ HTTP/1.1" 200',
        ),
        (
            f'"GET /admin/login/?next=%2Fmembers%2Finvitations%2F{TOKEN}%2F HTTP/1.1" 200',
            f'"GET /admin/login/?next=%2Fmembers%2Finvitations%2F{REDACTED}%2F HTTP/1.1" 200',
        ),
        (
            f'"GET /api/v1/preview/?token={TOKEN} HTTP/1.1" 200',
            f'"GET /api/v1/preview/?token={REDACTED} HTTP/1.1" 200',
        ),
        ('"GET /members/ HTTP/1.1" 404', '"GET /members/ HTTP/1.1" 404'),
    ],
)
def test_access_log_lines_lose_their_tokens(logged, expected):
    assert redact_tokens(logged) == expected


def test_django_records_are_redacted_with_their_arguments():
    record = logging.LogRecord(
        "django.security.csrf",
        logging.WARNING,
        __file__,
        1,
        "Forbidden (%s): %s",
        ("CSRF cookie not set.", f"/members/invitations/{TOKEN}/"),
        None,
    )

    assert RedactTokensFilter().filter(record)
    assert record.getMessage() == (
        f"Forbidden (CSRF cookie not set.): /members/invitations/{REDACTED}/"
    )
    assert TOKEN not in record.getMessage()


def test_placeholders_stay_as_they_are():
    assert redact_tokens("Gone: /members/invitations/<token>/") == (
        "Gone: /members/invitations/<token>/"
    )
