"""Who may open which page, and the headers every response carries.

Every endpoint is either in PUBLIC_ENDPOINTS or wrapped in @role_required; a test walks
app.url_map and fails on any endpoint that is neither (notifications-admin's approach).
"""

from functools import wraps
from urllib.parse import urlsplit

from flask import abort, request
from flask.sessions import SecureCookieSessionInterface
from flask_login import current_user
from itsdangerous import URLSafeTimedSerializer

from voice import caches
from voice.extensions import login_manager

# Pages anyone may open: young people have no account, and staff must reach the sign-in page.
PUBLIC_ENDPOINTS = frozenset(
    {
        "static",
        "public.home",
        "public.healthz",
        "public.privacy",
        "public.language",
        "auth.login",
        # The second sign-in step: the person is only half signed in, and each page checks that.
        "auth.code",
        "auth.recovery_code",
        "auth.set_up",
        # Signing in with the council's own account: off to the provider and back.
        "auth.council_sign_in",
        "auth.council_callback",
        # From an e-mail link, before the person can sign in: each guarded by its link.
        "welcome.accept",
        "welcome.forgot",
        "welcome.new_password",
        # The young person's journey: no account, their reference code is their key.
        "submissions.share",
        "submissions.share_short",  # the short form (issue 18)
        "submissions.sent",
        "submissions.check",
        "submissions.case",
        "submissions.withdraw",
        "submissions.close_case",
        # Rating an answer, asking a follow-up and closing: the case opened with the code.
        "submissions.rate",
        "submissions.change_rating",
        "submissions.follow_up",
        "submissions.finish",
        "submissions.leave",
        # "I don't feel safe": anyone, with nothing to sign in with, straight to the lead.
        "submissions.not_safe",
        # Sent without signal: the service worker's script and the page it shows offline.
        "submissions.service_worker",
        "submissions.waiting",
        # Asking for an advocate from the case page: the case opened with the code.
        "submissions.ask_for_advocate",
        # "Has anything changed because of what you said?": the case opened with the code.
        "influence.answer",
        # Guarded by the case this browser opened with its code (with_open_case), like /check/case.
        "privacy.download",
        "privacy.download_json",
        # "You said, we did" and the council's decisions: for anyone to read (and say "me too").
        "published.index",
        "published.me_too",
        # The young people's digest of a period, once a worker has approved it (voice/digests).
        "digests.report",
        "decisions.index",
        "decisions.show",
    }
)

PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)


def safe_next(target):
    """The one check before following a `next` anywhere: only a path on this site.

    Browsers drop tabs and newlines from a URL and read a backslash as a slash, so
    "/\t/evil.example" becomes "//evil.example", another host. Any control character or
    backslash is refused outright, before the other checks, not stripped after them."""
    if not target or any(ord(ch) < 0x20 or ch in "\x7f\\" for ch in target):
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target


def from_another_site():
    """A GET that a link or script on another site started (the browser says so). Opening a
    young person's words is logged, so such a visit gets a page with a link to follow
    instead: no other site can plant "read" entries in the audit log."""
    return request.method == "GET" and request.headers.get("Sec-Fetch-Site") == "cross-site"


def role_required(*roles):
    """Let in signed-in staff whose role is one of `roles`; others are sent to sign in (401)
    or refused (403). The roles are kept on the view so the permissions test can read them."""

    def decorator(view):
        @wraps(view)
        def guarded(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        guarded.roles = frozenset(roles)
        return guarded

    return decorator


# The staff navigation: (label, endpoint, roles). A link shows only to the roles listed and
# only once its feature exists.
STAFF_LINKS = [
    ("Moderation", "moderation.index", {"worker", "admin"}),
    ("Safeguarding", "safeguarding.index", {"safeguarding", "admin"}),
    ("My responses", "responses.index", {"officer", "admin"}),
    ("My actions", "actions.index", {"officer"}),
    ("Overdue", "deadlines.overdue", {"worker", "admin"}),
    ("Enter views", "gathered.new", {"worker", "admin"}),
    ("Advocacy", "advocacy.index", {"worker", "admin"}),
    ("Agendas", "agendas.index", {"worker", "admin"}),
    ("You said, we did", "published.manage", {"worker", "admin"}),
    ("Decisions", "decisions.manage", {"worker", "admin"}),
    ("Board", "board.index", {"board", "champion", "worker", "admin"}),
    ("Board quotes", "board.choose_quotes", {"worker", "admin"}),
    ("Members' questions", "questions.index", {"board", "champion", "worker", "admin", "officer"}),
    ("Data requests", "privacy.requests_page", {"worker", "admin"}),
    ("Admin", "admin.index", {"admin"}),
    ("Audit log", "audit.index", {"admin"}),
]


def button_form():
    """A fresh CSRF-only form for any POST button in a template (sign out, for one)."""
    from voice.forms import ButtonForm

    return ButtonForm()


def staff_links():
    from flask import current_app

    if not current_user.is_authenticated:
        return []
    role = current_user.role  # once: each current_user is a lookup through Flask-Login
    return [
        (label, endpoint)
        for label, endpoint, roles in STAFF_LINKS
        if role.value in roles and may_open(current_app, endpoint, role)
    ]


def may_open(app, endpoint, role):
    """The page exists and its own @role_required lets this role in: the list above says
    which links a role wants, the view says which it may open, so the two cannot disagree."""
    view = app.view_functions.get(endpoint)
    return view is not None and role in getattr(view, "roles", ())


# Only our own files run or style a page: no inline script or style at all, so no nonce is
# needed and a page can be drawn once and served to everyone (voice/page_cache.py).
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ]
)


def set_security_headers(response):
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Permissions-Policy"] = PERMISSIONS_POLICY
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
    if request.endpoint != "static":
        # Not only staff pages: a young person on a shared phone must not find their
        # words again through Back or the cache, so no page is ever stored.
        response.headers["Cache-Control"] = "no-store"
    return response


class SessionCookie(SecureCookieSessionInterface):
    """Flask's signed session cookie, with the object that signs and reads it made once per
    set of keys: Flask makes a new one for every request, reading and writing, and that was a
    fifth of the time of a page drawn once for everyone (bench/RESULTS.md)."""

    def get_signing_serializer(self, app):
        if not app.secret_key:
            return None
        # itsdangerous signs with the last key and also accepts the older ones (Flask's order).
        return self._serializer((*(app.config["SECRET_KEY_FALLBACKS"] or ()), app.secret_key))

    @caches.kept(maxsize=4)
    def _serializer(self, keys):
        return URLSafeTimedSerializer(
            list(keys),
            salt=self.salt,
            serializer=self.serializer,
            signer_kwargs={
                "key_derivation": self.key_derivation,
                "digest_method": self.digest_method,
            },
        )


def init_app(app):
    app.session_interface = SessionCookie()
    app.after_request(set_security_headers)
    app.jinja_env.globals["staff_links"] = staff_links
    app.jinja_env.globals["button_form"] = button_form
