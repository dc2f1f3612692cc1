"""Ways to send a message, chosen by NOTIFY_BACKEND: "log" (the default: writes a line and
sends nothing), "smtp" and "notify" (GOV.UK Notify).

A backend either returns (the message was handed over) or raises SendFailed with a reason
that is safe to store and log: a status code or an exception's class, never an address or
the words of a message, because error texts from servers often quote both.
"""

import logging
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import make_msgid

log = logging.getLogger(__name__)


class SendFailed(Exception):
    """`permanent` means trying again cannot help (this backend cannot send texts)."""

    def __init__(self, reason, permanent=False):
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent


class NotConfigured(Exception):
    """A setting the chosen backend needs is missing; the worker refuses to start."""


class LogBackend:
    """For development and tests: says what would be sent, to whom by id, and nothing else."""

    name = "log"

    def __init__(self, config):
        pass

    def send(self, message):
        log.info(
            "log backend: %s for %s by %s (notification %s; nothing sent)",
            message.kind,
            message.recipient,
            message.channel,
            message.notification_id,
        )


class SmtpBackend:
    """E-mail through the council's mail server. It cannot send texts."""

    name = "smtp"

    def __init__(self, config):
        self.config = config
        _require(config, "SMTP_HOST", "MAIL_FROM")

    def send(self, message):
        if message.channel != "email":
            raise SendFailed("the smtp backend cannot send text messages", permanent=True)
        try:
            self._deliver(self._email(message))
        except smtplib.SMTPRecipientsRefused:
            raise SendFailed("the mail server refused the address") from None
        except smtplib.SMTPResponseException as error:
            raise SendFailed(f"the mail server answered {error.smtp_code}") from None
        except (smtplib.SMTPException, OSError) as error:
            raise SendFailed(f"could not reach the mail server ({type(error).__name__})") from None

    def _email(self, message):
        email = EmailMessage()
        email["From"] = self.config["MAIL_FROM"]
        email["To"] = message.to
        email["Subject"] = message.subject
        email["Message-ID"] = make_msgid(domain="voice.invalid")
        # Tells auto-responders and out-of-office replies not to answer a robot.
        email["Auto-Submitted"] = "auto-generated"
        if message.urgent:
            email["Importance"] = "high"
        email.set_content(message.body)
        return email

    def _deliver(self, email):
        cfg = self.config
        with smtplib.SMTP(
            cfg["SMTP_HOST"], int(cfg["SMTP_PORT"]), timeout=cfg["OUTBOX_SEND_TIMEOUT_SECONDS"]
        ) as server:
            if cfg["SMTP_STARTTLS"]:
                server.starttls(context=ssl.create_default_context())
            if cfg["SMTP_USERNAME"]:
                server.login(cfg["SMTP_USERNAME"], cfg["SMTP_PASSWORD"] or "")
            server.send_message(email)


class NotifyBackend:
    """GOV.UK Notify, through its official client. Each kind needs a template id in
    NOTIFY_TEMPLATES; texts use the key "<kind>_sms"."""

    name = "notify"

    def __init__(self, config):
        from notifications_python_client.notifications import NotificationsAPIClient

        _require(config, "NOTIFY_API_KEY")
        self.templates = config["NOTIFY_TEMPLATES"] or {}
        self.client = NotificationsAPIClient(
            config["NOTIFY_API_KEY"],
            base_url=config["NOTIFY_BASE_URL"],
            timeout=config["OUTBOX_SEND_TIMEOUT_SECONDS"],
        )

    def send(self, message):
        from notifications_python_client.errors import APIError

        template_key = message.kind + ("_sms" if message.channel == "sms" else "")
        template_id = self.templates.get(template_key)
        if not template_id:
            # Retried, not dropped: adding the template id to the settings mends it.
            raise SendFailed(f"NOTIFY_TEMPLATES has no {template_key}")
        try:
            self._post(message, template_id)
        except APIError as error:
            raise SendFailed(f"GOV.UK Notify answered {error.status_code}") from None

    def _post(self, message, template_id):
        reference = f"voice-{message.notification_id}"
        if message.channel == "sms":
            self.client.send_sms_notification(
                message.to, template_id, message.personalisation, reference
            )
        else:
            self.client.send_email_notification(
                message.to, template_id, message.personalisation, reference
            )


BACKENDS = {backend.name: backend for backend in (LogBackend, SmtpBackend, NotifyBackend)}


def from_config(config):
    name = config["NOTIFY_BACKEND"]
    if name not in BACKENDS:
        raise NotConfigured(f"NOTIFY_BACKEND is {name!r}; choose one of {sorted(BACKENDS)}.")
    return BACKENDS[name](config)


def _require(config, *keys):
    missing = [key for key in keys if not config.get(key)]
    if missing:
        raise NotConfigured(
            f"Set {' and '.join(missing)} to send through "
            f"NOTIFY_BACKEND={config['NOTIFY_BACKEND']!r}."
        )
