"""Mail: messages built with the standard library, sent by SMTP or, without MAIL_SERVER, printed and saved.

`enqueue_mail` records a "mail" job in the caller's transaction (hiring.services.outbox); the job's handler sends
it once: a `SentMessage` row keyed by the job's key is written before the message goes out and committed with the
job's `done`, so a retried or repeated job finds it and sends nothing. Without MAIL_SERVER each message is printed
and written as a .eml file to instance/mail/ (MAIL_FOLDER), so a new user sees what would have been sent.
"""

import base64
import re
import smtplib
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from flask import current_app

from hiring.extensions import db
from hiring.jobs import current_job, handler
from hiring.models import OutboxJob, SentMessage
from hiring.models._base import utcnow
from hiring.services.outbox import enqueue


def attachment(filename: str, content_type: str, data: bytes | str) -> dict[str, str]:
    """An attachment as a job payload carries it (JSON: the bytes in base64)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return {"filename": filename, "content_type": content_type, "data": base64.b64encode(raw).decode("ascii")}


def enqueue_mail(
    *,
    to: str,
    subject: str,
    text: str,
    html: str | None = None,
    attachments: list[dict[str, str]] | None = None,
    key: str,
    run_after: datetime | None = None,
) -> OutboxJob:
    """Record one message to one recipient; `key` names it for good (the same key is never sent twice)."""
    payload: dict[str, Any] = {"to": to, "subject": subject, "text": text, "html": html}
    payload["attachments"] = attachments or []
    return enqueue("mail", payload, key=key, run_after=run_after)


def build_message(payload: dict[str, Any]) -> EmailMessage:
    message = EmailMessage()
    message["From"] = current_app.config["MAIL_DEFAULT_SENDER"]
    message["To"] = payload["to"]
    message["Subject"] = payload["subject"]
    message["Message-ID"] = make_msgid(domain="kam-hiring")
    message.set_content(payload["text"])
    if payload.get("html"):
        message.add_alternative(payload["html"], subtype="html")
    for item in payload.get("attachments") or []:
        maintype, _, subtype = item["content_type"].partition("/")
        params = dict(part.strip().split("=", 1) for part in subtype.split(";")[1:] if "=" in part)
        message.add_attachment(
            base64.b64decode(item["data"]),
            maintype=maintype,
            subtype=subtype.split(";")[0].strip(),
            filename=item["filename"],
            params=params,
        )
    return message


def send(message: EmailMessage) -> None:
    """Hand one message to the mail server, or print and save it when there is none."""
    config = current_app.config
    if not config.get("MAIL_SERVER"):
        save_locally(message)
        return
    with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=30) as smtp:
        if config.get("MAIL_USE_TLS"):
            smtp.starttls()
        if config.get("MAIL_USERNAME"):
            smtp.login(config["MAIL_USERNAME"], config.get("MAIL_PASSWORD") or "")
        smtp.send_message(message)


def mail_folder() -> Path:
    folder = current_app.config.get("MAIL_FOLDER") or Path(current_app.instance_path) / "mail"
    return Path(folder)


def save_locally(message: EmailMessage) -> Path:
    folder = mail_folder()
    folder.mkdir(parents=True, exist_ok=True)
    slug = re.sub(r"[^A-Za-z0-9]+", "-", str(message["To"]))[:60].strip("-")
    path = folder / f"{utcnow():%Y%m%d-%H%M%S-%f}-{slug}.eml"
    path.write_bytes(bytes(message))
    print(f"--- mail (no MAIL_SERVER set; saved as {path}) ---\n{message}", flush=True)
    return path


@handler("mail", lease=timedelta(minutes=2))
def send_mail_job(payload: dict[str, Any]) -> None:
    job = current_job()
    key = (job.key if job and job.key else f"job:{job.id if job else 'none'}")[:200]
    if db.session.scalar(sa.select(SentMessage.id).where(SentMessage.key == key)) is not None:
        return  # sent by an earlier run of this job
    # Written before sending: a second worker sending the same key at once fails here (unique key) and retries,
    # then finds the row; a failed send rolls it back with the job, so the retry sends.
    db.session.add(SentMessage(key=key, recipient=payload["to"][:254], subject=payload["subject"][:300]))
    db.session.flush()
    send(build_message(payload))
