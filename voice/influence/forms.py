from flask_babel import lazy_gettext as _l
from wtforms import RadioField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from voice.forms import Form, choices
from voice.influence.models import CHANGED_WORDS

WORDS_LIMIT = 1000  # as long as a rating comment may be


class InfluenceForm(Form):
    changed = RadioField(
        _l("Has anything changed because of what you said?"),
        choices=choices((c.value, words) for c, words in CHANGED_WORDS.items()),
        validators=[DataRequired(_l("Choose one answer."))],
    )
    words = TextAreaField(
        _l("Anything you want to tell us about it? (you don't have to)"),
        validators=[
            Optional(),
            Length(max=WORDS_LIMIT, message=_l("Please keep it under 1,000 characters.")),
        ],
    )
    send = SubmitField(_l("Send"))
