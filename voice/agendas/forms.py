from wtforms import (
    BooleanField,
    DateField,
    HiddenField,
    RadioField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from voice.agendas.models import BODY_NAMES
from voice.agendas.services import MAX_OUTCOME
from voice.forms import Form, choices


class MeetingForm(Form):
    body = RadioField(
        "Which meeting?",
        choices=choices([(b.value, n[0].upper() + n[1:]) for b, n in BODY_NAMES.items()]),
        validators=[InputRequired("Choose which meeting it is.")],
    )
    held_on = DateField(
        "Date of the meeting",
        validators=[InputRequired("Give the date of the meeting, for example 3 12 2026.")],
    )
    title = StringField(
        "Name (optional)",
        description="For example “December CICC”.",
        validators=[Optional(), Length(max=120)],
    )
    save = SubmitField("Plan the meeting")


class AddMessageForm(Form):
    reference = StringField(
        "Add a message by its reference",
        description="The V number, for example V00042.",
        validators=[
            DataRequired("Give the message's reference, for example V00042."),
            Length(max=12, message="A reference is a V and a number, like V00042."),
        ],
    )
    whole_group = BooleanField(
        "With every message linked to it as saying the same thing, as one item",
        description="Everyone in the group sees the meeting, and what it decided, on their "
        "message's page.",
    )
    add = SubmitField("Add the message")


class AddGroupForm(Form):
    """On a message's review page: its whole group of messages saying the same thing goes on
    an upcoming meeting's agenda as one item."""

    meeting = SelectField(
        "Meeting",
        coerce=lambda v: int(v) if str(v).isdecimal() and len(str(v)) <= 9 else None,
        validate_choice=False,  # a meeting gone or past since the page loaded: said in words
    )
    add = SubmitField("Add this group to the agenda")


class AddThemeForm(Form):
    theme = SelectField(
        "Add a theme",
        coerce=lambda v: int(v) if v else None,
        validators=[InputRequired("Choose a theme.")],
    )
    add = SubmitField("Add the theme")


class OutcomeForm(Form):
    item = HiddenField()
    outcome = TextAreaField(
        "What did the meeting decide?",
        description="The young person reads this on their message's "
        "page. Use plain words and no names.",
        validators=[DataRequired("Write what the meeting decided."), Length(max=MAX_OUTCOME)],
    )
    save = SubmitField("Save what was decided")


class RemoveForm(Form):
    item = HiddenField()
    remove = SubmitField("Take off the agenda")
