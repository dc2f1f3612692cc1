from wtforms import (
    BooleanField,
    HiddenField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from voice.forms import Form, choices
from voice.gathered.words import SOURCE_LABELS
from voice.submissions.models import Status
from voice.submissions.words import AUDIENCES, CARE_STATUSES, KINDS, REPLY_BY

STATUS_LABELS = {
    Status.NEW: "To read",
    Status.MODERATED: "Read, not sent yet",
    Status.WITH_OFFICER: "With an officer",
    Status.RESPONSE_READY: "Answer to check",
    Status.ANSWERED: "Answered",
    Status.FOLLOW_UP: "Follow-up",
    Status.CLOSED: "Closed",
    Status.DECLINED: "Declined",
    Status.WITHDRAWN: "Taken back",
    Status.SAFEGUARDING: "With the safeguarding lead",
}
# The young person's own choices, in the words the share form used, for the review page.
CHOICE_WORDS = {value: label for value, label, *_ in AUDIENCES + CARE_STATUSES + REPLY_BY}
DECLINE_REASONS = [
    ("duplicate", "It repeats another submission"),
    ("complaint", "It belongs in the complaints process"),
    ("cannot_act", "It is not something the council can act on"),
    ("other", "Another reason"),
]


def stripped(value):
    return value.strip() if isinstance(value, str) else value


class CheckboxesField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class QueueFilters(Form):
    class Meta:
        csrf = False  # a GET search form changes nothing

    # Stripped: Optional() lets a blank-looking value (" ") through unchecked.
    status = SelectField("Status", filters=[stripped], validators=[Optional()])
    theme = SelectField("Theme", coerce=lambda v: int(v) if v else None, validators=[Optional()])
    kind = SelectField(
        "Kind",
        filters=[stripped],
        choices=[SelectChoice("", "Any")] + choices(KINDS),
        validators=[Optional()],
    )
    audience = SelectField(
        "For",
        filters=[stripped],
        choices=[SelectChoice("", "Anyone")] + choices(AUDIENCES),
        validators=[Optional()],
    )
    source = SelectField(
        "Came from",
        filters=[stripped],
        choices=[SelectChoice("", "Anywhere")] + choices(SOURCE_LABELS.items()),
        validators=[Optional()],
    )
    advocate = BooleanField("Wants an advocate")
    overdue = BooleanField("Overdue")


class ReviewForm(Form):
    shared_text = TextAreaField(
        "Shared version (what officers and the board will see)",
        validators=[DataRequired("The shared version can't be empty."), Length(max=4000)],
    )
    themes = CheckboxesField(
        "Themes", coerce=int, validators=[DataRequired("Choose at least one theme.")]
    )
    promises = CheckboxesField("Promises it relates to", coerce=int, validators=[Optional()])
    service_area = SelectField(
        "Service area", coerce=lambda v: int(v) if v else None, validators=[Optional()]
    )
    officer = SelectField(
        "Officer who will answer", coerce=lambda v: int(v) if v else None, validators=[Optional()]
    )
    same_as = StringField(
        "Says the same as (reference, e.g. V00042)", validators=[Optional(), Length(max=12)]
    )
    # Details still in the shared version that the worker has checked and will send as they
    # are; choices are the details left, worked out from what was typed.
    keep = CheckboxesField("Fine to send as they are", validate_choice=False)
    version = HiddenField()
    save = SubmitField("Save")
    route = SubmitField("Save and send to the officer")
    # Clearing the queue in one page load a message: save (and send, if an officer is
    # chosen), then open the next message instead of the queue.
    save_next = SubmitField("Save and open next")

    def sends(self):
        """Whether this press sends it to an officer."""
        chosen = self.officer.data or self.service_area.data
        return bool(self.route.data or (self.save_next.data and chosen))

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        # Checked here, not in validate_officer: Optional() would skip that when it is empty.
        if self.sends() and not (self.officer.data and self.service_area.data):
            self.officer.errors = [
                *self.officer.errors,
                "Choose a service area and an officer to send it to."
                + (
                    " Or choose neither, to save it without sending." if self.save_next.data else ""
                ),
            ]
            return False
        return valid


class DeclineForm(Form):
    reason = RadioField(
        "Why can't it go further?",
        choices=choices(DECLINE_REASONS),
        validators=[InputRequired("Choose a reason.")],
    )
    duplicate_of = StringField(
        "Which submission does it repeat? (reference, e.g. V00042)",
        validators=[Optional(), Length(max=12)],
    )
    note = TextAreaField("What the young person will read", validators=[Length(max=1000)])
    version = HiddenField()
    decline = SubmitField("Decline")


class SafeguardForm(Form):
    note = TextAreaField(
        "What worries you",
        validators=[
            DataRequired("Say briefly what worries you, for the safeguarding lead."),
            Length(max=500),
        ],
    )
    version = HiddenField()
    flag = SubmitField("Pass to the safeguarding lead now")


def identifiers_checked(review):
    """Sending to an officer waits while a highlighted detail is still in the shared version,
    unless the worker ticked it as fine to send. The page comes back with what they typed."""
    unchecked = [c.label for c in review.keep.choices if c.value not in (review.keep.data or [])]
    sending = review.sends() if hasattr(review, "sends") else True  # a pass-on always sends
    if not sending or not unchecked:
        return True
    review.shared_text.errors = [
        *review.shared_text.errors,
        "These could identify someone: "
        + ", ".join(unchecked)
        + ". Take them out, or tick each one below to say it is fine to send.",
    ]
    return False


def version_of(form):
    try:
        return int(form.version.data)
    except (TypeError, ValueError):
        return None
