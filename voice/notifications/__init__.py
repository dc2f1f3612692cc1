"""Notifications go through an outbox: a row written in the same transaction as the change
that causes it, and sent later by a worker process, so nothing is sent inside a web request
and a failure to send never loses the change. sender.py says how several workers share the
work, and why a message can arrive twice but is never lost."""
