import re

import phonenumbers
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    EmailField,
    HiddenField,
    RadioField,
    StringField,
    TextAreaField,
    ValidationError,
)
from wtforms.validators import DataRequired, Length, Optional

from voice.forms import Form, choices
from voice.submissions.models import (
    AgeBand,
    Audience,
    CareStatus,
    Kind,
    ReplyBy,
    SafeNow,
    SayItsThem,
)
from voice.submissions.words import (
    AGE_BANDS,
    AUDIENCES,
    CALL_ME,
    CARE_STATUSES,
    KINDS,
    REPLY_BY,
    SAFE_NOW,
    SAY_ITS_THEM,
)

MESSAGE_LIMIT = 2000
ONE_TIME_TOKEN = re.compile(r"[A-Za-z0-9_-]{8,64}")


class ShareForm(Form):
    kind = RadioField(
        _l("What would you like to send?"),
        choices=choices(KINDS),
        validators=[DataRequired(_l("Choose a view, a question or an idea."))],
    )
    theme = RadioField(
        _l("What is it about?"),
        coerce=int,
        validators=[
            DataRequired(_l("Choose what it is about. If nothing fits, choose “Something else”."))
        ],
    )
    message = TextAreaField(
        "Your message",
        validators=[
            DataRequired(_l("Write your message. It can be short.")),
            Length(
                max=MESSAGE_LIMIT,
                message=_l(
                    "Your message can be up to %(limit)s characters. Please make it a bit shorter.",
                    limit=f"{MESSAGE_LIMIT:,}",
                ),
            ),
        ],
    )
    # Asked once, on the form itself: "No" holds the message for the safeguarding lead, as a
    # sign of harm in the words does (services.act_on_signs). Not required: nobody is made
    # to answer, and skipping it changes nothing.
    safe_now = RadioField(
        _l("Are you safe right now?"), choices=choices(SAFE_NOW), validators=[Optional()]
    )
    # Asked once, optional: a realistic answer can tell the person complained about who
    # complained. Staff see it; a "No" needs the worker's tick before an answer is released.
    say_its_them = RadioField(
        _l("If it helps sort it out, can we say it came from you?"),
        choices=choices(SAY_ITS_THEM),
        validators=[Optional()],
    )
    audience = RadioField(
        _l("Who is it for?"),
        choices=choices(AUDIENCES),
        default=Audience.NOT_SURE.value,
        validators=[DataRequired(_l("Choose who it is for, or “I'm not sure”."))],
    )
    call_me = RadioField(
        _l("What should we call you?"), choices=choices(CALL_ME), validators=[Optional()]
    )
    name = StringField(
        _l("Your first name or nickname"),
        validators=[Length(max=40, message=_l("Use up to 40 letters for your name."))],
    )
    age_band = RadioField(
        _l("How old are you?"), choices=choices(AGE_BANDS), validators=[Optional()]
    )
    care_status = RadioField(
        _l("Are you in care or a care leaver?"),
        choices=choices(CARE_STATUSES),
        validators=[Optional()],
    )
    reply_by = RadioField(
        _l("How would you like to hear back?"),
        choices=choices(REPLY_BY),
        default=ReplyBy.CODE.value,
        validators=[DataRequired(_l("Choose how you would like to hear back."))],
    )
    # Asked only when they hear back through their worker: without it, nobody knows whom to
    # pass the answer to, and the young person may never hear back.
    worker_name = StringField(
        _l("Your worker's name or team"),
        validators=[Length(max=80, message=_l("Use up to 80 letters for your worker."))],
    )
    phone = StringField(
        _l("Your mobile number"), render_kw={"autocomplete": "tel", "inputmode": "tel"}
    )
    email = EmailField(
        _l("Your e-mail address"), render_kw={"autocomplete": "email", "spellcheck": "false"}
    )
    consent_publish = BooleanField(_l("Share my words on “You said, we did” without my name"))
    consent_quote = BooleanField(
        _l("Use my words in reports for the people in charge, without my name")
    )
    wants_advocate = BooleanField(_l("I'd like an advocate to help me"))
    # Hidden from people by CSS; bots that fill every box fill this one too.
    website = StringField(_l("Leave this box empty"), validators=[Optional()])
    # Made by the page (secrets.token_urlsafe); anything else was edited in, and is treated as
    # missing so a fresh one is made (the column holds 64 characters at most).
    form_token = HiddenField(
        filters=[
            lambda value: (
                value if isinstance(value, str) and ONE_TIME_TOKEN.fullmatch(value) else None
            )
        ]
    )
    # Set when the young person came from a decision's "Ask a question about this".
    council_decision = HiddenField()

    def start_from(self, args):
        """Fill in what a link to the form asked for: ?kind=question&decision=7. A decision
        that does not exist is quietly left out: the young person can still ask."""
        if args.get("kind") in {value for value, *_ in KINDS}:
            self.kind.data = args["kind"]
        decision = self.linked_decision(args.get("decision"))
        if decision is not None:  # its own id, never the characters typed ("0007")
            self.council_decision.data = str(decision.id)

    @staticmethod
    def linked_decision(value):
        from voice.decisions.services import get

        return get(int(value)) if (value or "").isdecimal() else None

    def validate_council_decision(self, field):
        if field.data and self.linked_decision(field.data) is None:
            field.data = ""
            raise ValidationError(
                _(
                    "The decision you asked about isn't on Voice any more. "
                    "Send your message again and it will still reach us."
                )
            )

    def validate_name(self, field):
        if self.call_me.data == "name" and not (field.data or "").strip():
            raise ValidationError(
                _("Type your first name or nickname, or choose “Stay anonymous”.")
            )

    def validate_worker_name(self, field):
        if self.reply_by.data != ReplyBy.WORKER.value:
            return
        if self.call_me.data == "anonymous":
            raise ValidationError(
                _(
                    "Your worker needs to know it is you to pass on our answer. "
                    "Choose “Use my first name or nickname”, or another way to hear back."
                )
            )
        if not (field.data or "").strip():
            raise ValidationError(_("Type your worker's name or team, so we know who to ask."))

    def validate_phone(self, field):
        if self.reply_by.data != ReplyBy.TEXT.value:
            return
        field.data = uk_mobile((field.data or "").strip())

    def validate_email(self, field):
        if self.reply_by.data != ReplyBy.EMAIL.value:
            return
        # Imported when an address is typed (here and in NotSafeForm), not at start-up.
        from email_validator import EmailNotValidError, validate_email

        try:
            field.data = validate_email(
                (field.data or "").strip(), check_deliverability=False
            ).normalized
        except EmailNotValidError:
            raise ValidationError(_("Type an e-mail address, like name@example.com."))

    def answers(self):
        reply_by = ReplyBy(self.reply_by.data)
        name = (self.name.data or "").strip() if self.call_me.data != "anonymous" else ""
        return {
            "kind": Kind(self.kind.data),
            "theme_ids": [self.theme.data],
            "message": self.message.data,
            "audience": Audience(self.audience.data),
            "name": name,
            "age_band": AgeBand(self.age_band.data) if self.age_band.data else None,
            "care_status": CareStatus(self.care_status.data) if self.care_status.data else None,
            "reply_by": reply_by,
            "worker_name": (self.worker_name.data or "").strip()
            if reply_by == ReplyBy.WORKER
            else None,
            "contact": {ReplyBy.TEXT: self.phone.data, ReplyBy.EMAIL: self.email.data}.get(
                reply_by
            ),
            "consent_publish": self.consent_publish.data,
            "consent_quote": self.consent_quote.data,
            "wants_advocate": self.wants_advocate.data,
            "safe_now": SafeNow(self.safe_now.data) if self.safe_now.data else None,
            "say_its_them": SayItsThem(self.say_its_them.data) if self.say_its_them.data else None,
            "council_decision_id": int(self.council_decision.data)
            if self.council_decision.data
            else None,
        }


def one_time_token(value):
    """A form token the page made (secrets.token_urlsafe), or None for anything edited in."""
    return value if isinstance(value, str) and ONE_TIME_TOKEN.fullmatch(value) else None


class NotSafeForm(Form):
    """The "I don't feel safe" link: a few words, optional, and a way to reach them, also
    optional. Whatever is sent goes to the safeguarding lead."""

    what = TextAreaField(
        _l("What is happening? (you can leave this empty)"),
        validators=[
            Optional(),
            Length(
                max=MESSAGE_LIMIT,
                message=_l(
                    "This can be up to %(limit)s characters. Please make it a bit shorter.",
                    limit=f"{MESSAGE_LIMIT:,}",
                ),
            ),
        ],
    )
    contact = StringField(
        _l("A phone number or e-mail to reach you (you can leave this empty)"),
        validators=[Optional(), Length(max=254)],
        render_kw={"autocomplete": "off", "spellcheck": "false"},
    )
    website = StringField(_l("Leave this box empty"), validators=[Optional()])
    form_token = HiddenField(filters=[one_time_token])

    def validate_contact(self, field):
        value = (field.data or "").strip()
        if not value:
            self.reply = ReplyBy.CODE, None
        elif "@" in value:
            from email_validator import EmailNotValidError, validate_email

            try:
                email = validate_email(value, check_deliverability=False).normalized
            except EmailNotValidError:
                raise ValidationError(_("Type an e-mail address, like name@example.com."))
            self.reply = ReplyBy.EMAIL, email
        else:
            self.reply = ReplyBy.TEXT, uk_mobile(value)

    def reply_by(self):
        """(how to reach them, the number or address or None), once validated."""
        return getattr(self, "reply", (ReplyBy.CODE, None))


def uk_mobile(value):
    """The number in E.164 form, or a ValidationError a young person can act on."""
    try:
        number = phonenumbers.parse(value, "GB")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or phonenumbers.number_type(number) not in (
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    ):
        # No example number: the ones set aside for examples (07700 900xxx) are not mobiles
        # to the check, and any other could be a real person's.
        raise ValidationError(_("Type a UK mobile number. It starts with 07 and has 11 numbers."))
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


class CheckForm(Form):
    code = StringField(
        _l("Your reference code"),
        validators=[
            DataRequired(_l("Type your reference code.")),
            Length(max=60, message=_l("That is too long to be a code.")),
        ],
        render_kw={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"},
    )
