"""Compile once per test process what every new app compiles again.

Each test makes its own app (its own settings and database), and a new app starts with
nothing compiled: Jinja compiles every template it renders from source (parse, generate
Python, compile), and Werkzeug parses every route's string and compiles a URL builder for it
as the app registers it.
Both are pure functions of their source, the same for every app of the suite, and together
they were most of the CPU a short test used. So is SQLAlchemy's compiled SQL for a statement,
kept per engine and keyed by the engine's own dialect object: each test's new engine compiled
every query again. Production makes one app per process, so this is for the tests only
(installed by tests/conftest.py), and changes nothing a test checks: Jinja still checks each
template's source against the code it kept (a changed template is compiled again), a parse
per rule string and converter classes, a builder per rule, defaults and append mode, and SQL
per statement and kind of database.
"""

import copy

from flask import Flask
from jinja2 import BytecodeCache
from sqlalchemy.sql import elements
from sqlalchemy.util import LRUCache
from werkzeug.routing import rules


class TemplatesOfEveryApp(BytecodeCache):
    """Jinja's bytecode cache, in memory and shared by every app the process makes."""

    def __init__(self):
        self.code = {}

    def load_bytecode(self, bucket):
        code = self.code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # refused by Jinja if the source changed

    def dump_bytecode(self, bucket):
        self.code[bucket.key] = bucket.bytecode_to_string()


def _builders_kept(compile_builder):
    kept = {}

    def compile_once(self, append_unknown=True):
        # The builder is a plain function of the rule's parsed parts and defaults; the rule
        # it builds for is bound to it afterwards (Rule.compile), so one can serve every app.
        key = (self.rule, self.host, self.subdomain, repr(self.defaults), append_unknown)
        key += (tuple(self._trace), tuple(map(type, self._converters.values())))
        if key not in kept:
            kept[key] = compile_builder(self, append_unknown)
        return kept[key]

    return compile_once


def _rules_parsed_once(parse_rule):
    kept = {}

    def parse_once(self, rule):
        # What a rule's string parses into depends on the string and the map's converter
        # classes only. What parsing leaves on the rule is replayed: its trace, its arguments
        # and its converters, each a copy of the first one made, given this rule's map.
        key = (rule, tuple(sorted(self.map.converters.items())))
        if key not in kept:
            traced, known = len(self._trace), set(self._converters)
            parts = list(parse_rule(self, rule))
            made = {name: c for name, c in self._converters.items() if name not in known}
            kept[key] = parts, self._trace[traced:], made
            return parts
        parts, trace, made = kept[key]
        self._trace.extend(trace)
        for name, converter in made.items():
            self._converters[name] = copy.copy(converter)
            self._converters[name].map = self.map
            self.arguments.add(name)
        return parts

    return parse_once


SHARED_STATEMENTS = 5000  # an engine keeps 500; the suite's apps together run more


def _alike(dialect):
    """What decides how a dialect compiles: its kind, the server it met, its settings."""
    return (
        type(dialect),
        dialect.dbapi,
        dialect.server_version_info,
        dialect.paramstyle,
        dialect.positional,
        dialect.label_length,
        dialect.max_identifier_length,
        dialect.default_schema_name,
        dialect.supports_native_boolean,
        dialect.use_insertmanyvalues,
    )


def _statements_kept(compile_w_cache):
    first = {}  # _alike(dialect) -> (the first such dialect that connected, its cache)

    def compile_once(self, dialect, *, compiled_cache, **kw):
        # Each engine has a cache of its own, keyed by the dialect object itself, so a
        # statement compiled for one test's engine missed for the next. An engine's dialect
        # is known once it has connected (server_version_info): from then on every alike
        # dialect compiles as the first one did, into one cache for them all. A statement
        # run without a cache (compiled_cache None) is left so.
        if compiled_cache is not None and dialect.server_version_info is not None:
            dialect, compiled_cache = first.setdefault(
                _alike(dialect), (dialect, LRUCache(SHARED_STATEMENTS))
            )
        return compile_w_cache(self, dialect, compiled_cache=compiled_cache, **kw)

    return compile_once


def install():
    Flask.jinja_options = {**Flask.jinja_options, "bytecode_cache": TemplatesOfEveryApp()}
    if hasattr(rules.Rule, "_compile_builder"):  # Werkzeug's own; left alone if it goes
        rules.Rule._compile_builder = _builders_kept(rules.Rule._compile_builder)
    if hasattr(rules.Rule, "_parse_rule"):
        rules.Rule._parse_rule = _rules_parsed_once(rules.Rule._parse_rule)
    if not getattr(elements.ClauseElement._compile_w_cache, "kept", False):
        elements.ClauseElement._compile_w_cache = _statements_kept(
            elements.ClauseElement._compile_w_cache
        )
        elements.ClauseElement._compile_w_cache.kept = True
