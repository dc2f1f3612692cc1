"""gunicorn reads this file when started from this folder (or with --config): it is where
the number of workers is known for certain, so Voice's start-up checks that need it run here.
Anything given on gunicorn's command line still wins over what is set in this file."""


def post_worker_init(worker):
    """The first worker, once Voice is loaded, warns if rate limits would be counted apart
    in each worker (voice.extensions.warn_if_limits_counted_per_process)."""
    app = worker.wsgi
    if worker.age != 1 or not hasattr(app, "config") or "RATELIMIT_STORAGE_URI" not in app.config:
        return  # a later worker, or not Voice (bench/ serves a hello world too)
    from voice.extensions import warn_if_limits_counted_per_process

    warn_if_limits_counted_per_process(app, worker.cfg.workers)
