"""``manage.py run_worker``: background tasks and scheduled publishing in one process."""

from __future__ import annotations

import logging
import signal
import threading
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.management.commands.db_worker import (
    Worker,
    valid_interval,
    validate_worker_id,
)
from wagtail.models import ModelLogEntry, PageLogEntry

logger = logging.getLogger("hub.worker")

PUBLISHED = "wagtail.publish.scheduled"
UNPUBLISHED = "wagtail.unpublish.scheduled"
DEFAULT_SCHEDULE_INTERVAL = 60
# How long a stop waits for a publish_scheduled run in progress.
STOP_TIMEOUT = 30
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"


@dataclass
class ScheduledRun:
    """What one run of ``publish_scheduled`` did, read from Wagtail's log entries."""

    published: list[str] = field(default_factory=list)
    unpublished: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = []
        if self.published:
            parts.append(f"published {len(self.published)}: {', '.join(self.published)}")
        if self.unpublished:
            parts.append(f"unpublished {len(self.unpublished)}: {', '.join(self.unpublished)}")
        return "Scheduled publishing: " + "; ".join(parts)


def publish_scheduled() -> ScheduledRun:
    """Run Wagtail's ``publish_scheduled`` command once; report what it changed."""
    started = timezone.now()
    call_command("publish_scheduled")
    return scheduled_changes_since(started)


def scheduled_changes_since(started: datetime) -> ScheduledRun:
    """Objects that scheduled publishing published or unpublished since ``started``."""
    run = ScheduledRun()
    for log_model, object_field in ((PageLogEntry, "page_id"), (ModelLogEntry, "object_id")):
        entries = log_model.objects.filter(
            action__in=(PUBLISHED, UNPUBLISHED), timestamp__gte=started
        ).order_by("timestamp", "pk")
        for action, label, object_id in entries.values_list("action", "label", object_field):
            described = f"{label!r} ({object_id})"
            (run.published if action == PUBLISHED else run.unpublished).append(described)
    return run


class PublishScheduler:
    """Calls :func:`publish_scheduled` every ``interval`` seconds in a thread until stopped.

    A failing run (say, the database is restarting) is logged and retried at the next
    interval; it does not end the thread.
    """

    def __init__(self, interval: float):
        self.interval = interval
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="publish-scheduler", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def request_stop(self) -> None:
        """Ask the thread to stop; safe to call from a signal handler."""
        self._stopping.set()

    def wait_for_stop_request(self) -> None:
        # A timed wait, so that the main thread gets to run signal handlers.
        while not self._stopping.wait(timeout=0.5):
            pass

    def stop(self) -> None:
        self.request_stop()
        self._thread.join(timeout=STOP_TIMEOUT)
        if self._thread.is_alive():
            logger.warning(
                "Scheduled publishing still running after %s s; leaving it.", STOP_TIMEOUT
            )

    def _loop(self) -> None:
        while not self._stopping.is_set():
            try:
                run = publish_scheduled()
            except Exception:
                logger.exception(
                    "Scheduled publishing failed; trying again in %s s.", self.interval
                )
            else:
                if run.published or run.unpublished:
                    logger.info(run.summary())
            finally:
                # This thread's connections; the next run may be minutes away.
                connections.close_all()
            self._stopping.wait(self.interval)


class SchedulerAwareWorker(Worker):
    """django-tasks-db's worker (the one ``db_worker`` runs) that also stops the scheduler
    on SIGINT/SIGTERM. The worker finishes the task it is running, as ``db_worker`` does."""

    def __init__(self, *, scheduler: PublishScheduler, **options):
        super().__init__(**options)
        self.scheduler = scheduler

    def shutdown(self, signum, frame) -> None:
        self.scheduler.request_stop()
        super().shutdown(signum, frame)


class Command(BaseCommand):
    help = (
        "Run the background worker and scheduled publishing in one process: django-tasks-db's "
        "database worker (what `manage.py db_worker` runs: webhooks, email, translation jobs) "
        "and, in a second thread, Wagtail's `publish_scheduled` every --schedule-interval "
        "seconds, which publishes approved pages whose go-live time has come and unpublishes "
        "expired ones. SIGINT or SIGTERM stops both; a task in progress is finished first. "
        "Production may run `manage.py db_worker --queue-name '*'` instead and call "
        "`manage.py publish_scheduled` from cron every minute (then pass "
        "--schedule-interval 0 here, or do not run this command)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--schedule-interval",
            type=valid_interval,
            default=None,
            help="Seconds between two runs of publish_scheduled; 0 turns scheduled publishing "
            "off (default: the setting PUBLISH_SCHEDULED_INTERVAL, "
            f"{DEFAULT_SCHEDULE_INTERVAL} when unset).",
        )
        parser.add_argument(
            "--queue-name",
            default="*",
            help="Task queues to process, separated by commas; '*' for all (default: '*').",
        )
        parser.add_argument(
            "--interval",
            type=valid_interval,
            default=1.0,
            help="Seconds the worker waits before it looks for tasks again when the queue "
            "is empty (default: 1).",
        )
        parser.add_argument(
            "--worker-id",
            type=validate_worker_id,
            default=None,
            help="Worker id, unique among the running workers (default: generated).",
        )

    def handle(self, *args, **options) -> None:
        schedule_interval = options["schedule_interval"]
        if schedule_interval is None:
            schedule_interval = float(
                getattr(settings, "PUBLISH_SCHEDULED_INTERVAL", DEFAULT_SCHEDULE_INTERVAL)
            )
        uses_database_backend = isinstance(
            task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend
        )
        if not uses_database_backend and not schedule_interval:
            raise CommandError(
                "Nothing to run: tasks do not use the database backend (TASKS_BACKEND) and "
                "scheduled publishing is off (--schedule-interval 0)."
            )
        queue_names = [name.strip() for name in options["queue_name"].split(",") if name.strip()]
        if not queue_names:
            raise CommandError("--queue-name needs at least one queue name, or '*'.")

        self._configure_logging(options["verbosity"])
        scheduler = PublishScheduler(schedule_interval)
        if schedule_interval:
            logger.info("Scheduled publishing every %s s.", f"{schedule_interval:g}")
            scheduler.start()
        else:
            logger.info("Scheduled publishing is off (--schedule-interval 0).")

        try:
            if uses_database_backend:
                self._run_worker(scheduler, queue_names, options)
            else:
                logger.warning(
                    "Tasks run where they are enqueued (TASKS backend %s), not in a worker: "
                    "only scheduled publishing runs here.",
                    settings.TASKS[DEFAULT_TASK_BACKEND_ALIAS]["BACKEND"],
                )
                self._wait_for_signal(scheduler)
        finally:
            scheduler.stop()
            logger.info("Worker stopped.")

    def _run_worker(self, scheduler: PublishScheduler, queue_names: list[str], options) -> None:
        worker = SchedulerAwareWorker(
            scheduler=scheduler,
            queue_names=queue_names,
            interval=options["interval"],
            batch=False,
            backend_name=DEFAULT_TASK_BACKEND_ALIAS,
            startup_delay=False,
            max_tasks=None,
            worker_id=options["worker_id"] or get_random_string(32),
            excluded_queue_names=[],
        )
        worker.configure_signals()
        # On a signal the worker exits with SystemExit(0) when idle, or returns after the
        # task it is running; the caller stops the scheduler either way.
        worker.run()

    @staticmethod
    def _wait_for_signal(scheduler: PublishScheduler) -> None:
        def stop(signum, frame):
            logger.warning("Received %s - shutting down.", signal.strsignal(signum))
            scheduler.request_stop()

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        scheduler.wait_for_stop_request()

    def _configure_logging(self, verbosity: int) -> None:
        """Show the worker's and the scheduler's lines on the console by default, as
        ``db_worker`` does; ``-v 0`` hides all but errors."""
        level = (
            logging.ERROR if verbosity == 0 else logging.DEBUG if verbosity > 1 else logging.INFO
        )
        for name in ("hub.worker", "django_tasks", "django_tasks_db"):
            named_logger = logging.getLogger(name)
            named_logger.setLevel(level)
            if not named_logger.hasHandlers():
                handler = logging.StreamHandler()
                handler.setFormatter(logging.Formatter(LOG_FORMAT))
                named_logger.addHandler(handler)
