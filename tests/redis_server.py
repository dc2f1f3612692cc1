"""Debian's redis-server on 127.0.0.1, started and stopped by the test run as tests/postgres.sh
does PostgreSQL: a free port, no persistence (nothing written to disk), gone afterwards.
Outside CI a missing redis-server skips what needs it with a loud line; in CI it fails."""

import os
import shutil
import subprocess
import tempfile
import time

import pytest
import redis

from tests.reliability_helpers import free_port

INSTALL = "the several-servers test needs Debian's redis-server (apt-get install redis-server)"


def require_redis_server():
    path = shutil.which("redis-server")
    if path:
        return path
    if os.environ.get("CI") == "true":
        pytest.fail("FAILED in CI: " + INSTALL, pytrace=False)
    pytest.skip("redis-server missing outside CI: " + INSTALL)


class RedisServer:
    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.folder = tempfile.mkdtemp(prefix="voice-redis-")
        command = [require_redis_server(), "--bind", "127.0.0.1", "--port", str(self.port)]
        command += ["--save", "", "--appendonly", "no", "--dir", self.folder]
        command += ["--protected-mode", "yes", "--loglevel", "warning"]
        self.proc = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, start_new_session=True
        )

    def wait_ready(self, seconds=15):
        client, deadline = redis.Redis.from_url(self.url), time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"redis-server stopped with {self.proc.returncode}")
            try:
                if client.ping():
                    return client
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError(f"redis-server was not ready in {seconds} s")

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        shutil.rmtree(self.folder, ignore_errors=True)
