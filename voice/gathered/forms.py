"""What a worker fills in. The young person's own questions (kind, theme, consent, hearing
back) are the share form's, asked by the worker and answered by the young person."""

from datetime import timedelta

from wtforms import (
    BooleanField,
    DateField,
    FieldList,
    FormField,
    HiddenField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
    ValidationError,
)
from wtforms.validators import DataRequired, Length, Optional

from voice.clock import local_time, utcnow
from voice.forms import Form, choices
from voice.gathered.words import SOURCES
from voice.submissions.forms import MESSAGE_LIMIT, ShareForm
from voice.submissions.models import Audience, Kind, ReplyBy, Source
from voice.submissions.words import KINDS, REPLY_BY

# A view older than this is better raised as a new one: its reply would be long overdue.
OLDEST_DAYS = 60
# In a meeting the young person hears back with a slip or through the worker: a text or an
# e-mail needs a contact detail, which the one-at-a-time page asks for.
MEETING_REPLY_BY = [r for r in REPLY_BY if r[0] in (ReplyBy.CODE.value, ReplyBy.WORKER.value)]


def check_given_on(form, field):
    today = local_time(utcnow()).date()
    if field.data and field.data > today:
        raise ValidationError("The day it was given can't be in the future.")
    if field.data and field.data < today - timedelta(days=OLDEST_DAYS):
        raise ValidationError(f"Use a day in the last {OLDEST_DAYS} days.")


class Where(Form):
    """Where and when the young person gave their view: shared by every entry of a meeting."""

    source = SelectField(
        "Where it was given",
        # A blank first choice, so nobody saves the first source by not looking.
        choices=choices([("", "Choose where"), *SOURCES]),
        validators=[DataRequired("Choose where the young person gave their view.")],
    )
    given_on = DateField(
        "The day they gave it",
        validators=[DataRequired("Type the day, like 2026-12-04."), check_given_on],
    )
    meeting = StringField(
        "Meeting or event (optional)",
        validators=[Optional(), Length(max=120, message="Use up to 120 characters.")],
    )
    asked = BooleanField(
        "I asked the young person these questions and put in their answers",
        validators=[DataRequired("Ask the young person the questions, then tick the box.")],
    )

    def where(self):
        return {
            "source": Source(self.source.data),
            "given_on": self.given_on.data,
            "meeting": (self.meeting.data or "").strip(),
        }


class GatheredForm(ShareForm, Where):
    """One young person's view: the whole share form, plus where and when."""

    def answers(self):
        return {**super().answers(), **self.where()}

    def validate_worker_name(self, field):
        """Nothing to ask here: the worker typing the view in is the one told when there is
        news (entered_by), and they know who the young person is."""


class Entry(Form):
    """One message at a meeting: what was said and the young person's own choices."""

    class Meta:
        csrf = False  # inside the meeting form, which carries the token

    kind = RadioField("Kind", choices=choices(KINDS), default=Kind.VIEW.value)
    theme = RadioField("What it is about", coerce=int, validators=[Optional()])
    message = TextAreaField(
        "What they said",
        validators=[
            Optional(),
            Length(max=MESSAGE_LIMIT, message=f"Up to {MESSAGE_LIMIT:,} characters."),
        ],
    )
    reply_by = RadioField(
        "How they will hear back", choices=choices(MEETING_REPLY_BY), default=ReplyBy.CODE.value
    )
    consent_publish = BooleanField("They said yes to sharing it on “You said, we did”")
    consent_quote = BooleanField("They said yes to quoting it to the board")
    wants_advocate = BooleanField("They would like an advocate")

    def is_blank(self):
        return not (self.message.data or "").strip()

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        # Here, not as a field validator: Optional() would stop the chain before it ran.
        if not self.is_blank() and not self.theme.data:
            self.theme.errors = [*self.theme.errors, "Choose what it is about."]
            return False
        return valid

    def answers(self):
        return {
            "kind": Kind(self.kind.data or Kind.VIEW.value),
            "theme_ids": [self.theme.data],
            "message": self.message.data.strip(),
            "audience": Audience.NOT_SURE,
            "reply_by": ReplyBy(self.reply_by.data or ReplyBy.CODE.value),
            "consent_publish": self.consent_publish.data,
            "consent_quote": self.consent_quote.data,
            "wants_advocate": self.wants_advocate.data,
        }


class MeetingForm(Where):
    batch = HiddenField()
    entries = FieldList(FormField(Entry), min_entries=3, max_entries=30)

    def filled(self):
        return [entry.form for entry in self.entries if not entry.form.is_blank()]

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        if not self.filled():
            self.form_errors.append("Type at least one message.")
            return False
        return valid

    def problems(self):
        """[(field id, message)] for the error summary: each entry's mistakes by its number,
        so the summary's links lead to the field itself."""
        found = [(f.id, m) for f in (self.source, self.given_on, self.meeting) for m in f.errors]
        for number, entry in enumerate(self.entries, start=1):
            for field in entry.form:
                anchor = field.id + ("-0" if field.type == "RadioField" else "")
                found += [(anchor, f"Message {number}: {m}") for m in field.errors]
        return found + [(self.asked.id, m) for m in self.asked.errors]
