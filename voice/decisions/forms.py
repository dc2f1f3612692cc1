from wtforms import DateField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length

from voice.forms import Form

TEXT_LIMIT = 4000
NOT_A_DATE = "Give the date it was decided."


class DayField(DateField):
    """A date in plain words when it is wrong, and never written back into the date input
    when it isn't a date (a browser can't show it, and it isn't valid HTML)."""

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(NOT_A_DATE)

    def _value(self):
        return self.data.isoformat() if self.data else ""


class DecisionForm(Form):
    title = StringField(
        "Title",
        validators=[
            DataRequired("Give the decision a short title."),
            Length(max=150, message="Keep the title to 150 characters or fewer."),
        ],
    )
    decided_on = DayField("When it was decided", validators=[InputRequired(NOT_A_DATE)])
    what_was_decided = TextAreaField(
        "What was decided",
        validators=[
            DataRequired("Say what was decided."),
            Length(max=TEXT_LIMIT, message=f"Keep this to {TEXT_LIMIT:,} characters or fewer."),
        ],
    )
    what_it_means = TextAreaField(
        "What it means for you",
        validators=[
            DataRequired("Say what it means for a young person in care."),
            Length(max=TEXT_LIMIT, message=f"Keep this to {TEXT_LIMIT:,} characters or fewer."),
        ],
    )

    def answers(self):
        return {
            name: self[name].data
            for name in ("title", "decided_on", "what_was_decided", "what_it_means")
        }
