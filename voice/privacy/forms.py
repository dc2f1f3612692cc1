from wtforms import BooleanField
from wtforms.validators import DataRequired

from voice.forms import Form


class EraseForm(Form):
    asked = BooleanField("The young person asked for this", validators=[DataRequired(
        message="Tick the box to say the young person asked for this.")])
