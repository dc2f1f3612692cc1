from wtforms import RadioField, SelectField
from wtforms.validators import Optional

from voice.board import periods
from voice.forms import Form, choices


class PeriodForm(Form):
    """The period picker: whole months only (voice.board.periods says why). Sent by GET (it
    changes nothing), so a chosen period can be bookmarked and the pack and downloads can
    carry it in their links."""

    class Meta:
        csrf = False

    period = RadioField(
        "Period", choices=choices(periods.CHOICES), default=periods.DEFAULT, validators=[Optional()]
    )
    quarter = SelectField("Quarter", choices=[], validators=[Optional()], validate_choice=False)

    def chosen(self, today):
        """The Period asked for; a mistake adds a kind message to the form and falls back to
        the last whole quarter, so the page still shows figures."""
        self.quarter.choices = periods.quarter_choices(today)
        self.validate()
        choice = self.period.data or periods.DEFAULT
        try:
            if choice == "quarter":
                return periods.quarter(self.quarter.data, today)
            return periods.named(choice, today)
        except periods.PeriodRefused as refused:
            self.period.errors = [str(refused)]
            return periods.named(periods.DEFAULT, today)

    def args(self):
        """The query string that asks for the same period again."""
        if self.period.errors:
            return {"period": periods.DEFAULT}
        if self.period.data == "quarter":
            return {"period": "quarter", "quarter": self.quarter.data}
        return {"period": self.period.data or periods.DEFAULT}
