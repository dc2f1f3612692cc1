"""Configuration in layers: these defaults, then instance/config.py, then VOICE_* environment
variables, then the dict given to create_app (flaskr's order). Every setting is listed in the
README; add it there when you add it here."""

import os
import secrets

DEFAULTS = {
    # "production" (the safe default), "development" (make run on loopback) or "testing".
    "ENV": "production",
    "SECRET_KEY": None,
    # Its own key for the reference codes' keyed hashes, so rotating SECRET_KEY (which only
    # signs cookies) never locks young people out of their messages.
    "REFERENCE_CODE_KEY": None,
    "SQLALCHEMY_DATABASE_URI": None,  # None: instance/voice.sqlite3
    "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
    # A phone form is a few KB; 1 MB leaves room and stops a flood before it is parsed.
    "MAX_CONTENT_LENGTH": 1024 * 1024,
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "SESSION_COOKIE_NAME": "voice_session",
    "REMEMBER_COOKIE_DURATION": 0,
    "PERMANENT_SESSION_LIFETIME": 12 * 60 * 60,
    # --- Staff sign-in (voice/auth) ---
    # Wrong passwords or codes in a row before signing in to that account pauses, and for how
    # long; kept on the user's row so every worker agrees.
    "LOGIN_MAX_FAILURES": 5,
    "LOGIN_LOCK_MINUTES": 15,
    # A staff session ends after this long unused, and after this long whatever happens.
    "STAFF_IDLE_MINUTES": 30,
    "STAFF_MAX_HOURS": 12,
    # argon2 settings for password and recovery-code hashes, e.g. {"time_cost": 1,
    # "memory_cost": 64, "parallelism": 1}. None keeps the slow, safe ones (argon2-cffi's
    # defaults for passwords, OWASP's minimum for recovery codes); only tests lower them.
    "ARGON2_PARAMETERS": None,
    # Signing in with the council's own accounts (OpenID Connect; voice/auth/council.py): off
    # until the provider's discovery document is set. The client secret belongs in the
    # environment (VOICE_OIDC_CLIENT_SECRET), never in the repository.
    "OIDC_DISCOVERY_URL": None,
    "OIDC_CLIENT_ID": None,
    "OIDC_CLIENT_SECRET": None,
    # Skip Voice's own code when the provider's token says a second factor was used (amr).
    "OIDC_TRUST_PROVIDER_MFA": False,
    # --- end of staff sign-in ---
    # A form left open over a long break still sends; after that the page asks again.
    "WTF_CSRF_TIME_LIMIT": 4 * 60 * 60,
    # Voice writes every message its forms show, and WTForms has no Urdu catalogue, so
    # Flask-WTF need not load WTForms' own catalogue from disk on each request (which it does
    # whenever Flask-Babel is on): the same words, about a tenth less work per form page.
    "WTF_I18N_ENABLED": False,
    "RATELIMIT_ENABLED": True,
    "RATELIMIT_STORAGE_URI": "memory://",
    "RATELIMIT_HEADERS_ENABLED": False,
    # How many proxies (nginx, a load balancer) stand in front and set X-Forwarded-For.
    "PROXY_COUNT": 0,
    "COUNCIL_NAME": "the council",
    # Working days (England and Wales bank holidays skipped) to answer a young person.
    "RESPONSE_TARGET_DAYS": 20,
    # `flask tick`: remind the officer this many working days before a reply is due, and close
    # an answered case after this many working days with no follow-up.
    "RESPONSE_REMINDER_DAYS": 5,
    "AUTO_CLOSE_DAYS": 20,
    # Ask "Has anything changed because of what you said?" this many working days after an
    # answer's actions are all done or not going ahead (or after the answer, if it promised none).
    "INFLUENCE_ASK_DAYS": 20,
    # Where "Leave this site quickly" goes: somewhere that would not worry anyone nearby.
    "QUICK_EXIT_URL": "https://www.bbc.co.uk/weather",
    "OUT_OF_HOURS_NAME": "the council's out-of-hours team",
    # The hour (council's clock) the staff's working day ends: a message that shows a risk of
    # harm, sent later or on a day off, is promised to the safeguarding lead the next working day.
    "WORKING_DAY_ENDS_AT": 17,
    "OUT_OF_HOURS_PHONE": None,  # shown in the help panel once the council sets it
    # The council's complaints page, linked when a worker says a message is a complaint.
    "COMPLAINTS_URL": None,
    # The council's advocacy service: where "I'd like an advocate" goes (VOICE_ADVOCACY_EMAIL;
    # an e-mail address, sent by mail or GOV.UK Notify like every notification). Unset: the
    # participation workers are told instead, and pass it on themselves.
    "ADVOCACY_EMAIL": None,
    # Days after a submission's last change (closed, declined or withdrawn) before `flask purge`
    # clears its words and contact details, keeping anonymised counts.
    "RETENTION_DAYS": 730,
    "SEND_FILE_MAX_AGE_DEFAULT": 60 * 60,
    # The board never sees a count below this: it reads "fewer than 5" (voice/board/suppress.py).
    "BOARD_SUPPRESS_BELOW": 5,
    # --- Notifications (voice/notifications): the outbox and `flask outbox run` ---
    # "log" (writes a line, sends nothing), "smtp" or "notify" (GOV.UK Notify).
    "NOTIFY_BACKEND": "log",
    # The site's address as staff and young people type it, for the links in messages.
    "PUBLIC_URL": None,
    "MAIL_FROM": None,
    "SMTP_HOST": "localhost",
    "SMTP_PORT": 587,
    "SMTP_STARTTLS": True,
    "SMTP_USERNAME": None,
    "SMTP_PASSWORD": None,
    "NOTIFY_API_KEY": None,
    "NOTIFY_BASE_URL": "https://api.notifications.service.gov.uk",
    # Template ids by kind, e.g. {"safeguarding_alert": "…", "news_for_young_person_sms": "…"}.
    "NOTIFY_TEMPLATES": {},
    "OUTBOX_POLL_SECONDS": 5,
    "OUTBOX_BATCH_SIZE": 10,
    # How long a worker's claim on a batch lasts. Longer than a batch can take to send
    # (OUTBOX_BATCH_SIZE × OUTBOX_SEND_TIMEOUT_SECONDS), or two workers may send one message.
    "OUTBOX_LEASE_SECONDS": 300,
    "OUTBOX_SEND_TIMEOUT_SECONDS": 20,
    # Minutes to wait after each failed try (the last repeats), and tries before giving up.
    "OUTBOX_RETRY_MINUTES": [1, 5, 30, 120, 720],
    "OUTBOX_MAX_ATTEMPTS": 6,
    # --- end of notifications ---
}


def load(app, config=None):
    app.config.from_mapping(DEFAULTS)
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_prefixed_env("VOICE")
    if config:
        app.config.from_mapping(config)
    _database_uri(app)
    for key in ("SECRET_KEY", "REFERENCE_CODE_KEY"):
        _secret(app, key)
    if app.config["ENV"] != "production":
        app.config.setdefault("SESSION_COOKIE_SECURE", False)
    else:
        app.config["SESSION_COOKIE_SECURE"] = True


def _database_uri(app):
    uri = app.config["SQLALCHEMY_DATABASE_URI"] or os.environ.get("DATABASE_URL")
    if not uri:
        uri = "sqlite:///" + os.path.join(app.instance_path, "voice.sqlite3")
    # Hosting platforms hand out postgres:// URLs; SQLAlchemy wants the psycopg 3 driver named.
    for prefix in ("postgres://", "postgresql://"):
        if uri.startswith(prefix):
            uri = "postgresql+psycopg://" + uri[len(prefix) :]
    app.config["SQLALCHEMY_DATABASE_URI"] = uri


# How to make a key that passes: 32 random bytes, written as 64 hex characters.
MAKE_A_KEY = "python3 -c 'import secrets; print(secrets.token_hex(32))'"


def strong_enough(value):
    """At least 32 random bytes: 32 raw bytes, 64 hex characters, or 43 characters of another
    encoding (URL-safe base64 of 32 bytes), and not one character repeated."""
    if isinstance(value, bytes):
        return len(value) >= 32 and len(set(value)) >= 10
    text = str(value)
    is_hex = all(ch in "0123456789abcdefABCDEF" for ch in text)
    return len(text) >= (64 if is_hex else 43) and len(set(text)) >= 10


def _secret(app, key):
    if app.config[key]:
        if app.config["ENV"] == "production" and not strong_enough(app.config[key]):
            raise RuntimeError(
                f"{key} is too short to be safe: it needs at least 32 random bytes. Make one "
                f"with {MAKE_A_KEY} and set VOICE_{key} (or {key} in instance/config.py)."
            )
        return
    if app.config["ENV"] == "production":
        raise RuntimeError(
            f"{key} is not set. Put {key} in instance/config.py or set "
            f"VOICE_{key} (make run writes one for you)."
        )
    # Outside production a throwaway key will do: it only lasts until the app restarts.
    app.config[key] = secrets.token_hex(32)
