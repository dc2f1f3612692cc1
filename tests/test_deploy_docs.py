"""docs/deploy.md cannot quietly rot: every `flask --app voice …` command in it exists and
answers --help, every unit file it shows runs one of those commands (or gunicorn with
Voice's gunicorn.conf.py), every timer starts a service the page defines, and every
VOICE_ setting it names is one Voice reads."""

import os
import re

import pytest

from voice.config import DEFAULTS

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOC = open(os.path.join(ROOT, "docs", "deploy.md"), encoding="utf-8").read()
# The words after `flask --app voice` up to the first option, path or placeholder.
COMMAND = re.compile(r"flask --app voice((?: [a-z][a-z-]*)+)")
BLOCK = re.compile(r"```(\w+)\n# (/etc/\S+)\n(.*?)```", re.S)
UNITS = {path.rsplit("/", 1)[1]: text for kind, path, text in BLOCK.findall(DOC) if kind == "ini"}
COMMANDS = sorted({match.strip() for match in COMMAND.findall(DOC)})


def test_the_page_shows_the_commands_and_units_the_issue_asks_for():
    for needed in ("db upgrade", "outbox run", "outbox status", "tick", "purge", "backup"):
        assert needed in COMMANDS
    assert "monitor" in COMMANDS and "restore" in COMMANDS
    for unit in ("voice-web", "voice-outbox", "voice-monitor"):
        assert f"{unit}.service" in UNITS
    for job in ("voice-tick", "voice-purge", "voice-backup", "voice-monitor"):
        assert f"{job}.timer" in UNITS and f"{job}.service" in UNITS


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_exists(app, command):
    words = command.split()
    result = app.test_cli_runner().invoke(args=[*words, "--help"])
    assert result.exit_code == 0, result.output
    # The whole chain was a command, not a group with the rest taken as its arguments.
    assert re.search(r"Usage: .*\b" + re.escape(command) + r"\b", result.output), result.output


def exec_lines(unit):
    return [line.split("=", 1)[1] for line in UNITS[unit].splitlines() if line.startswith("Exec")]


@pytest.mark.parametrize("unit", sorted(name for name in UNITS if name.endswith(".service")))
def test_each_service_runs_a_checked_command(unit):
    (start, *_after) = exec_lines(unit)
    if "gunicorn" in start:
        assert "--config /srv/voice/gunicorn.conf.py" in start and start.endswith(" wsgi:app")
        assert os.path.exists(os.path.join(ROOT, "gunicorn.conf.py"))
        assert os.path.exists(os.path.join(ROOT, "wsgi.py"))
        return
    match = COMMAND.search(start)
    assert match and "/srv/voice/.venv/bin/flask --app voice" in start, start
    assert match.group(1).strip() in COMMANDS
    assert "EnvironmentFile=/etc/voice/voice.env" in UNITS[unit]


@pytest.mark.parametrize("timer", sorted(name for name in UNITS if name.endswith(".timer")))
def test_each_timer_starts_a_service_on_the_page(timer):
    assert "OnCalendar=" in UNITS[timer]
    assert timer.replace(".timer", ".service") in UNITS
    assert "WantedBy=timers.target" in UNITS[timer]


def test_every_setting_named_is_one_voice_reads():
    named = set(re.findall(r"VOICE_([A-Z_]+)", DOC))
    assert named and named <= set(DEFAULTS) | {"ENV"}, named - set(DEFAULTS)


def test_the_nginx_example_has_tls_hsts_and_matches_proxy_count():
    (nginx,) = [text for kind, _path, text in BLOCK.findall(DOC) if kind == "nginx"]
    assert "listen 443 ssl" in nginx and "ssl_certificate " in nginx
    assert 'Strict-Transport-Security "max-age=63072000' in nginx
    # One proxy sets these headers, so the example's settings say VOICE_PROXY_COUNT=1.
    assert "X-Forwarded-For" in nginx and "X-Forwarded-Proto" in nginx
    assert "VOICE_PROXY_COUNT=1" in DOC
