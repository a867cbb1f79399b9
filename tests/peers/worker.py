"""django-tasks' database worker (``manage.py db_worker``) running in a thread of the test.

The worker polls the task table over its own database connection, so tests that use it
must commit what they write: mark them ``@pytest.mark.django_db(transaction=True)``.
Use the ``task_worker`` fixture from ``tests/conftest.py``::

    def test_delivery(task_worker):
        deliver_webhook.enqueue(delivery.pk)
        task_worker.wait_until(lambda: Delivery.objects.get().status == "succeeded")
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from django.db import connections
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

DATABASE_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


class BackgroundWorker:
    """Runs django-tasks-db's Worker, the class behind ``db_worker``, until stopped."""

    def __init__(self, *, interval: float = 0.05):
        self._worker = Worker(
            queue_names=["*"],
            interval=interval,
            batch=False,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id="test-worker",
            excluded_queue_names=[],
        )
        self._thread = threading.Thread(target=self._run, name="task-worker", daemon=True)
        self.error: BaseException | None = None

    def _run(self) -> None:
        try:
            self._worker.run()
        except BaseException as error:  # surfaced by stop() and wait_until()
            self.error = error
        finally:
            connections.close_all()

    def start(self) -> BackgroundWorker:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._worker.running = False
        self._thread.join(timeout=30)
        if self._thread.is_alive():
            raise AssertionError("the task worker did not stop within 30 s")
        if self.error is not None:
            raise AssertionError(f"the task worker crashed: {self.error!r}") from self.error

    def wait_until(
        self, condition: Callable[[], object], *, timeout: float = 15, message: str = ""
    ) -> object:
        """Poll ``condition`` until it returns something truthy; fails after ``timeout``."""
        deadline = time.monotonic() + timeout
        while True:
            if self.error is not None:
                raise AssertionError(f"the task worker crashed: {self.error!r}") from self.error
            result = condition()
            if result:
                return result
            if time.monotonic() > deadline:
                raise AssertionError(message or f"condition not met within {timeout} s")
            time.sleep(0.05)

    def wait_until_idle(self, *, timeout: float = 15) -> None:
        """Wait until no task is ready to run or running (tasks due later do not count)."""
        self.wait_until(
            lambda: (
                not DBTaskResult.objects.ready().exists()
                and not DBTaskResult.objects.running().exists()
            ),
            timeout=timeout,
            message=f"tasks still queued or running after {timeout} s",
        )
