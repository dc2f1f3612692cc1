"""The base every form in Voice builds on."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import FieldList, FormField, HiddenField, StringField
from wtforms.fields.choices import SelectChoice

# Lazy: in the young person's language on their pages, in English on staff pages.
TIMED_OUT = _l(
    "This page was open for a long time, so for your safety it was not sent. "
    "Everything you typed is still here: check it and send it again."
)
# PostgreSQL cannot store the "null" character (U+0000) in text, and nobody types one: it
# comes from pasting out of some apps. Refused here, for every form at once, in words.
HIDDEN_CHARACTER = _l(
    "This has a hidden character in it that we can't save. It can come from "
    "copying and pasting: delete the part you pasted and type it instead."
)


def choices(items):
    """(value, label, …) rows as a select or radio field's choices: SelectChoice, since
    WTForms 3.4 no longer takes tuples."""
    return [SelectChoice(str(value), label) for value, label, *_ in items]


def text_fields(form):
    """Every text box in the form, including those inside repeated rows."""
    for field in form:
        if isinstance(field, FormField):
            yield from text_fields(field.form)
        elif isinstance(field, FieldList):
            for entry in field:
                yield from text_fields(entry.form) if isinstance(entry, FormField) else [entry]
        elif isinstance(field, StringField):
            yield field


class Form(FlaskForm):
    """A FlaskForm whose CSRF failure reads as a kind message, shown in the error summary.

    Together with the CSRFError handler in voice.errors, a timed-out page comes back with
    what was typed still in it, instead of a bare "400 Bad Request".
    """

    def validate(self, extra_validators=None):
        self._drop_hidden_characters_from_hidden_fields()
        # Before the other checks: some look the text up in the database, which would fail.
        if not self._refuse_hidden_characters():
            return False
        valid = super().validate(extra_validators)
        token = getattr(self, "csrf_token", None)
        if token is not None and token.errors:
            token.errors = [str(TIMED_OUT)]
        return valid

    def _drop_hidden_characters_from_hidden_fields(self):
        """A hidden field the page filled in only holds one if someone edited the page: there
        is nothing a person could correct, so it is treated as missing."""
        for field in text_fields(self):
            if (
                isinstance(field, HiddenField)
                and isinstance(field.data, str)
                and "\x00" in field.data
                and field.short_name != "csrf_token"
            ):
                field.data = ""

    def _refuse_hidden_characters(self):
        refused = [
            field
            for field in text_fields(self)
            if isinstance(field.data, str)
            and "\x00" in field.data
            and not isinstance(field, HiddenField)
        ]
        for field in refused:
            field.errors = [str(HIDDEN_CHARACTER)]
        return not refused


class ButtonForm(Form):
    """A form with nothing but its CSRF token, for POST buttons (microblog's EmptyForm)."""
