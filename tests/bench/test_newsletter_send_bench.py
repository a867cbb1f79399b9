"""Send rate of "send to subscribers": 1,000 subscribers, a real SMTP server on loopback.

Run it with::

    make bench PYTEST_ARGS="-k newsletter_send"
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cluster_hub \\
        make bench PYTEST_ARGS="-k newsletter_send"

What is measured is the production path: ``start_mailing`` creates the deliveries, and the
database task backend's worker (django-tasks-db's ``db_worker`` Worker, in a thread) runs
the batches of ``NEWSLETTER_BATCH_SIZE`` (100): rendering the German and the English
edition once per batch, marking each delivery ``sending`` and then ``sent`` in autocommit
mode as the worker does, and handing each message to the aiosmtpd server over one SMTP
connection per batch. The clock runs from "send to subscribers" until the last message
has arrived; the worker's polling interval (50 ms) counts too. The SMTP server runs in
the same process and parses every message, so it shares the CPU with the sender.

Only behaviour is asserted (every subscriber got exactly one message); the figures are
printed.
"""

import time
from collections import Counter

import pytest
from django.db import connection

from hub.newsletter.models import DeliveryStatus, Mailing, MailingDelivery, MailingStatus
from hub.newsletter.sending import send_test, start_mailing
from tests.factories import (
    FrontendSettingsFactory,
    NetworkPageFactory,
    NewsletterSeriesPageFactory,
    SiteFactory,
    locale,
)
from tests.factories.pages import translate_page
from tests.hub.newsletter.conftest import add_subscribers, make_issue, publish
from tests.peers.worker import DATABASE_BACKEND

SUBSCRIBERS_PER_LANGUAGE = 500


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_newsletter_send_rate_to_1000_subscribers(
    smtp_server, django_user_model, settings, request
):
    settings.NEWSLETTER_BATCH_SIZE = 100
    user = django_user_model.objects.create_superuser(username="bench", password="bench")
    site = SiteFactory(hostname="testserver", site_name="ChemieNetzwerk Harz")
    FrontendSettingsFactory(site=site)
    series = publish(NewsletterSeriesPageFactory(parent=site.root_page, title="CKnews"))
    network = publish(NetworkPageFactory(parent=site.root_page, title="Das Netzwerk"))
    issue = make_issue(series, network_page=network)
    translate_page(issue, "en", theme="Circular economy")
    subscribers = add_subscribers(series, SUBSCRIBERS_PER_LANGUAGE, language="de")
    subscribers += add_subscribers(series, SUBSCRIBERS_PER_LANGUAGE, language="en")
    send_test(issue=issue, address="pruefung@example.org", locale=locale("de"), user=user)
    smtp_server.clear()
    settings.TASKS = DATABASE_BACKEND

    started = time.perf_counter()
    mailing = start_mailing(issue=issue, user=user)
    queued = time.perf_counter()
    # Started after the mailing is stored; the test reads the database only once the worker
    # has stopped (SQLite's shared in-memory test database allows one thread at a time).
    task_worker = request.getfixturevalue("task_worker")
    messages = smtp_server.wait_for(len(subscribers), timeout=600)
    finished = time.perf_counter()
    task_worker.stop()

    received = Counter(address for message in messages for address in message.recipients)
    assert received == Counter(subscriber.email for subscriber in subscribers)
    assert not MailingDelivery.objects.exclude(status=DeliveryStatus.SENT).exists()
    assert Mailing.objects.get(pk=mailing.pk).status == MailingStatus.FINISHED

    total = finished - started
    sizes = sorted(len(message.message.as_bytes()) for message in messages)
    print(
        f"\n\nNewsletter send on {connection.vendor}: {len(messages)} subscribers "
        f"({SUBSCRIBERS_PER_LANGUAGE} de, {SUBSCRIBERS_PER_LANGUAGE} en), batches of "
        f"{settings.NEWSLETTER_BATCH_SIZE}, database task worker, aiosmtpd on loopback\n"
        f"  creating the mailing (1,000 deliveries): {queued - started:6.2f} s\n"
        f"  total until the last message arrived:    {total:6.2f} s\n"
        f"  send rate:                               {len(messages) / total:6.1f} messages/s\n"
        f"  message size (median):                   {sizes[len(sizes) // 2] / 1024:6.1f} KiB\n"
    )
