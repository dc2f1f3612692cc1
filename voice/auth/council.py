"""Signing in with the council's own accounts (Microsoft Entra ID, Google Workspace, any
OpenID Connect provider). Optional: off until OIDC_DISCOVERY_URL is set.

The provider only says who the person is. Their Voice account must already exist under the
same, verified e-mail address, and their role is Voice's, never the provider's: a colleague
from the same tenant without a Voice account gets nothing. Authlib checks the ID token's
signature against the provider's published keys, its issuer, audience, expiry and nonce.
"""

import logging

from flask import current_app

from voice.auth import services
from voice.errors import Refused

log = logging.getLogger("voice.auth")
CLIENT = "voice_council_sign_in"
# RFC 8176: "mfa" is the value providers (Entra ID among them) send when more than one
# factor was used.
SECOND_FACTOR = "mfa"
# What the audit log says about how the first step (and perhaps the second) was done.
VIA = "council account"
TRUSTED_VIA = "council account, with the council's own second step"

NOT_CHECKED = (
    "We could not sign you in with your council account, because its answer could not be "
    "checked. Please try again, or sign in with your e-mail address and password."
)
NO_VERIFIED_EMAIL = (
    "Your council account did not give Voice a checked e-mail address, so Voice cannot tell "
    "which account is yours. Sign in with your e-mail address and password, or ask your "
    "council's IT team."
)
NO_ACCOUNT = (
    "There is no Voice account for your council account yet. If you need one, ask your "
    "Voice admin to add you with the e-mail address your council account uses."
)


class CouncilSignInRefused(Refused):
    """The provider's answer did not sign anyone in. The message is safe to show; `detail`
    is for the audit log; `email` is the address the provider gave, if any."""

    def __init__(self, message, detail, email=None):
        super().__init__(message)
        self.detail, self.email = detail, email


def init_app(app):
    """Register the provider when one is configured; Authlib fetches its discovery document
    and keys on first use, not at start-up, so a provider that is down never stops Voice."""
    config = app.config
    if not config.get("OIDC_DISCOVERY_URL"):
        return
    for key in ("OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"):
        if not config.get(key):
            raise RuntimeError(f"OIDC_DISCOVERY_URL is set, so {key} must be set too.")
    # Imported only for a council that signs in this way: Authlib and its JOSE library were
    # a large share of every other Voice process's start (bench/RESULTS.md).
    from authlib.integrations.flask_client import OAuth

    oauth = OAuth(app)
    app.extensions[CLIENT] = oauth.register(
        "council",
        server_metadata_url=config["OIDC_DISCOVERY_URL"],
        client_id=config["OIDC_CLIENT_ID"],
        client_secret=config["OIDC_CLIENT_SECRET"],
        client_kwargs={"scope": "openid email profile", "timeout": 10},
    )


def enabled():
    return CLIENT in current_app.extensions


def client():
    return current_app.extensions[CLIENT]


def claims_from_callback():
    """Swap the code in this callback request for tokens and return the ID token's claims,
    checked by Authlib. Raises CouncilSignInRefused for anything it refuses."""
    import requests  # as Authlib below: only a council sign-in needs it
    from authlib.integrations.flask_client import OAuthError
    from joserfc.errors import JoseError

    try:
        token = client().authorize_access_token(claims_options=claims_options())
    except (OAuthError, JoseError, requests.RequestException, ValueError, KeyError) as error:
        log.warning("Council sign-in refused: %s: %s", type(error).__name__, error)
        raise CouncilSignInRefused(NOT_CHECKED, f"council account: {type(error).__name__}")
    claims = token.get("userinfo")
    if not claims:  # no ID token, or no nonce kept for it: nothing signed to trust
        raise CouncilSignInRefused(NOT_CHECKED, "council account: no ID token")
    return claims


def claims_options():
    """Authlib's defaults check the issuer only, and the audience only through `azp`, which
    a token with a stranger's audience and Voice's azp would pass: name both, and require
    them."""
    issuer = client().load_server_metadata()["issuer"]
    return {
        "iss": {"essential": True, "values": [issuer]},
        "aud": {"essential": True, "values": [current_app.config["OIDC_CLIENT_ID"]]},
    }


def account_for(claims):
    """The active Voice account for these checked claims, or CouncilSignInRefused."""
    email = services.normalise_email(claims.get("email"))
    if not email or claims.get("email_verified") not in (True, "true"):
        raise CouncilSignInRefused(
            NO_VERIFIED_EMAIL, "council account: no verified e-mail address", email or None
        )
    user = services.find_user(email)
    if user is None:
        raise CouncilSignInRefused(NO_ACCOUNT, "council account with no Voice account", email)
    if not user.active:
        raise CouncilSignInRefused(services.ACCOUNT_OFF, "council account", email)
    return user


def second_factor_trusted(claims):
    """True when the provider says a second factor was used and the council chose to trust
    that (OIDC_TRUST_PROVIDER_MFA); otherwise Voice asks for its own code as well."""
    amr = claims.get("amr") or []
    return bool(current_app.config["OIDC_TRUST_PROVIDER_MFA"]) and SECOND_FACTOR in amr
