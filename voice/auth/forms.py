import re

from wtforms import EmailField, PasswordField, StringField, SubmitField
from wtforms.validators import DataRequired, Length, Regexp

from voice.forms import Form


def without_spaces(value):
    """People copy codes as they see them, '123 456'; the spaces are not part of the code."""
    return re.sub(r"\s", "", value) if value else value


class LoginForm(Form):
    email = EmailField(
        "E-mail address",
        validators=[DataRequired("Enter your e-mail address."), Length(max=254)],
        render_kw={"autocomplete": "username", "spellcheck": "false"},
    )
    password = PasswordField(
        "Password",
        validators=[DataRequired("Enter your password."), Length(max=128)],
        render_kw={"autocomplete": "current-password"},
    )
    # Shown after a refusal: while signing in to an account is paused after many wrong tries,
    # the password with a code from the app (or a recovery code) still gets in, in one go.
    code = StringField(
        "Code from your app, if you have one to hand",
        validators=[Length(max=40)],
        render_kw={"autocomplete": "one-time-code", "spellcheck": "false"},
    )
    submit = SubmitField("Sign in")


class CodeForm(Form):
    """The 6-digit code from an authenticator app. A code of the wrong shape is a typing
    slip, so it is pointed out here and not counted as a failed try."""

    code = StringField(
        "Code from your app",
        filters=[without_spaces],
        validators=[
            DataRequired("Enter the 6-digit code from your authenticator app."),
            Regexp(r"^[0-9]{6}$", message="Enter the 6 numbers your app shows, like 123456."),
        ],
        render_kw={
            "autocomplete": "one-time-code",
            "inputmode": "numeric",
            "spellcheck": "false",
            "autocapitalize": "off",
        },
    )


class RecoveryCodeForm(Form):
    code = StringField(
        "Recovery code",
        filters=[without_spaces],
        validators=[DataRequired("Enter one of your recovery codes."), Length(max=40)],
        render_kw={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "off"},
    )
