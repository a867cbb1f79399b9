"""``manage.py run_worker``: the task worker and scheduled publishing in one process."""

import datetime
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from hub.management.commands.run_worker import publish_scheduled
from pages.models import NewsPage
from tests.factories import NewsIndexPageFactory, NewsPageFactory
from tests.factories.pages import translate_page
from tests.hub.demo_loading import load_demo_once
from tests.pages.publishing import move_schedule_into_the_past
from tests.peers.worker import DATABASE_BACKEND

BASE_DIR = Path(settings.BASE_DIR)
TRANSLATION_TASK = "hub.translation.tasks.create_page_translations"
# The subprocess imports Django and the project first, which takes a while on a busy machine.
STARTUP_TIMEOUT = 90


def scheduled_page(title: str, ahead: datetime.timedelta, **fields) -> NewsPage:
    """A news item, not live, approved to go live ``ahead`` from now."""
    page = NewsPageFactory(title=title, live=False, **fields)
    page.go_live_at = timezone.now() + ahead
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live and page.approved_schedule
    return page


@pytest.mark.django_db
def test_a_scheduler_run_publishes_what_is_due_and_reports_it():
    due = scheduled_page("CKnews 2/2025", datetime.timedelta(hours=1))
    scheduled_page("CKnews 3/2025", datetime.timedelta(days=30))
    expiring = NewsPageFactory(title="Abgelaufen")
    expiring.save_revision().publish()
    NewsPage.objects.filter(pk=expiring.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    move_schedule_into_the_past(due.revisions.get(approved_go_live_at__isnull=False))

    run = publish_scheduled()

    assert run.published == [f"'CKnews 2/2025' ({due.pk})"]
    assert run.unpublished == [f"'Abgelaufen' ({expiring.pk})"]
    assert run.summary() == (
        f"Scheduled publishing: published 1: 'CKnews 2/2025' ({due.pk}); "
        f"unpublished 1: 'Abgelaufen' ({expiring.pk})"
    )
    due.refresh_from_db()
    assert due.live
    assert publish_scheduled().published == [], "a second run finds nothing left to do"


@pytest.mark.django_db
def test_it_refuses_to_run_with_nothing_to_do():
    # The test settings run tasks immediately, so there is no queue to work on.
    with pytest.raises(CommandError, match="Nothing to run"):
        call_command("run_worker", "--schedule-interval", "0")


def test_bad_options_are_refused():
    with pytest.raises(CommandError, match="schedule-interval"):
        call_command("run_worker", "--schedule-interval", "-1")
    with pytest.raises(CommandError, match="queue-name"):
        call_command("run_worker", "--queue-name", " , ")


@pytest.mark.django_db
def test_load_demo_leaves_no_tasks_for_the_worker(settings):
    """`make run` loads the demo with tasks queued in the database, as the worker runs
    them; the demo makes its translations itself and must not leave work behind.

    The tests' demo is loaded that way (tests/hub/demo_loading.py), in this test's
    transaction: a module fixture would still hold its transaction open when the
    transactional tests of this module run.
    """
    load_demo_once(settings.MEDIA_ROOT)

    assert NewsPage.objects.filter(locale__language_code="en").exists()
    assert list(DBTaskResult.objects.values_list("task_path", flat=True)) == []


# The real process


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def database_url() -> str:
    """The URL of the test database (which pytest-django created) for another process."""
    db = connection.settings_dict
    credentials = quote(db["USER"] or "", safe="")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"], safe="")
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


class WorkerProcess:
    """``manage.py run_worker`` as a subprocess, its log collected line by line."""

    def __init__(self, *args: str):
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "hub.settings.dev",
            "DATABASE_URL": database_url(),
            "DATABASE_POOL": "false",
            "TASKS_BACKEND": DATABASE_BACKEND["default"]["BACKEND"],
            "LOG_LEVEL": "INFO",
            "PYTHONUNBUFFERED": "1",
        }
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "run_worker", *args],
            cwd=BASE_DIR,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    @property
    def log(self) -> str:
        return "\n".join(self.lines)

    def wait_for(self, condition, *, timeout: float, what: str):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if result := condition():
                return result
            if self.process.poll() is not None:
                pytest.fail(
                    f"run_worker exited ({self.process.returncode}) before {what}:\n{self.log}"
                )
            time.sleep(0.1)
        pytest.fail(f"not within {timeout} s: {what}\n{self.log}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self._reader.join(timeout=5)


@pytest.fixture
def worker_process(request):
    if connection.vendor != "postgresql":
        message = "run_worker runs in another process, which needs the test database on PostgreSQL."
        if in_ci():
            pytest.fail(message)
        pytest.skip(message)
    started: list[WorkerProcess] = []

    def start(*args: str) -> WorkerProcess:
        started.append(WorkerProcess(*args))
        return started[-1]

    yield start
    for process in started:
        process.stop()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_worker_publishes_on_schedule_runs_tasks_and_stops_on_sigterm(worker_process, settings):
    news_index = NewsIndexPageFactory()
    translate_page(news_index)  # new German news items get English drafts by a task
    worker = worker_process("--schedule-interval", "1", "--interval", "0.2")
    worker.wait_for(
        lambda: "Starting worker" in worker.log, timeout=STARTUP_TIMEOUT, what="the worker started"
    )

    settings.TASKS = DATABASE_BACKEND
    page = scheduled_page("CKnews 4/2025", datetime.timedelta(seconds=1), parent=news_index)

    worker.wait_for(
        lambda: NewsPage.objects.filter(pk=page.pk, live=True).exists(),
        timeout=10,
        what="the scheduled page went live",
    )
    task = worker.wait_for(
        lambda: DBTaskResult.objects.filter(task_path=TRANSLATION_TASK).successful().first(),
        timeout=15,
        what="the translation task ran",
    )
    assert task.return_value == ["en"]
    assert NewsPage.objects.filter(
        translation_key=page.translation_key, locale__language_code="en"
    ).exists()
    worker.wait_for(
        lambda: f"Scheduled publishing: published 1: 'CKnews 4/2025' ({page.pk})" in worker.log,
        timeout=5,
        what="the scheduler logged what it published",
    )

    stopping = time.monotonic()
    worker.process.send_signal(signal.SIGTERM)
    returncode = worker.process.wait(timeout=10)

    assert returncode == 0, worker.log
    assert time.monotonic() - stopping < 5
    assert "Worker stopped." in worker.log
