"""Staff accounts from the admin area: invite, change role, switch off and on, reset
two-step sign-in, and the self-service "forgot password". The command line (voice/auth/cli.py)
stays for the first admin and for emergencies."""

from datetime import timedelta

from sqlalchemy import func, select

from voice.admin import links
from voice.audit.services import record as audit
from voice.auth import mfa, passwords
from voice.auth import services as accounts
from voice.auth.models import Role, User
from voice.errors import Refused
from voice.extensions import db, spend_once

# Not an argon2 hash, so no password ever matches it: the person sets one from the invitation.
INVITED = "!invited"
# A "forgot password" e-mail at most this often per account, whoever asks (the per-address
# and per-network limits are in the route).
RESETS_PER_HOUR = 3


class StaffRefused(Refused, ValueError):
    """The change cannot be made; the message is safe to show the admin."""


def invited(user):
    return user.password_hash == INVITED


def invite(by, email, name, role):
    email = accounts.normalise_email(email)
    if accounts.find_user(email):
        raise StaffRefused(f"There is already an account for {email}.")
    user = User(email=email, name=(name or "").strip(), role=Role(role), password_hash=INVITED)
    db.session.add(user)
    db.session.flush()
    links.send(user, "invite", by=by)
    audit("staff_invited", by=by, detail=f"{email} as {user.role.label}")
    return user


def invite_again(user, by):
    if not invited(user):
        raise StaffRefused(f"{user.email} has already set up their account.")
    links.send(user, "invite", by=by)
    audit("staff_invited", by=by, detail=f"{user.email} again")


def accept(link, name, password):
    """The invited person sets their password; two-step set-up comes next (the route)."""
    user = link.user
    passwords.check_new_password(password, user.email, name or user.name)
    if not spend_once(link):
        raise StaffRefused("This link has been used already.")
    if name and name.strip():
        user.name = name.strip()
    user.password_hash = accounts.hash_password(password)
    mfa.ensure_secret(user)
    db.session.flush()
    audit("invite_accepted", by=user)
    return user


def _other_active_admins(user):
    return db.session.scalar(
        select(func.count()).where(
            User.role == Role.ADMIN,
            User.active.is_(True),
            User.id != user.id,
            User.password_hash != INVITED,  # an invitation not yet taken up signs nobody in
        )
    )


def _keep_an_admin(user, what):
    if user.role == Role.ADMIN and user.active and not _other_active_admins(user):
        raise StaffRefused(
            f"{user.display_name} is the only admin, so they cannot be {what}. "
            "Make someone else an admin first."
        )


def change_role(user, role, by):
    role = Role(role)
    if role == user.role:
        return
    if role != Role.ADMIN:
        _keep_an_admin(user, "given another role")
    before = user.role
    user.role = role
    user.rotate_session_token()  # their pages change: sign in again to see the new ones
    db.session.flush()
    audit("staff_changed", by=by, detail=f"{user.email}: {before.label} → {role.label}")


def switch_off(user, by):
    _keep_an_admin(user, "switched off")
    accounts.disable_user(user, by=by)
    audit("staff_changed", by=by, detail=f"{user.email}: switched off")


def switch_on(user, by):
    accounts.enable_user(user, by=by)
    audit("staff_changed", by=by, detail=f"{user.email}: switched on")


def reset_two_step(user, by):
    mfa.reset(user, by=by.email)
    audit("staff_changed", by=by, detail=f"{user.email}: two-step sign-in reset")


def forgot_password(email):
    """Send a reset link if there is an active, set-up account for `email`. Says nothing
    either way: the page reads the same for any address."""
    user = accounts.find_user(email)
    if user is None or not user.active or invited(user):
        return
    if links.sent_recently(user, "reset", timedelta(hours=1)) >= RESETS_PER_HOUR:
        return
    links.send(user, "reset")
    audit("password_reset", by=None, email=user.email, detail="link sent by e-mail")


def reset_password(link, password):
    user = link.user
    passwords.check_new_password(password, user.email, user.name)
    if not spend_once(link):
        raise StaffRefused("This link has been used already.")
    accounts.set_password(user, password, by=user.email)
    audit("password_reset", by=None, email=user.email, detail="new password set from the link")
    return user


def staff_list():
    return db.session.scalars(
        select(User).order_by(User.active.desc(), User.role, func.lower(User.email))
    ).all()
