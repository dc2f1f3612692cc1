from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    DateField,
    FieldList,
    FormField,
    HiddenField,
    RadioField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from voice.forms import Form, choices
from voice.moderation.forms import CheckboxesField
from voice.responses.models import MIN_REASON, NEEDS_A_REASON, Decision, RatingAnswer

DECISIONS = [
    (Decision.DO.value, "We'll do it"),
    (Decision.PART.value, "We'll do part of it"),
    (Decision.CANNOT.value, "We can't, and here is why"),
    (Decision.ANSWER.value, "Here is our answer"),
    (Decision.LOOKING_INTO.value, "We're looking into it (full answer by a date)"),
]
MAX_ACTIONS = 3


class ActionRow(Form):
    class Meta:
        csrf = False

    what = StringField("What will happen", validators=[Optional(), Length(max=500)])
    team = StringField("Which team", validators=[Optional(), Length(max=120)])
    due_on = DateField("By when", validators=[Optional()])


class ResponseForm(Form):
    decision = RadioField(
        "Your decision",
        choices=choices(DECISIONS),
        validators=[DataRequired("Choose your decision.")],
    )
    full_answer_by = DateField("Full answer by", validators=[Optional()])
    explanation = TextAreaField(
        "Your explanation", validators=[DataRequired("Write an explanation."), Length(max=6000)]
    )
    checklist = TextAreaField(
        "Notes against the checklist (only staff see these)",
        validators=[Optional(), Length(max=2000)],
    )
    team_name = StringField(
        "The team answering",
        validators=[DataRequired("Say which team is answering."), Length(max=120)],
    )
    show_officer_name = BooleanField("Show my name to the young person as well")
    actions = FieldList(FormField(ActionRow), min_entries=MAX_ACTIONS, max_entries=MAX_ACTIONS)
    save = SubmitField("Save draft")
    submit = SubmitField("Send for a worker's check")

    def validate_explanation(self, field):
        if (
            self.decision.data in {d.value for d in NEEDS_A_REASON}
            and len((field.data or "").strip()) < MIN_REASON
        ):
            raise ValidationError("Say why: a young person needs the reason, in a sentence or two.")

    def validate_full_answer_by(self, field):
        if self.decision.data == Decision.LOOKING_INTO.value and field.data is None:
            raise ValidationError("Give the date by which you will send the full answer.")

    def validate_actions(self, field):
        for row in field:
            filled = [
                bool((row.what.data or "").strip()),
                bool((row.team.data or "").strip()),
                row.due_on.data is not None,
            ]
            if any(filled) and not all(filled):
                raise ValidationError("Each action needs what will happen, which team, and a date.")

    def action_rows(self):
        return [
            (r.what.data.strip(), r.team.data.strip(), r.due_on.data)
            for r in self.actions
            if r.due_on.data and (r.what.data or "").strip()
        ]


class CheckForm(Form):
    version = HiddenField()
    comment = TextAreaField(
        "What should the officer change?", validators=[Optional(), Length(max=2000)]
    )
    # Shown only when the young person said no to "can we say it came from you?".
    not_given_away = BooleanField("I have checked: this answer does not give away who sent it")
    release = SubmitField("Release to the young person")
    send_back = SubmitField("Send back with a comment")

    def validate_comment(self, field):
        if self.send_back.data and not (field.data or "").strip():
            raise ValidationError("Say what the officer should change.")


# --- The young person's side, and the worker passing a follow-up on ------------------------

RATINGS = [
    (RatingAnswer.YES.value, _l("Yes, that answers it")),
    (RatingAnswer.PARTLY.value, _l("Partly")),
    (RatingAnswer.NOT_REALLY.value, _l("Not really")),
]
FOLLOW_UP_LIMIT = 2000  # as long as a first message may be


class RatingForm(Form):
    response_id = HiddenField()
    answer = RadioField(
        _l("Does this answer your message?"),
        choices=choices(RATINGS),
        validators=[DataRequired(_l("Choose one answer."))],
    )
    comment = TextAreaField(
        _l("Anything you want to add? (you don't have to)"),
        validators=[
            Optional(),
            Length(max=1000, message=_l("Please keep it under 1,000 characters.")),
        ],
    )
    send = SubmitField(_l("Send"))


class FollowUpForm(Form):
    message = TextAreaField(
        _l("Your follow-up question"),
        validators=[
            DataRequired(_l("Write your question. It can be short.")),
            Length(
                max=FOLLOW_UP_LIMIT,
                message=_l(
                    "Your question can be up to %(limit)s characters. "
                    "Please make it a bit shorter.",
                    limit=f"{FOLLOW_UP_LIMIT:,}",
                ),
            ),
        ],
    )
    send = SubmitField(_l("Send my question"))


class PassOnForm(Form):
    version = HiddenField()
    shared_text = TextAreaField(
        "Shared version (what the officer will see)",
        validators=[DataRequired("The shared version can't be empty."), Length(max=4000)],
    )
    # As on the review page: details still in it that the worker ticked as fine to send.
    keep = CheckboxesField("Fine to send as they are", validate_choice=False)
    pass_on = SubmitField("Pass it to the officer")
