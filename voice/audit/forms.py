import re

from wtforms import DateField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, Optional, Regexp, ValidationError

from voice.audit import services
from voice.audit.models import ACTIONS
from voice.auth import services as accounts
from voice.forms import Form

REFERENCE = re.compile(r"^[Vv]?0*([1-9][0-9]{0,9})$")


def stripped(value):
    return value.strip() if isinstance(value, str) else value


class AuditFilterForm(Form):
    """The filters on /admin/audit. Sent by GET: it changes nothing, so its address can be
    bookmarked or pasted to a colleague, and it needs no CSRF token."""

    class Meta:
        csrf = False

    action = SelectField(
        "What happened",
        validators=[Optional()],
        choices=[
            SelectChoice("", "Anything"),
            *(SelectChoice(value, label) for value, label in ACTIONS.items()),
        ],
    )
    email = StringField(
        "Staff e-mail address",
        filters=[stripped],
        validators=[Optional(), Length(max=254)],
        render_kw={"spellcheck": "false", "autocomplete": "off", "size": "16"},
    )
    submission = StringField(
        "Submission",
        filters=[stripped],
        validators=[Optional(), Regexp(REFERENCE, message="Enter a submission like V00042.")],
        render_kw={"spellcheck": "false", "autocomplete": "off", "size": "8"},
    )
    date_from = DateField("From", validators=[Optional()])
    date_to = DateField("To", validators=[Optional()])

    staff = None

    def validate_email(self, field):
        self.staff = accounts.find_user(field.data)
        if self.staff is None:
            raise ValidationError("No staff account has that e-mail address.")

    def validate_date_to(self, field):
        if self.date_from.data and field.data < self.date_from.data:
            raise ValidationError("The ‘to’ date must be the same as the ‘from’ date or after it.")

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        for field in (self.date_from, self.date_to):
            if field.errors and field.data is None:
                field.raw_data = []  # a date input may only hold a real date (HTML's rule)
        return valid

    def filters(self):
        """What was asked for, as the audit services read it (days on the council's clock)."""
        number = REFERENCE.match(self.submission.data or "")
        return services.Filters(
            action=self.action.data or None,
            user=self.staff,
            submission_id=int(number.group(1)) if number else None,
            since=services.start_of_day(self.date_from.data) if self.date_from.data else None,
            until=services.end_of_day(self.date_to.data) if self.date_to.data else None,
        )

    def query_args(self):
        """The filters as they were typed, for the paging links to carry on."""
        return {
            name: field.raw_data[0]
            for name, field in self._fields.items()
            if field.raw_data and field.raw_data[0]
        }
