from wtforms import HiddenField, RadioField, SelectField, SubmitField
from wtforms.validators import AnyOf, InputRequired

from voice.disclosure.models import VERDICT_LABELS, Verdict
from voice.forms import Form, choices
from voice.submissions.disclosure_kinds import KINDS

BACK_TO = ("review", "case")


class FeedbackForm(Form):
    verdict = RadioField(
        "Was the disclosure check right about this message?",
        choices=choices([(v.value, label) for v, label in VERDICT_LABELS.items()]),
        validators=[InputRequired("Choose whether the check missed it or it is no concern.")],
    )
    kind = SelectField(
        "Kind of harm (for one it missed)",
        choices=choices([("", "Choose…")] + list(KINDS.items())),
    )
    back = HiddenField(validators=[AnyOf(BACK_TO)])
    send = SubmitField("Tell the check")

    def validate(self, extra_validators=None):
        if not super().validate(extra_validators):
            return False
        if self.verdict.data == Verdict.MISSED.value and self.kind.data not in KINDS:
            self.kind.errors.append("Choose the kind of harm the check missed.")
            return False
        return True


def feedback_form(back):
    """An empty form for a page whose own form may have been posted: it never reads that."""
    form = FeedbackForm(formdata=None)
    form.back.data = back
    return form
