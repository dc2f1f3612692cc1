from wtforms import SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length

from voice.digests.services import LONGEST
from voice.forms import Form


class StoryForm(Form):
    """The worker's words for a period's account (and, for the digest, its Urdu)."""

    text = TextAreaField(
        "The account",
        validators=[
            DataRequired("Write the account: it cannot be empty."),
            Length(max=LONGEST, message=f"Keep the account under {LONGEST:,} characters."),
        ],
        render_kw={"rows": 14},
    )
    text_ur = TextAreaField(
        "The same in Urdu",
        validators=[Length(max=LONGEST, message=f"Keep the Urdu under {LONGEST:,} characters.")],
        render_kw={"rows": 14, "lang": "ur", "dir": "rtl"},
    )
    save = SubmitField("Save this version")
    approve = SubmitField("Save and approve")
