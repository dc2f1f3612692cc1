"""A real OpenID Connect provider on 127.0.0.1 for tests/test_council_sign_in.py: PyPI's
oidc-provider-mock (itself built on Authlib's server side), served by werkzeug in a thread
on a free port. It signs real RS256 ID tokens and publishes its keys, so Voice checks them
exactly as it would Entra ID's or Google's.

The provider's token endpoint can be told to hand Voice something else in place of the ID
token it issued (`swap`): a token changed in transit, or a genuine one issued to
another app; that is how the tests play an attacker between the two.
"""

import base64
import json
import threading
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import oidc_provider_mock
import requests
from flask import request
from werkzeug.serving import make_server


class Provider:
    def __init__(self, token_lifetime=timedelta(hours=1)):
        self.swap = None  # a function from the issued ID token to the one Voice receives
        app = oidc_provider_mock.app(access_token_max_age=token_lifetime)
        app.after_request(self._swap_id_token)
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,))

    @property
    def discovery_url(self):
        return self.url + "/.well-known/openid-configuration"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *_):
        self.server.shutdown()
        self.thread.join(5)
        self.server.server_close()

    def _swap_id_token(self, response):
        if self.swap is None or request.path != "/oauth2/token" or response.status_code != 200:
            return response
        body = response.get_json()
        body["id_token"] = self.swap(body["id_token"])
        response.set_data(json.dumps(body))
        return response

    def add_person(self, sub, **claims):
        """A person the provider knows, with the claims it will put in their ID token."""
        answer = requests.put(f"{self.url}/users/{sub}", json=claims, timeout=10)
        assert answer.status_code == 204, answer.text

    def sign_in(self, authorize_url, sub):
        """The person signs in at the provider; returns where it sends their browser back."""
        answer = requests.post(authorize_url, data={"sub": sub}, allow_redirects=False, timeout=10)
        assert answer.status_code == 302, answer.text
        return answer.headers["Location"]

    def token_for_another_app(self, sub, nonce):
        """A genuine ID token this provider issues to a different app (audience), for the
        same person and nonce, as someone with that app could obtain."""
        back = "http://another-app.example/back"
        url = (
            f"{self.url}/oauth2/authorize?client_id=another-app&response_type=code"
            f"&scope=openid+email&redirect_uri={back}&state=s&nonce={nonce}"
        )
        code = parse_qs(urlsplit(self.sign_in(url, sub)).query)["code"][0]
        answer = requests.post(
            f"{self.url}/oauth2/token",
            data={"grant_type": "authorization_code", "code": code, "redirect_uri": back},
            auth=("another-app", "its secret"),
            timeout=10,
        )
        assert answer.status_code == 200, answer.text
        return answer.json()["id_token"]


def with_claims_changed(id_token, **changes):
    """The same signed token with its claims edited and the signature left as it was."""
    header, payload, signature = id_token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims.update(changes)
    edited = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    return f"{header}.{edited}.{signature}"
