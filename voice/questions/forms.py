from wtforms import SelectField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from voice.forms import Form, choices
from voice.questions.services import FIGURES, MAX_WORDS

TOO_LONG = f"Keep it under {MAX_WORDS:,} characters."


class AskForm(Form):
    theme = SelectField("Topic", validators=[Optional()])
    figure = SelectField(
        "Part of the board's page",
        choices=choices([("", "None"), *FIGURES.items()]),
        validators=[Optional()],
    )
    question = TextAreaField(
        "Your question",
        validators=[DataRequired("Write your question."), Length(max=MAX_WORDS, message=TOO_LONG)],
    )
    send = SubmitField("Ask the question")

    def validate(self, extra_validators=None):
        if not super().validate(extra_validators):
            return False
        if not self.theme.data and not self.figure.data:
            self.theme.errors = ["Choose a topic, a part of the board's page, or both."]
            return False
        return True


class RouteForm(Form):
    # The service checks the officer answers for the area, in words a worker understands.
    officer = SelectField(
        "Officer who will answer",
        validators=[DataRequired("Choose an officer.")],
        validate_choice=False,
    )
    send = SubmitField("Pass it on")


class AnswerForm(Form):
    text = TextAreaField(
        "Answer",
        validators=[DataRequired("Write the answer."), Length(max=MAX_WORDS, message=TOO_LONG)],
    )
    send = SubmitField("Send the answer")


class SupplementaryForm(Form):
    text = TextAreaField(
        "Your supplementary question",
        validators=[DataRequired("Write your question."), Length(max=MAX_WORDS, message=TOO_LONG)],
    )
    send = SubmitField("Ask it")
