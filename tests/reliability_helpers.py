"""Real processes for tests/test_reliability.py and bench/reliability.py: Voice under gunicorn
as `make run` serves it, phones that fill the share form over HTTP with their own cookies,
and the outbox worker as its own process. Loopback only; every wait has a time limit."""

import gzip
import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urljoin, urlsplit

import requests

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REQUEST_SECONDS = 30  # gunicorn's own worker timeout; a request never waits longer
MESSAGE = "Reliability {number}: the wifi at my placement goes off at 9pm — can't do homework 📚"
FIELDS = re.compile(r'name="(csrf_token|form_token)" type="hidden" value="([^"]+)"')
THEME = re.compile(r'name="theme" required type="radio" value="(\d+)"')
CODE = re.compile(r'data-code="([^"]+)"')
# Errors that mean the request died with the worker serving it, not that Voice refused it:
# the connection refused, reset or closed before a whole answer (a status line cut short
# is a BadStatusLine, a body cut short an IncompleteRead).
DIED = (ConnectionError, http.client.BadStatusLine, http.client.IncompleteRead)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def voice_env(config, **settings):
    """The environment of a Voice process on the test's database, with the test app's keys
    (so the test can hash the codes phones were shown)."""
    env = dict(
        os.environ,
        VOICE_ENV="development",
        VOICE_SECRET_KEY=config["SECRET_KEY"],
        VOICE_REFERENCE_CODE_KEY=config["REFERENCE_CODE_KEY"],
        VOICE_SQLALCHEMY_DATABASE_URI=config["SQLALCHEMY_DATABASE_URI"],
        # /share allows 6 sends a minute per IP address, and here every phone is
        # 127.0.0.1; the limiter's memory:// counts are per worker besides. The load
        # is about rows and faults, so the limit is off (tests/test_share.py covers it).
        VOICE_RATELIMIT_ENABLED="false",
    )
    env.update({f"VOICE_{key}": str(value) for key, value in settings.items()})
    return env


class Gunicorn:
    """`gunicorn --workers 2 wsgi:app` (sync workers, as `make run`) on a free port."""

    def __init__(self, env, log_path, workers=2):
        self.port, self.workers, self.log_path = free_port(), workers, log_path
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = open(log_path, "w")
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(workers),
                "--graceful-timeout",
                "3",
                "wsgi:app",
            ],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def __enter__(self):
        try:
            self.wait_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *_):
        self.stop()

    def wait_ready(self, seconds=30):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gunicorn stopped:\n{self.log_tail()}")
            try:
                if (
                    requests.get(self.url + "/healthz", timeout=2).status_code == 200
                    and len(self.worker_pids()) == self.workers
                ):
                    return
            except requests.RequestException:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"gunicorn was not ready in {seconds} s:\n{self.log_tail()}")

    def worker_pids(self):
        """The master's children: the workers now serving."""
        try:
            with open(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children") as children:
                return [int(pid) for pid in children.read().split()]
        except FileNotFoundError:
            return []

    def worker_holding(self, phone_port, seconds=10):
        """The pid of the worker that has accepted the phone's connection from `phone_port`,
        from the kernel's socket table and each worker's open files in /proc."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            inode = self._server_side(phone_port)
            for pid in self.worker_pids():
                if inode and inode in open_sockets(pid):
                    return pid
            time.sleep(0.01)
        raise RuntimeError(f"no worker took the connection from port {phone_port}")

    def _server_side(self, phone_port):
        with open("/proc/net/tcp") as table:
            rows = [line.split() for line in table.readlines()[1:]]
        # Columns: local and remote address:port in hex, state (01 established) ... inode.
        return next(
            (
                row[9]
                for row in rows
                if row[1].endswith(f":{self.port:04X}")
                and row[2].endswith(f":{phone_port:04X}")
                and row[3] == "01"
            ),
            None,
        )

    def log_tail(self, lines=40):
        self.log.flush()
        with open(self.log_path) as log:
            return "".join(log.readlines()[-lines:])

    def stop(self):
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(10)
        self.log.close()


def open_sockets(pid):
    """The inodes of the sockets process `pid` holds open."""
    try:
        links = [os.readlink(f"/proc/{pid}/fd/{fd}") for fd in os.listdir(f"/proc/{pid}/fd")]
    except OSError:  # the process has just gone
        return set()
    return {link[8:-1] for link in links if link.startswith("socket:[")}


class Refused(Exception):
    """Voice answered, but not with the confirmation page."""


def answers(form, message):
    """The share form as a phone fills it in."""
    return {"kind": "view", "message": message, "audience": "cicc", "reply_by": "code", **form}


class Page:
    """What a phone shows after a request and the redirects it followed."""

    def __init__(self, url, status, text):
        self.url, self.status_code, self.text = url, status, text


class Phone:
    """One young person's browser: its own cookie jar, following redirects as a phone does.

    Plain http.client, one connection a request (gunicorn's sync workers close each one):
    a thousand phones' worth of requests cost the test process several times the CPU
    through `requests` (bench/RESULTS.md), and these pages need nothing more than cookies
    and redirects."""

    def __init__(self, url):
        self.url, self.cookies = url, {}
        server = urlsplit(url)
        self.host, self.port = server.hostname, server.port

    def open_form(self):
        page = self.request("GET", "/share")
        fields = dict(FIELDS.findall(page.text))
        theme = THEME.search(page.text)
        if page.status_code != 200 or len(fields) != 2 or not theme:
            raise Refused(f"GET /share answered {page.status_code} without the form")
        return {**fields, "theme": theme.group(1)}

    def send(self, form, message):
        """Send the form and return the reference code the confirmation page shows."""
        page = self.request("POST", "/share", urlencode(answers(form, message)).encode())
        code = CODE.search(page.text)
        if page.status_code != 200 or not page.url.endswith("/share/sent") or not code:
            raise Refused(f"POST /share ended at {page.url} ({page.status_code})")
        return code.group(1)

    def request(self, method, path, body=None, redirects=5):
        """One request, then each redirect as a browser follows it (a 303 as a GET)."""
        status, location, text = self._exchange(method, path, body)
        while status in (301, 302, 303, 307, 308) and location and redirects:
            path, redirects = urlsplit(urljoin(self.url + path, location)).path, redirects - 1
            if status in (301, 302, 303):
                method, body = "GET", None
            status, location, text = self._exchange(method, path, body)
        return Page(self.url + path, status, text)

    def _exchange(self, method, path, body):
        # gzip as a phone's browser asks for it, so the server does the same work as for one.
        headers = {"Host": f"{self.host}:{self.port}", "Accept-Encoding": "gzip"}
        if self.cookies:
            headers["Cookie"] = self._cookie_header()
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection(self.host, self.port, timeout=REQUEST_SECONDS)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            raw = response.read()
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or ():
            self._keep(header)
        if response.getheader("Content-Encoding") == "gzip":
            raw = gzip.decompress(raw)
        return response.status, response.getheader("Location"), raw.decode()

    def _cookie_header(self):
        return "; ".join(f"{name}={value}" for name, value in self.cookies.items())

    def _keep(self, header):
        """Keep a cookie the server set, or forget one it expired (Flask's way of deleting)."""
        for name, morsel in SimpleCookie(header).items():
            if morsel["max-age"] == "0" or "1970" in morsel["expires"]:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = morsel.value

    def send_half(self, form, message):
        """Start sending the form as a phone losing its signal would: the headers and half
        the body, then nothing. Returns the open connection."""
        body = urlencode(answers(form, message)).encode()
        head = (
            f"POST /share HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
            "Content-Type: application/x-www-form-urlencoded\r\n"
            f"Content-Length: {len(body)}\r\nCookie: {self._cookie_header()}\r\n\r\n"
        ).encode()
        connection = socket.create_connection((self.host, self.port), timeout=REQUEST_SECONDS)
        connection.sendall(head + body[: len(body) // 2])
        return connection


@dataclass
class Sent:
    form_token: str
    message: str
    code: str


@dataclass
class ShareLoad:
    """`count` submissions from `clients` phones at once. With `retries`, a phone whose
    request died sends the same form (same one-time token) again, as a person taps again."""

    url: str
    count: int
    clients: int = 32
    retries: int = 0
    sent: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    died: int = 0  # requests that died in flight (and were sent again, when allowed)
    seconds: float = 0.0

    def start(self):
        self._numbers, self._lock = iter(range(self.count)), threading.Lock()
        self._stop = threading.Event()
        self._threads = [
            threading.Thread(target=self._phone, daemon=True) for _ in range(self.clients)
        ]
        self._started = time.monotonic()
        for thread in self._threads:
            thread.start()
        return self

    def finish(self, seconds=120):
        deadline = time.monotonic() + seconds
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        if any(thread.is_alive() for thread in self._threads):
            self._stop.set()  # no phone starts another, so later tests see none of these
            self.errors.append(f"the load did not finish within {seconds} s")
        self.seconds = time.monotonic() - self._started
        return self

    def run(self, seconds=120):
        return self.start().finish(seconds)

    def _next(self):
        with self._lock:
            return None if self._stop.is_set() else next(self._numbers, None)

    def _phone(self):
        phone = Phone(self.url)
        while (number := self._next()) is not None:
            message = MESSAGE.format(number=number)
            try:
                form = self._again(phone.open_form)
                code = self._again(phone.send, form, message)
            except Exception as error:  # every failure is counted, none ends the load
                with self._lock:
                    self.errors.append(f"submission {number}: {type(error).__name__}: {error}")
                continue
            with self._lock:
                self.sent.append(Sent(form["form_token"], message, code))

    def cut_off(self, server):
        """One of the load's submissions, from a phone that sends half its form before the
        worker reading it is SIGKILLed, and then taps again. Returns the pid killed."""
        number = self._next()
        assert number is not None, "the load ended before a worker could be killed"
        phone, message = Phone(self.url), MESSAGE.format(number=number)
        form = phone.open_form()
        with phone.send_half(form, message) as connection:
            pid = server.worker_holding(connection.getsockname()[1])
            os.kill(pid, signal.SIGKILL)
            try:
                answer = connection.recv(1024)
            except ConnectionResetError:
                answer = b""
        assert answer == b"", f"a killed worker answered {answer[:80]!r}"
        with self._lock:
            self.died += 1
        code = self._again(phone.send, form, message)
        with self._lock:
            self.sent.append(Sent(form["form_token"], message, code))
        return pid

    def _again(self, step, *args):
        for attempt in range(self.retries + 1):
            try:
                return step(*args)
            except DIED:
                with self._lock:
                    self.died += 1
                if attempt == self.retries:
                    raise


def send_twice_at_once(url):
    """One phone's form sent from two connections at the same moment (a double tap that
    reached both workers). Returns the two codes shown."""
    first = Phone(url)
    form = first.open_form()
    second = Phone(url)
    second.cookies.update(first.cookies)
    together, codes = threading.Barrier(2, timeout=REQUEST_SECONDS), [None, None]
    message = MESSAGE.format(number="sent twice")

    def tap(index, phone):
        try:
            together.wait()
            codes[index] = phone.send(form, message)
        except Exception as error:  # shown in the test's failure instead of a code
            codes[index] = f"{type(error).__name__}: {error}"

    threads = [
        threading.Thread(target=tap, args=pair, daemon=True) for pair in enumerate((first, second))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(REQUEST_SECONDS * 2)
    return form["form_token"], message, codes


def kill_a_worker_during(server, load, after):
    """SIGKILL a gunicorn worker once `after` phones have their codes, while the rest are
    sending, at a moment it is inside a phone's request: that of a phone on a bad signal,
    which has sent half its form (ShareLoad.cut_off). A kill at a random moment was not
    enough: on a busy 2-core machine the phones, not the workers, are the slow side, and six
    kills in a row could each find a worker between requests. Returns the pids killed."""
    deadline = time.monotonic() + 60
    while len(load.sent) < after and time.monotonic() < deadline:
        time.sleep(0.02)
    return [load.cut_off(server)]


def outbox_worker(env, log_path):
    """`flask --app voice outbox run` as its own process, as systemd would run it."""
    log = open(log_path, "a")
    try:
        return subprocess.Popen(
            [sys.executable, "-m", "flask", "--app", "voice", "outbox", "run"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    finally:
        log.close()


def stop_process(proc, sig=signal.SIGTERM, seconds=15):
    if proc.poll() is None:
        os.killpg(proc.pid, sig)
        try:
            proc.wait(seconds)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(seconds)


def database_for(config):
    """For a module fixture to `yield from`: an app whose database has its tables and topics
    for the servers the module starts, dropped when the module is done."""
    from voice import create_app
    from voice.extensions import db
    from voice.themes.services import ensure_default_themes

    app = create_app(config)
    with app.app_context():
        db.create_all()
        ensure_default_themes()
        db.session.commit()
        yield app
        db.session.remove()
        db.drop_all()
        db.engine.dispose()
