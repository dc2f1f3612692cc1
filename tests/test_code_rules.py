"""Rules of the code a newcomer relies on (issue 15), read from the source: no feature imports
another feature's routes, a thing with states changes state only in its one move function,
and no service rolls back the session it was handed."""

import ast
from pathlib import Path

VOICE = Path(__file__).resolve().parent.parent / "voice"

# (module, function) -> the one place each thing's status or state is set.
MOVERS = {
    ("submissions/life_cycle.py", "transition"),
    ("submissions/demo.py", "step_at"),  # the demo's past dates: records and audits as transition
    ("responses/services.py", "move"),
    ("actions/services.py", "move"),
    ("advocacy/services.py", "move_on"),
    ("questions/services.py", "move"),
}

# Modules that own their transaction: a request's error handlers, a CLI command, the outbox
# worker between sends, and the routes (which roll back a refused request).
OWNS_ITS_SESSION = ("routes.py", "cli.py", "errors.py", "sender.py")


def modules():
    for path in sorted(VOICE.rglob("*.py")):
        yield path.relative_to(VOICE).as_posix(), ast.parse(path.read_text(), str(path))


def feature_of(name):
    return name.split("/")[0] if "/" in name else None


def imported_modules(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)


def test_no_feature_imports_the_routes_of_another():
    crossing = []
    for name, tree in modules():
        for module in imported_modules(tree):
            parts = module.split(".")
            if len(parts) >= 3 and parts[0] == "voice" and parts[2].endswith("routes"):
                if feature_of(name) not in (None, parts[1]):
                    crossing.append(f"{name} imports {module}")
    assert crossing == []


def assignments_in(tree, attr):
    """(function, line) of every `x.<attr> = ...` in a module."""
    found = []
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef):
            continue
        for node in ast.walk(function):
            targets = node.targets if isinstance(node, ast.Assign) else []
            for target in targets:
                for each in target.elts if isinstance(target, ast.Tuple) else [target]:
                    if isinstance(each, ast.Attribute) and each.attr == attr:
                        found.append((function.name, node.lineno))
    return found


def test_status_and_state_change_only_in_each_things_move_function():
    elsewhere = [
        f"{name}:{line} in {function}()"
        for name, tree in modules()
        for attr in ("status", "state")
        for function, line in assignments_in(tree, attr)
        if (name, function) not in MOVERS
    ]
    assert elsewhere == []


def test_the_move_functions_named_here_still_exist():
    """So that the list above cannot go stale and let a renamed mover pass unseen."""
    defined = {
        (name, node.name)
        for name, tree in modules()
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef)
    }
    assert MOVERS <= defined


def test_no_service_rolls_back_its_callers_session():
    rolling_back = [
        f"{name}:{node.lineno}"
        for name, tree in modules()
        if not name.endswith(OWNS_ITS_SESSION)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "rollback"
    ]
    assert rolling_back == []


def test_every_refusal_is_a_refused_so_routes_turn_it_into_a_message_one_way():
    """voice.errors.refusal_flashed and refusal_on catch Refused: a refusal of another kind
    would reach the person as an error page instead of a message."""
    strays = [
        f"{name}: {node.name}"
        for name, tree in modules()
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
        and node.name.endswith("Refused")
        and node.name != "Refused"
        and not any(
            getattr(base, "id", getattr(base, "attr", "")).endswith("Refused")
            for base in node.bases
        )
    ]
    assert strays == []
