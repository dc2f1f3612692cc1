from wtforms import RadioField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length

from voice.forms import Form, choices
from voice.safeguarding.models import ACTION_LABELS


class RecordForm(Form):
    action = RadioField(
        "What did you do?",
        choices=choices([(a.value, label) for a, label in ACTION_LABELS.items()]),
        validators=[InputRequired("Choose what you did.")],
    )
    note = TextAreaField("Note", validators=[Length(max=2000)])
    save = SubmitField("Record it")


class ReleaseForm(Form):
    shared_text = TextAreaField(
        "Shared version for the participation team",
        validators=[DataRequired("Write the version the team may see."), Length(max=4000)],
    )
    release = SubmitField("Release to moderation")


class CloseForm(Form):
    close = SubmitField("Close it: it does not go any further")
