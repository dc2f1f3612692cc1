"""The base every form in Voice builds on."""
from flask_wtf import FlaskForm

TIMED_OUT = ("This page was open for a long time, so for your safety it was not sent. "
             "Everything you typed is still here: check it and send it again.")


class Form(FlaskForm):
    """A FlaskForm whose CSRF failure reads as a kind message, shown in the error summary.

    Together with the CSRFError handler in voice.errors, a timed-out page comes back with
    what was typed still in it, instead of a bare "400 Bad Request".
    """

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        token = getattr(self, "csrf_token", None)
        if token is not None and token.errors:
            token.errors = [TIMED_OUT]
        return valid


class ButtonForm(Form):
    """A form with nothing but its CSRF token, for POST buttons (microblog's EmptyForm)."""
