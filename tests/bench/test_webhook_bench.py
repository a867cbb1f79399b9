"""Time from "publish" to the webhook's arrival at a frontend.

Run it with::

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cluster_hub make bench PYTEST_ARGS="-k webhook"

It needs PostgreSQL (pytest-django creates the test database, ``test_<name>``) and is
skipped on SQLite. django-tasks-db's worker (the class behind ``manage.py db_worker``)
runs in a thread polling every 50 ms, as ``db_worker --interval 0.05`` would; an HTTP
receiver on loopback stands in for the frontend. A CKnews issue, linked from another page
so that the payload names affected paths, is published ``BENCH_WEBHOOK_PUBLISHES`` times
(default 20), one after the other. For each publish the benchmark takes the time from the
start of ``publish()`` to the moment the receiver has the request, and how long
``publish()`` itself took (it works out the event and queues it, but never waits for the
frontend). It prints the median, 95th percentile and maximum; timings are printed, never
asserted.
"""

import os
import statistics
import time

import pytest
from django.db import connection

from tests.api.webhooks.conftest import assert_signed_by, make_endpoint
from tests.factories import (
    FrontendSettingsFactory,
    NewsletterIssuePageFactory,
    NewsletterSeriesPageFactory,
    SiteFactory,
    StandardPageFactory,
)

PUBLISHES = int(os.environ.get("BENCH_WEBHOOK_PUBLISHES", "20"))


def summary(label: str, seconds: list[float]) -> str:
    ordered = sorted(seconds)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    return (
        f"{label:<34} median {statistics.median(ordered) * 1000:7.1f} ms   "
        f"p95 {p95 * 1000:7.1f} ms   max {ordered[-1] * 1000:7.1f} ms"
    )


@pytest.mark.django_db(transaction=True)
def test_publish_to_webhook_arrival(task_worker, http_receiver):
    if connection.vendor != "postgresql":
        pytest.skip("the webhook benchmark runs on PostgreSQL (set DATABASE_URL)")
    site = FrontendSettingsFactory(
        site=SiteFactory(hostname="chemienetzwerk-harz.localhost"),
        base_url="https://www.chemienetzwerk-harz.example",
    ).site
    series = NewsletterSeriesPageFactory(parent=site.root_page, title="CKnews", slug="cknews")
    issue = NewsletterIssuePageFactory(parent=series, slug="cknews-2026-1", live=False)
    link = f'<p><a linktype="page" id="{issue.pk}">Neue Ausgabe</a></p>'
    StandardPageFactory(parent=site.root_page, slug="archiv", body=[("paragraph", link)])
    endpoint = make_endpoint(site, http_receiver.url("/api/revalidate"))
    task_worker.wait_until_idle()

    to_arrival, in_publish = [], []
    for number in range(1, PUBLISHES + 1):
        issue.title = f"CKnews 2026/1 (Fassung {number})"
        revision = issue.save_revision()
        started = time.time()
        revision.publish()
        in_publish.append(time.time() - started)
        request = http_receiver.wait_for(number, timeout=30)[-1]
        to_arrival.append(request.received_at - started)
        assert request.json()["affected_paths"] == ["/archiv/", "/cknews/"]
    task_worker.wait_until_idle()
    assert_signed_by(request, endpoint)
    assert len(http_receiver.requests) == PUBLISHES

    print()
    print(f"Webhook latency over {PUBLISHES} publishes (PostgreSQL, worker polling every 50 ms)")
    print(summary("publish() start → receiver has it", to_arrival))
    print(summary("publish() itself", in_publish))
