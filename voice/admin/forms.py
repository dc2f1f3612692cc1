"""The admin area's forms. Staff pages are in English; limits match the columns."""

from wtforms import (
    BooleanField,
    EmailField,
    IntegerField,
    PasswordField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
    URLField,
)
from wtforms.validators import URL, DataRequired, EqualTo, Length, NumberRange, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from voice.admin.services import SMALLEST_SUPPRESSION
from voice.auth.models import ROLE_LABELS
from voice.forms import Form, choices

URDU = {"lang": "ur", "dir": "rtl"}


def _days(label, low=1, high=365):
    return IntegerField(
        label,
        validators=[
            DataRequired(f"Enter the {label.lower()} as a whole number."),
            NumberRange(low, high, f"Enter a number from {low} to {high}."),
        ],
    )


class SettingsForm(Form):
    COUNCIL_NAME = StringField(
        "Council name",
        validators=[DataRequired("Enter the council's name."), Length(max=80)],
    )
    OUT_OF_HOURS_NAME = StringField(
        "Out-of-hours team",
        validators=[DataRequired("Enter the name of the out-of-hours team."), Length(max=80)],
    )
    OUT_OF_HOURS_PHONE = StringField(
        "Out-of-hours phone number",
        validators=[Optional(), Length(max=30)],
        render_kw={"autocomplete": "off", "inputmode": "tel"},
    )
    COMPLAINTS_URL = URLField(
        "Complaints page",
        validators=[
            Optional(),
            URL(message="Enter the full address, starting https://"),
            Length(max=300),
        ],
    )
    QUICK_EXIT_URL = URLField(
        "Quick-exit site",
        validators=[
            DataRequired("Enter where “Leave this site quickly” goes."),
            URL(message="Enter the full address, starting https://"),
            Length(max=300),
        ],
    )
    RESPONSE_TARGET_DAYS = _days("Working days to answer", 1, 100)
    RESPONSE_REMINDER_DAYS = _days("Reminder days", 1, 100)
    AUTO_CLOSE_DAYS = _days("Auto-close days", 1, 365)
    INFLUENCE_ASK_DAYS = _days("Days before asking what changed", 1, 365)
    BOARD_SUPPRESS_BELOW = IntegerField(
        "Smallest number the board sees",
        validators=[
            DataRequired("Enter the smallest number the board sees."),
            NumberRange(
                SMALLEST_SUPPRESSION,
                100,
                f"It must be at least {SMALLEST_SUPPRESSION}: a smaller count can point at "
                "one young person.",
            ),
        ],
    )
    RETENTION_DAYS = _days("Retention days", 30, 3650)
    WORKING_DAY_ENDS_AT = IntegerField(
        "Hour the working day ends",
        validators=[
            DataRequired("Enter the hour, like 17 for 5pm."),
            NumberRange(12, 23, "Enter an hour from 12 to 23, like 17 for 5pm."),
        ],
    )
    submit = SubmitField("Save settings")

    def validate_RESPONSE_REMINDER_DAYS(self, field):  # noqa: N802 (named after its setting)
        target = self.RESPONSE_TARGET_DAYS.data
        if field.data and target and field.data >= target:
            field.errors.append("Remind before the reply is due: use fewer days than the target.")

    def values(self):
        return {
            name: (field.data.strip() or None) if isinstance(field.data, str) else field.data
            for name, field in self._fields.items()
            if name.isupper()
        }


class TopicForm(Form):
    name = StringField("Name", validators=[DataRequired("Enter the topic's name."), Length(max=60)])
    description = StringField(
        "Description (for an 11-year-old)", validators=[Optional(), Length(max=200)]
    )
    emoji = StringField("Emoji (optional)", validators=[Optional(), Length(max=8)])
    name_ur = StringField("Name in Urdu", validators=[Optional(), Length(max=60)], render_kw=URDU)
    description_ur = StringField(
        "Description in Urdu", validators=[Optional(), Length(max=200)], render_kw=URDU
    )
    submit = SubmitField("Save topic")


class CheckboxesField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class AreaForm(Form):
    name = StringField(
        "Name", validators=[DataRequired("Enter the service area's name."), Length(max=80)]
    )
    lead = SelectField("Lead", coerce=lambda v: int(v) if v else None, validators=[Optional()])
    officers = CheckboxesField("Officers", coerce=int, validators=[Optional()])
    active = BooleanField("In use (a worker can send messages to it)", default=True)
    submit = SubmitField("Save service area")


class ClauseForm(Form):
    text = TextAreaField(
        "The clause, as the council wrote it",
        validators=[DataRequired("Enter the words of the clause."), Length(max=200)],
    )
    active = BooleanField("In use", default=True)
    submit = SubmitField("Save clause")


ROLE_CHOICES = choices([(role.value, label) for role, label in ROLE_LABELS.items()])


class InviteForm(Form):
    email = EmailField(
        "Work e-mail address",
        validators=[DataRequired("Enter their work e-mail address."), Length(max=254)],
        render_kw={"autocomplete": "off", "spellcheck": "false"},
    )
    name = StringField("Name", validators=[Optional(), Length(max=120)])
    role = SelectField("Role", choices=ROLE_CHOICES)
    submit = SubmitField("Send invitation")


class RoleForm(Form):
    role = SelectField("Role", choices=ROLE_CHOICES)
    submit = SubmitField("Change role")


def _password_fields():
    return (
        PasswordField(
            "New password",
            validators=[DataRequired("Choose a password."), Length(max=128)],
            render_kw={"autocomplete": "new-password"},
        ),
        PasswordField(
            "The same password again",
            validators=[
                DataRequired("Type the password again."),
                EqualTo("password", "The two passwords are different. Type them again."),
            ],
            render_kw={"autocomplete": "new-password"},
        ),
    )


class WelcomeForm(Form):
    name = StringField("Your name, as colleagues know it", validators=[Length(max=120)])
    password, confirm = _password_fields()
    submit = SubmitField("Set password and continue")


class NewPasswordForm(Form):
    password, confirm = _password_fields()
    submit = SubmitField("Set new password")


class ForgotForm(Form):
    email = EmailField(
        "Your work e-mail address",
        validators=[DataRequired("Enter your e-mail address."), Length(max=254)],
        render_kw={"autocomplete": "username", "spellcheck": "false"},
    )
    submit = SubmitField("Send me a link")
