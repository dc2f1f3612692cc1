from wtforms import BooleanField, StringField
from wtforms.validators import DataRequired, Length

from voice.forms import Form


class EraseForm(Form):
    asked = BooleanField(
        "The young person asked for this",
        validators=[DataRequired(message="Tick the box to say the young person asked for this.")],
    )


class FindForm(Form):
    reference = StringField(
        "Reference (for example V00012)",
        validators=[Length(max=12, message="A reference is a V and up to 9 numbers.")],
    )
    code = StringField(
        "The reference code the young person reads out",
        validators=[Length(max=60, message="That is too long to be a code.")],
        render_kw={"autocomplete": "off", "spellcheck": "false"},
    )
    name = StringField(
        "The first name or nickname they gave",
        validators=[Length(max=40, message="Names are up to 40 characters.")],
        render_kw={"autocomplete": "off"},
    )
    contact = StringField(
        "The mobile number or e-mail address they gave",
        validators=[Length(max=254, message="That is too long to be a number or address.")],
        render_kw={"autocomplete": "off", "spellcheck": "false"},
    )

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        if valid and not any(
            (f.data or "").strip() for f in (self.reference, self.code, self.name, self.contact)
        ):
            self.reference.errors = [
                *self.reference.errors,
                "Type a reference, a code, or the name or contact they gave.",
            ]
            return False
        return valid
