"""A stand-in for GOV.UK Notify on 127.0.0.1, so the real `notifications-python-client`
can be tested without reaching the internet.

It checks each request's JWT with the API key's secret as Notify does, records the JSON of
every authorised request, answers 201 like Notify, and can be told to fail (500, 429) or to
take a message and then not answer, as if the worker died while Notify was replying.
"""

import json
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from notifications_python_client.authentication import decode_jwt_token
from notifications_python_client.errors import TokenError

PATHS = {"/v2/notifications/email", "/v2/notifications/sms"}


class FakeNotify:
    def __init__(self):
        self.service_id, self.secret = str(uuid.uuid4()), str(uuid.uuid4())
        self.requests = []  # every authorised request: {"path", "json", "status"}
        self.unauthorised = 0
        self._failures = []
        self._lock = threading.Lock()
        self._let_go = threading.Event()
        self._let_go.set()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), daemon=True
        )

    @property
    def api_key(self):
        return f"voice_test-{self.service_id}-{self.secret}"

    @property
    def url(self):
        return "http://127.0.0.1:%d" % self._server.server_address[1]

    def settings(self, **templates):
        return {
            "NOTIFY_BACKEND": "notify",
            "NOTIFY_API_KEY": self.api_key,
            "NOTIFY_BASE_URL": self.url,
            "NOTIFY_TEMPLATES": templates,
        }

    def fail_next(self, *statuses):
        """Answer the next requests with these statuses (500, 429, ...), in order."""
        with self._lock:
            self._failures.extend(statuses)

    def hold(self):
        """Take each message (it counts as received) but keep the sender waiting."""
        self._let_go.clear()

    def let_go(self):
        self._let_go.set()

    @property
    def delivered(self):
        """The JSON of every message Notify accepted, in order."""
        with self._lock:
            return [r["json"] for r in self.requests if r["status"] == 201]

    def wait_for(self, count, timeout=15.0):
        """Wait until `count` messages have been accepted; False if they never come."""
        deadline = time.monotonic() + timeout
        while len(self.delivered) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        return len(self.delivered) >= count

    def _answer(self, path, authorisation, body):
        if path not in PATHS:
            return 404, {"errors": [{"error": "NotFound"}]}
        if not self._authorised(authorisation):
            with self._lock:
                self.unauthorised += 1
            return 403, {"errors": [{"error": "AuthError", "message": "Invalid token"}]}
        with self._lock:
            status = self._failures.pop(0) if self._failures else 201
            self.requests.append({"path": path, "json": body, "status": status})
        if status != 201:
            return status, {
                "errors": [{"error": "Error", "message": "Try again"}],
                "status_code": status,
            }
        self._let_go.wait(150)  # a bound, under the senders' 180 s: a test lets go well before
        return 201, {
            "id": str(uuid.uuid4()),
            "reference": body.get("reference"),
            "content": {},
            "template": {"id": body.get("template_id")},
        }

    def _authorised(self, authorisation):
        scheme, _, token = (authorisation or "").partition(" ")
        if scheme != "Bearer" or not token:
            return False
        try:
            return decode_jwt_token(token, self.secret)
        except TokenError:
            return False

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *_exc):
        self.let_go()
        self._server.shutdown()
        self._server.server_close()


def _handler_for(fake):
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 (the name http.server calls)
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length) or b"{}")
            status, answer = fake._answer(self.path, self.headers.get("Authorization"), body)
            data = json.dumps(answer).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except OSError:
                pass  # the worker was killed while we held its answer: that was the point

        def log_message(self, *_args):
            pass

    return Handler
