from wtforms import DateField, RadioField
from wtforms.validators import Optional

from voice.board import periods
from voice.forms import Form, choices


class PeriodForm(Form):
    """The period picker. Sent by GET (it changes nothing), so a chosen period can be
    bookmarked and the pack and downloads can carry it in their links."""

    class Meta:
        csrf = False

    period = RadioField(
        "Period", choices=choices(periods.CHOICES), default="this_quarter", validators=[Optional()]
    )
    start = DateField("First day", validators=[Optional()])
    end = DateField("Last day", validators=[Optional()])

    def chosen(self, today):
        """The Period asked for; a mistake adds a kind message to the form and falls back to
        this quarter, so the page still shows figures."""
        self.validate()
        choice = self.period.data or "this_quarter"
        try:
            if choice == "custom":
                if self.start.errors or self.end.errors:
                    raise periods.PeriodRefused("Enter dates like 2026-04-01.")
                return periods.custom(self.start.data, self.end.data)
            return periods.named(choice, today)
        except periods.PeriodRefused as refused:
            self.period.errors = [str(refused)]
            return periods.named("this_quarter", today)

    def args(self):
        """The query string that asks for the same period again."""
        if self.period.data == "custom" and not self.period.errors:
            return {
                "period": "custom",
                "start": self.start.data.isoformat(),
                "end": self.end.data.isoformat(),
            }
        return {"period": self.period.data if not self.period.errors else "this_quarter"}
