from wtforms import HiddenField
from wtforms.validators import AnyOf

from voice.advocacy.models import ReferralStatus
from voice.forms import Form


class MoveOnForm(Form):
    to = HiddenField(
        validators=[AnyOf([ReferralStatus.PASSED_ON.value, ReferralStatus.IN_TOUCH.value])]
    )
