"""The short form (issue 18, "A simpler way in"): a picture for the topic, a face for the
feeling, a few words if they want, the same safety question and consents in fewer words. For
younger children and anyone who finds reading hard; it makes the same kind of message as /share
and goes through the same disclosure check and moderation."""

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, HiddenField, RadioField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from voice.forms import Form, choices
from voice.submissions.forms import MESSAGE_LIMIT, one_time_token
from voice.submissions.models import Audience, Feeling, Kind, ReplyBy, SafeNow
from voice.submissions.words import FEELINGS, SAFE_NOW


class ShortForm(Form):
    theme = RadioField(
        _l("What is it about?"),
        coerce=int,
        validators=[DataRequired(_l("Pick a picture. If none fits, pick “Something else”."))],
    )
    feeling = RadioField(
        _l("How do you feel about it?"),
        choices=choices([(value, label) for value, label, _face in FEELINGS]),
        validators=[DataRequired(_l("Pick a face."))],
    )
    message = TextAreaField(
        _l("Do you want to say more?"),
        validators=[
            Optional(),
            Length(
                max=MESSAGE_LIMIT,
                message=_l("That is too long. Please make it a bit shorter."),
            ),
        ],
    )
    safe_now = RadioField(
        _l("Are you safe right now?"), choices=choices(SAFE_NOW), validators=[Optional()]
    )
    consent_publish = BooleanField(_l("Other young people can read it"))
    consent_quote = BooleanField(_l("Councillors can read it"))
    website = StringField(_l("Leave this box empty"), validators=[Optional()])
    form_token = HiddenField(filters=[one_time_token])

    def answers(self):
        """What /share's form gives create_submission, from a picture, a face and maybe words.
        The face is kept as the message's feeling, not in its text: the text is only what the
        young person wrote (empty if they wrote nothing), so staff never read a face as their
        words, the case page says it in their language and the board can count it. The
        picture is the message's topic, ticked on the review page; its name stays out of the
        text too, where the disclosure check would weigh it as the young person's words (an
        admin's topic "Something else" alone reads to the model as a strong sign)."""
        return {
            "kind": Kind.VIEW,
            "theme_ids": [self.theme.data],
            "message": (self.message.data or "").strip(),
            "feeling": Feeling(self.feeling.data),
            "audience": Audience.NOT_SURE,
            "name": "",
            "age_band": None,
            "care_status": None,
            "reply_by": ReplyBy.CODE,
            "worker_name": None,
            "contact": None,
            "consent_publish": self.consent_publish.data,
            "consent_quote": self.consent_quote.data,
            "wants_advocate": False,
            "safe_now": SafeNow(self.safe_now.data) if self.safe_now.data else None,
            "say_its_them": None,
            "council_decision_id": None,
        }
