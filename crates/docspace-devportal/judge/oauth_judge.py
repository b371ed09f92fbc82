"""A standard OAuth2 client library (Authlib, PyPI `authlib`) judges the devportal's OAuth2.

It reads the server metadata (RFC 8414), runs the authorization-code flow with PKCE S256 as a
browser would (the portal's session cookie, the consent form posted as the page posts it),
exchanges the code, calls a REST endpoint with the access token, refreshes, revokes, and then
runs the flow again for a client that authenticates with PKCE alone (no refresh token).

Usage: oauth_judge.py BASE_URL SESSION_TOKEN CLIENT_ID CLIENT_SECRET REDIRECT_URI
AUTHLIB_INSECURE_TRANSPORT=1 is needed: the portal listens on plain http on loopback.
"""

import sys
from html.parser import HTMLParser
from urllib.parse import urljoin

import requests
from authlib.common.security import generate_token
from authlib.integrations.requests_client import OAuth2Session

BASE, SESSION, CLIENT_ID, CLIENT_SECRET, REDIRECT = sys.argv[1:6]
SCOPE = "accounts.self:read rooms:read"


class ConsentForm(HTMLParser):
    """The first form of the consent page: its action and fields (checked boxes only)."""

    def __init__(self):
        super().__init__()
        self.action, self.fields, self.depth, self.done = None, [], 0, False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and not self.done and self.action is None:
            self.action = a.get("action")
            self.depth = 1
        elif tag == "input" and self.depth and not self.done:
            if a.get("type") == "checkbox" and "checked" not in a:
                return
            self.fields.append((a["name"], a.get("value", "")))

    def handle_endtag(self, tag):
        if tag == "form" and self.depth:
            self.depth, self.done = 0, True


def browser_consent(authorize_url):
    """What a signed-in user's browser does: open the URL, approve, land on the redirect URI."""
    browser = requests.Session()
    browser.cookies.set("asc_auth_key", SESSION)
    page = browser.get(authorize_url, allow_redirects=False)
    if page.status_code == 302:
        return page.headers["Location"]
    assert page.status_code == 200, (page.status_code, page.text)
    form = ConsentForm()
    form.feed(page.text)
    assert form.action and form.fields, page.text
    answer = browser.post(
        urljoin(BASE, form.action),
        files=[(k, (None, v)) for k, v in form.fields],
        headers={"Origin": BASE},
        allow_redirects=False,
    )
    assert answer.status_code == 302, (answer.status_code, answer.text)
    location = answer.headers["Location"]
    assert location.startswith(REDIRECT), location
    return location


def main():
    meta = requests.get(BASE + "/.well-known/oauth-authorization-server").json()
    assert "S256" in meta["code_challenge_methods_supported"], meta

    # A confidential client that also uses PKCE.
    client = OAuth2Session(
        CLIENT_ID,
        CLIENT_SECRET,
        scope=SCOPE,
        redirect_uri=REDIRECT,
        code_challenge_method="S256",
        token_endpoint_auth_method="client_secret_post",
    )
    verifier = generate_token(64)
    url, _state = client.create_authorization_url(meta["authorization_endpoint"], code_verifier=verifier)
    token = client.fetch_token(
        meta["token_endpoint"],
        authorization_response=browser_consent(url),
        code_verifier=verifier,
    )
    assert token["token_type"].lower() == "bearer" and token.get("refresh_token"), token
    me = client.get(BASE + "/api/2.0/people/@self")
    assert me.status_code == 200, (me.status_code, me.text)
    email = me.json()["response"]["email"]
    assert client.get(BASE + "/api/2.0/people").status_code == 403

    first_access = token["access_token"]
    refreshed = client.refresh_token(meta["token_endpoint"], refresh_token=token["refresh_token"])
    assert refreshed["access_token"] != first_access, refreshed
    assert refreshed["refresh_token"] != token["refresh_token"], refreshed
    assert client.get(BASE + "/api/2.0/files/rooms").status_code == 200

    revoked = client.revoke_token(
        meta["revocation_endpoint"], token=refreshed["access_token"], token_type_hint="access_token"
    )
    assert revoked.status_code == 200, (revoked.status_code, revoked.text)
    assert client.get(BASE + "/api/2.0/files/rooms").status_code == 401

    # The same client without its secret: PKCE alone, so no refresh token.
    public = OAuth2Session(
        CLIENT_ID,
        scope="rooms:read",
        redirect_uri=REDIRECT,
        code_challenge_method="S256",
        token_endpoint_auth_method="none",
    )
    verifier = generate_token(64)
    url, _state = public.create_authorization_url(meta["authorization_endpoint"], code_verifier=verifier)
    token = public.fetch_token(
        meta["token_endpoint"], authorization_response=browser_consent(url), code_verifier=verifier
    )
    assert "refresh_token" not in token, token
    assert public.get(BASE + "/api/2.0/files/rooms").status_code == 200

    print(f"authlib: code+PKCE, REST as {email}, refresh, revoke, public client: ok")


if __name__ == "__main__":
    main()
