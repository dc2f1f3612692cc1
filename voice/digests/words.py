"""The digest's words around its text in the reader's language: its period (month names from
the locale's calendar), and whose digest it is."""

from flask_babel import format_date, gettext

from voice.digests.models import Kind


def period_words(version):
    start, end = version.period_start, version.period_end
    if start.year == end.year and start.month == 1 and end.month == 12:
        return str(start.year)
    first = format_date(start, "MMMM" if start.year == end.year else "MMMM y")
    return gettext("%(low)s to %(high)s", low=first, high=format_date(end, "MMMM y"))


def digest_title(version):
    """Whose digest it is, as its heading says: each group reads its own."""
    if version.kind == Kind.CICC:
        return gettext("For the Children in Care Council: what you told us, and what happened")
    if version.kind == Kind.FORUM:
        return gettext("For the Care Leavers' Forum: what you told us, and what happened")
    return gettext("What you told us, and what happened")  # one for everyone, as before


def digest_from(version):
    """Whose messages it was drafted from."""
    if version.kind == Kind.CICC:
        return gettext("From the messages young people in care sent us.")
    if version.kind == Kind.FORUM:
        return gettext("From the messages care leavers sent us.")
    return gettext("For the Children in Care Council and the Care Leavers' Forum.")
