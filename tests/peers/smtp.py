"""An SMTP server on loopback (aiosmtpd) that keeps every message it accepts.

::

    with LoopbackSMTPServer() as smtp:
        send_mail(..., connection=get_connection(host=smtp.host, port=smtp.port))
        [message] = smtp.wait_for(1)
        message["To"], message.get_body(("plain",)).get_content()
"""

from __future__ import annotations

import email
import email.policy
import socket
import threading
import time
from dataclasses import dataclass, field
from email.message import EmailMessage

from aiosmtpd.controller import Controller


def _free_port(host: str) -> int:
    with socket.socket() as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


@dataclass
class ReceivedMessage:
    """One accepted message: the SMTP envelope and the parsed message."""

    mail_from: str
    recipients: list[str]
    message: EmailMessage

    def __getitem__(self, header: str) -> str | None:
        return self.message[header]

    def text(self) -> str:
        """The plain-text part."""
        return self.message.get_body(("plain",)).get_content()

    def html(self) -> str:
        """The HTML part."""
        return self.message.get_body(("html",)).get_content()


@dataclass
class _Handler:
    messages: list[ReceivedMessage] = field(default_factory=list)
    # Answer the next N DATA commands with a temporary failure (451), to test retries.
    fail_next: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    arrived: threading.Condition = field(init=False)

    def __post_init__(self):
        self.arrived = threading.Condition(self.lock)

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            if self.fail_next > 0:
                self.fail_next -= 1
                return "451 Requested action aborted: local error in processing"
            parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
            self.messages.append(
                ReceivedMessage(envelope.mail_from, list(envelope.rcpt_tos), parsed)
            )
            self.arrived.notify_all()
        return "250 Message accepted for delivery"


class LoopbackSMTPServer:
    """aiosmtpd on 127.0.0.1 with a free port, started and stopped as a context manager."""

    def __init__(self):
        self._handler = _Handler()
        self.host = "127.0.0.1"
        # aiosmtpd checks its server by connecting to the configured port, so port 0
        # ("any free port") cannot be used; ask the kernel for a free one first.
        self.port = _free_port(self.host)
        self._controller = Controller(self._handler, hostname=self.host, port=self.port)

    def __enter__(self) -> LoopbackSMTPServer:
        self._controller.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._controller.stop()

    @property
    def messages(self) -> list[ReceivedMessage]:
        with self._handler.lock:
            return list(self._handler.messages)

    def fail_next(self, count: int) -> None:
        """Refuse the next ``count`` messages with a temporary error."""
        with self._handler.lock:
            self._handler.fail_next = count

    def clear(self) -> None:
        with self._handler.lock:
            self._handler.messages.clear()

    def wait_for(self, count: int, *, timeout: float = 10) -> list[ReceivedMessage]:
        """Wait until at least ``count`` messages arrived; fails the test after ``timeout``."""
        deadline = time.monotonic() + timeout
        with self._handler.arrived:
            while len(self._handler.messages) < count:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(
                        f"expected {count} messages, the SMTP server received "
                        f"{len(self._handler.messages)} within {timeout} s"
                    )
                self._handler.arrived.wait(remaining)
            return list(self._handler.messages)
