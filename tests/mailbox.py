"""A real SMTP server (aiosmtpd) for the tests: it keeps what it receives and can refuse the next messages."""

import email
import socket
from email import policy
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller


class Mailbox:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.refuse_next = 0  # answer "451 try again later" to this many messages

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        if self.refuse_next:
            self.refuse_next -= 1
            return "451 4.3.0 Try again later"
        self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"

    def to(self, address: str) -> list[EmailMessage]:
        return [message for message in self.messages if message["To"] == address]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def mailbox():
    """An SMTP server on a free local port, stopped after the test."""
    box = Mailbox()
    controller = Controller(box, hostname="127.0.0.1", port=free_port())
    controller.start()
    box.port = controller.port
    try:
        yield box
    finally:
        controller.stop()


def mail_config(box: Mailbox) -> dict:
    return {"MAIL_SERVER": "127.0.0.1", "MAIL_PORT": box.port, "MAIL_DEFAULT_SENDER": "hiring@example.test"}
