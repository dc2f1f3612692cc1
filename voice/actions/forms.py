from wtforms import DateField, RadioField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from voice.actions.services import MIN_WHY
from voice.forms import Form, choices
from voice.responses.models import ACTION_STATUS_WORDS, ActionStatus

STATUSES = [(status.value, words) for status, words in ACTION_STATUS_WORDS.items()]


class ActionUpdateForm(Form):
    status = RadioField(
        "Where it is now",
        choices=choices(STATUSES),
        validators=[DataRequired("Choose where the action is now.")],
    )
    note = TextAreaField("What has happened", validators=[Length(max=2000)])
    new_due_on = DateField("New date (only if it will be late)", validators=[Optional()])
    save = SubmitField("Save the update")

    def validate_note(self, field):
        if (
            self.status.data == ActionStatus.NOT_GOING_AHEAD.value
            and len((field.data or "").strip()) < MIN_WHY
        ):
            raise ValidationError(
                "Say why it is not going ahead. The young person was "
                "promised this, so they need the reason in a sentence or "
                "two."
            )
