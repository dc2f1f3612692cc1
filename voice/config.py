"""Configuration in layers: these defaults, then instance/config.py, then VOICE_* environment
variables, then the dict given to create_app (flaskr's order). Every setting is listed in the
README; add it there when you add it here."""
import os
import secrets

DEFAULTS = {
    # "production" (the safe default), "development" (make run on loopback) or "testing".
    "ENV": "production",
    "SECRET_KEY": None,
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
    # --- end of staff sign-in ---
    # A form left open over a long break still sends; after that the page asks again.
    "WTF_CSRF_TIME_LIMIT": 4 * 60 * 60,
    "RATELIMIT_ENABLED": True,
    "RATELIMIT_STORAGE_URI": "memory://",
    "RATELIMIT_HEADERS_ENABLED": False,
    # How many proxies (nginx, a load balancer) stand in front and set X-Forwarded-For.
    "PROXY_COUNT": 0,
    "COUNCIL_NAME": "the council",
    "SEND_FILE_MAX_AGE_DEFAULT": 60 * 60,
}


def load(app, config=None):
    app.config.from_mapping(DEFAULTS)
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_prefixed_env("VOICE")
    if config:
        app.config.from_mapping(config)
    _database_uri(app)
    _secret_key(app)
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
            uri = "postgresql+psycopg://" + uri[len(prefix):]
    app.config["SQLALCHEMY_DATABASE_URI"] = uri


def _secret_key(app):
    if app.config["SECRET_KEY"]:
        return
    if app.config["ENV"] == "production":
        raise RuntimeError(
            "SECRET_KEY is not set. Put SECRET_KEY in instance/config.py or set "
            "VOICE_SECRET_KEY (make run writes one for you)."
        )
    # Outside production a throwaway key is fine: sessions simply end on restart.
    app.config["SECRET_KEY"] = secrets.token_hex(32)
