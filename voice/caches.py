"""Every cache Voice keeps in a worker process for speed, and the one way to forget them.

- the page cache: young people's pages drawn once per language (voice/page_cache.py);
- the topic list and its Urdu words, read at most every few seconds (voice/themes/services.py);
- translations: the share form's topic choices in each language (voice/themes/services.py);
- gzip: static files compressed once per version (voice/compression.py);
- the session signer: one per set of secret keys (voice/security.py).
- the moderation counts' statement: built once, it holds no data (voice/moderation/queue.py).

Each is keyed on what it depends on, so none can be stale while the process's settings stay
as they were. A test or an admin change that alters a setting while the app runs (the
council's name, the quick exit's address) calls forget_all(app).

Imports nothing from Voice, so any module can use it.
"""

from functools import lru_cache

PAGES = "voice.pages"
THEME_LIST = "voice.theme_list"
THEME_URDU = "voice.theme_urdu"
_PER_APP = (PAGES, THEME_LIST, THEME_URDU)
_PER_PROCESS = []


def kept(maxsize):
    """functools.lru_cache(maxsize), forgotten by forget_all."""

    def wrap(function):
        cached = lru_cache(maxsize=maxsize)(function)
        _PER_PROCESS.append(cached)
        return cached

    return wrap


def forget(app, key):
    app.extensions.pop(key, None)


def forget_all(app):
    for key in _PER_APP:
        forget(app, key)
    for cached in _PER_PROCESS:
        cached.cache_clear()
