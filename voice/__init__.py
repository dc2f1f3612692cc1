"""Voice: young people in care share views and questions; the council answers with reasons."""

import functools
import gc
import os

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from voice import config as config_layers
from voice.extensions import csrf, db, limiter, login_manager, migrate

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _start_up(build):
    """The first app a process builds imports every feature: a great many objects (modules,
    models, forms, compiled patterns) that live as long as the process. Python's cycle
    collector walked them over and over while they were made, and again at every full
    collection after, finding nothing to free; so it waits while the first app is built and
    they are then frozen out of its sight (gc.freeze, as its documentation advises for a
    server's start-up). Later apps (tests make many) are built with the collector as usual."""

    @functools.wraps(build)
    def first_or_later(*args, **kwargs):
        if first_or_later.started or not gc.isenabled():
            return build(*args, **kwargs)
        gc.disable()
        try:
            app = build(*args, **kwargs)
            gc.freeze()
            first_or_later.started = True
            return app
        finally:
            gc.enable()

    first_or_later.started = False
    return first_or_later


@_start_up
def create_app(config=None):
    """Build the app. Reads like a table of contents; each step lives in its own module."""
    config = dict(config or {})
    app = Flask(
        __name__,
        instance_path=config.pop("INSTANCE_PATH", None) or os.path.join(ROOT, "instance"),
        instance_relative_config=True,
        template_folder=os.path.join(ROOT, "templates"),
        static_folder=os.path.join(ROOT, "static"),
    )
    config_layers.load(app, config)
    _templates(app)
    _proxies(app)
    _extensions(app)
    _blueprints(app)

    from voice import compression, errors, i18n, security, text
    from voice.auth import council
    from voice.submissions import words_rule

    council.init_app(app)
    i18n.init_app(app)
    compression.init_app(app)
    security.init_app(app)
    text.init_app(app)
    errors.init_app(app)
    words_rule.init_app(app)
    _cli(app)
    return app


def _templates(app):
    from voice.clock import LOCAL_ZONE_NAME, council_day, council_time, long_date

    app.jinja_env.add_extension("jinja2.ext.do")
    app.jinja_env.filters["long_date"] = long_date
    # Staff read every time on the council's clock, and the page says which clock.
    app.jinja_env.filters["council_time"] = council_time
    app.jinja_env.filters["council_day"] = council_day
    app.jinja_env.globals["council_zone"] = LOCAL_ZONE_NAME


def _proxies(app):
    count = int(app.config["PROXY_COUNT"])
    if count:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count, x_host=count)


def _extensions(app):
    db.init_app(app)
    migrate.init_app(app, db, directory=os.path.join(ROOT, "migrations"))
    login_manager.init_app(app)
    csrf.init_app(app)
    limiter.init_app(app)


def _blueprints(app):
    from voice.actions import bp as actions_bp
    from voice.admin import bp as admin_bp
    from voice.admin import council
    from voice.admin import welcome_bp as admin_welcome_bp
    from voice.advocacy import bp as advocacy_bp
    from voice.agendas import bp as agendas_bp
    from voice.audit import bp as audit_bp
    from voice.auth import bp as auth_bp
    from voice.board import bp as board_bp
    from voice.deadlines import bp as deadlines_bp
    from voice.decisions import bp as decisions_bp
    from voice.digests import bp as digests_bp
    from voice.disclosure import bp as disclosure_bp
    from voice.gathered import bp as gathered_bp
    from voice.influence import bp as influence_bp
    from voice.moderation import bp as moderation_bp
    from voice.privacy import bp as privacy_bp
    from voice.public import bp as public_bp
    from voice.published import bp as published_bp
    from voice.questions import bp as questions_bp
    from voice.responses import bp as responses_bp
    from voice.safeguarding import bp as safeguarding_bp
    from voice.submissions import bp as submissions_bp

    app.register_blueprint(public_bp)
    app.register_blueprint(submissions_bp)
    app.register_blueprint(auth_bp)
    app.register_blueprint(audit_bp)
    app.register_blueprint(moderation_bp)
    app.register_blueprint(safeguarding_bp)
    app.register_blueprint(responses_bp)
    app.register_blueprint(actions_bp)
    app.register_blueprint(deadlines_bp)
    app.register_blueprint(privacy_bp)
    app.register_blueprint(board_bp)
    app.register_blueprint(published_bp)
    app.register_blueprint(decisions_bp)
    app.register_blueprint(agendas_bp)
    app.register_blueprint(admin_bp)
    app.register_blueprint(admin_welcome_bp)
    council.init_app(app)  # the council's own settings over the environment's first values
    app.register_blueprint(disclosure_bp)
    app.register_blueprint(advocacy_bp)
    app.register_blueprint(digests_bp)
    app.register_blueprint(gathered_bp)
    app.register_blueprint(influence_bp)
    app.register_blueprint(questions_bp)


def _cli(app):
    from voice.auth.cli import users
    from voice.board.cli import board
    from voice.deadlines.cli import tick
    from voice.demo import demo
    from voice.disclosure.cli import disclosure
    from voice.monitoring import monitor
    from voice.notifications.cli import outbox
    from voice.privacy import cli as privacy

    app.cli.add_command(users)
    app.cli.add_command(board)
    app.cli.add_command(demo)
    app.cli.add_command(outbox)
    app.cli.add_command(tick)
    app.cli.add_command(disclosure)
    app.cli.add_command(monitor)
    for command in (privacy.purge, privacy.backup, privacy.restore):
        app.cli.add_command(command)
