"""What a member portal waits for: reading a profile, submitting changes, and approval.

Run it with::

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cluster_hub_bench \
        make bench PYTEST_ARGS="-k member"

It needs PostgreSQL and is skipped on SQLite. ``BENCH_MEMBER_ROUNDS`` organisations (default
30), each with a member editor and a token, go through the member API in-process (DRF's
test client, so no network or gunicorn time is included):

- ``GET /api/v1/members/organisations/{id}/`` (draft and live version);
- a first submission (``POST .../submissions/``, three fields): validation, draft revision,
  workflow start and the audit record, in one transaction;
- a second submission that replaces the pending one (its review is cancelled first);
- approval by a reviewer through Wagtail's task action, which publishes and records the
  decision (mail and webhooks are queued, not sent, in this measurement).

It prints median, 95th percentile and maximum per step, and the queries each took;
timings are printed, never asserted.
"""

import os
import statistics
import time
from decimal import Decimal
from functools import partial

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from hub.members.models import ProfileSubmission, SubmissionStatus
from tests.factories.members import member_of, published_organisation, token_for
from tests.pages.publishing import CommunicationsReviewerFactory

ROUNDS = int(os.environ.get("BENCH_MEMBER_ROUNDS", "30"))


def summary(label: str, seconds: list[float], queries: list[int]) -> str:
    ordered = sorted(seconds)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    return (
        f"{label:<30} median {statistics.median(ordered) * 1000:7.1f} ms   "
        f"p95 {p95 * 1000:7.1f} ms   max {ordered[-1] * 1000:7.1f} ms   "
        f"queries {min(queries)}-{max(queries)}"
    )


def timed(call):
    # The query log keeps the last 9000 queries only; counting from empty keeps it exact.
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        result = call()
        elapsed = time.perf_counter() - started
    return result, elapsed, len(queries)


@pytest.mark.django_db
def test_member_api_and_approval(settings):
    if connection.vendor != "postgresql":
        pytest.skip("the member benchmark runs on PostgreSQL (set DATABASE_URL)")
    settings.MEMBER_SUBMISSIONS_PER_TOKEN_PER_HOUR = 1000
    settings.MEMBER_SUBMISSIONS_PER_USER_PER_HOUR = 1000
    reviewer = CommunicationsReviewerFactory()
    client = APIClient()
    steps = {name: ([], []) for name in ("read", "submit", "replace", "approve")}

    def record(step, result_time_queries):
        result, elapsed, queries = result_time_queries
        steps[step][0].append(elapsed)
        steps[step][1].append(queries)
        return result

    for number in range(ROUNDS):
        organisation = published_organisation(name=f"Harzer Chemiewerk {number}")
        member = member_of(organisation)
        headers = {"HTTP_AUTHORIZATION": f"Bearer {token_for(member, organisation)}"}
        url = f"/api/v1/members/organisations/{organisation.pk}/"
        first = {"city": "Bad Harzburg", "latitude": 51.879, "longitude": 10.561}
        second = {"phone": "+49 5322 78900"}

        response = record("read", timed(partial(client.get, url, **headers)))
        assert response.status_code == 200
        for step, body in (("submit", first), ("replace", second)):
            post = partial(client.post, f"{url}submissions/", body, format="json", **headers)
            response = record(step, timed(post))
            assert response.status_code == 202, response.content

        organisation.refresh_from_db()
        task_state = organisation.current_workflow_task_state
        approve = partial(
            task_state.task.specific.on_action, task_state, reviewer, "approve", comment=""
        )
        record("approve", timed(approve))
        organisation.refresh_from_db()
        assert organisation.city == "Bad Harzburg"
        assert organisation.latitude == Decimal("51.879000")
        assert organisation.phone == "+49 5322 78900"

    assert ProfileSubmission.objects.filter(status=SubmissionStatus.APPROVED).count() == ROUNDS

    print()
    print(f"Member API over {ROUNDS} organisations (PostgreSQL, in-process client)")
    print(summary("GET profile (draft + live)", *steps["read"]))
    print(summary("POST submission (first)", *steps["submit"]))
    print(summary("POST submission (replaces)", *steps["replace"]))
    print(summary("approve and publish", *steps["approve"]))
