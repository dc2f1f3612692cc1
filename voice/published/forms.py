from wtforms import HiddenField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length

from voice.forms import Form
from voice.published.services import SUMMARY_LIMIT


class MeTooForm(Form):
    """The "me too" button. The hidden fields bring the young person back to the same
    topic and page of the list they tapped it on."""

    theme = HiddenField(validators=[Length(max=40)])
    page = HiddenField(validators=[Length(max=6)])


class PublishForm(Form):
    summary = TextAreaField(
        "Public summary: what the council did",
        validators=[
            DataRequired("Write a short summary of what the council did."),
            Length(
                max=SUMMARY_LIMIT,
                message=f"Keep the summary to {SUMMARY_LIMIT} characters or fewer.",
            ),
        ],
    )
    publish = SubmitField("Publish on “You said, we did”")
