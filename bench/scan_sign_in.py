"""Sign in to a local Voice as a demo staff member (password, then the code an authenticator
app would show) and print the session cookie, for bench/scan.sh to hand to the scanners.

    .venv/bin/python bench/scan_sign_in.py URL EMAIL PASSWORD SETUP_KEY
"""

import re
import sys

import pyotp
import requests

CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


def form_post(http, url, data):
    page = http.get(url, timeout=30)
    token = CSRF.search(page.text)
    return http.post(url, data={**data, "csrf_token": token.group(1) if token else ""}, timeout=30)


def main(url, email, password, setup_key):
    http = requests.Session()
    form_post(http, url + "/staff/login", {"email": email, "password": password})
    code = pyotp.TOTP(setup_key.replace(" ", "")).now()
    signed_in = form_post(http, url + "/staff/sign-in/code", {"code": code})
    if "/staff/login" in signed_in.url or "voice_session" not in http.cookies:
        sys.exit(f"could not sign in as {email} (ended at {signed_in.url})")
    print(f"voice_session={http.cookies['voice_session']}")


if __name__ == "__main__":
    main(*sys.argv[1:5])
