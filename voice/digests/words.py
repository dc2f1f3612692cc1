"""The digest's period in the reader's language: month names from the locale's calendar."""

from flask_babel import format_date, gettext


def period_words(version):
    start, end = version.period_start, version.period_end
    if start.year == end.year and start.month == 1 and end.month == 12:
        return str(start.year)
    first = format_date(start, "MMMM" if start.year == end.year else "MMMM y")
    return gettext("%(low)s to %(high)s", low=first, high=format_date(end, "MMMM y"))
