"""A small but real OpenID Connect provider for the tests, served over HTTP on 127.0.0.1.

Discovery, authorize (authorization-code flow with state, nonce and PKCE S256), token (client
secret, code bound to client and redirect_uri, single use), userinfo (bearer token) and JWKS;
ID tokens are RS256 JWTs signed with a key made at start. The person who "signs in" at the
authorize endpoint is whoever the test put in `provider.persoon`. `provider.knoeien` makes the
provider misbehave in one way (e.g. sign with a key it does not publish) to test refusals.
"""

import base64
import hashlib
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa


def _b64url(getal):
    data = getal.to_bytes((getal.bit_length() + 7) // 8, "big")
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class ProefProvider:
    def __init__(self, client_id="leernetwerk", client_secret="geheim-van-de-test"):
        self.client_id = client_id
        self.client_secret = client_secret
        self.sleutel = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.kid = "sleutel-1"
        self.persoon = {}
        self.knoeien = None
        self.issuer_override = None
        self.codes = {}
        self.tokens = {}
        self._server = None

    # --- lifecycle -------------------------------------------------------------------------

    def start(self):
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                provider._get(self)

            def do_POST(self):
                provider._post(self)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)  # any free port
        self.poort = self._server.server_address[1]
        self.url = f"http://127.0.0.1:{self.poort}"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self):
        self._server.shutdown()
        self._server.server_close()

    @property
    def issuer(self):
        return self.url

    @property
    def discovery_url(self):
        return f"{self.url}/.well-known/openid-configuration"

    # --- HTTP ------------------------------------------------------------------------------

    def _json(self, handler, status, data, headers=()):
        body = json.dumps(data).encode()
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(body)))
        for naam, waarde in headers:
            handler.send_header(naam, waarde)
        handler.end_headers()
        handler.wfile.write(body)

    def _get(self, handler):
        url = urlsplit(handler.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        if url.path == "/.well-known/openid-configuration":
            return self._json(
                handler,
                200,
                {
                    "issuer": self.issuer,
                    "authorization_endpoint": f"{self.url}/authorize",
                    "token_endpoint": f"{self.url}/token",
                    "userinfo_endpoint": f"{self.url}/userinfo",
                    "jwks_uri": f"{self.url}/jwks",
                    "response_types_supported": ["code"],
                    "subject_types_supported": ["public"],
                    "id_token_signing_alg_values_supported": ["RS256"],
                    "code_challenge_methods_supported": ["S256"],
                },
            )
        if url.path == "/jwks":
            publiek = self.sleutel.public_key().public_numbers()
            sleutel = {
                "kty": "RSA",
                "use": "sig",
                "alg": "RS256",
                "kid": self.kid,
                "n": _b64url(publiek.n),
                "e": _b64url(publiek.e),
            }
            return self._json(handler, 200, {"keys": [sleutel]})
        if url.path == "/authorize":
            return self._authorize(handler, query)
        if url.path == "/userinfo":
            token = handler.headers.get("Authorization", "").removeprefix("Bearer ")
            if token not in self.tokens:
                return self._json(handler, 401, {"error": "invalid_token"})
            claims = dict(self.tokens[token]["persoon"])
            for alleen_id_token in ("roles", "groups"):
                claims.pop(alleen_id_token, None)  # as Entra: role claims only in the ID token
            if self.knoeien == "userinfo_ander_sub":
                claims["sub"] = "iemand-anders"
            return self._json(handler, 200, claims)
        return self._json(handler, 404, {"error": "not_found"})

    def _authorize(self, handler, query):
        if query.get("client_id") != self.client_id or query.get("response_type") != "code":
            return self._json(handler, 400, {"error": "invalid_request"})
        if "openid" not in query.get("scope", "").split():
            return self._json(handler, 400, {"error": "invalid_scope"})
        code = secrets.token_urlsafe(16)
        self.codes[code] = {
            "redirect_uri": query["redirect_uri"],
            "nonce": query.get("nonce"),
            "challenge": query.get("code_challenge"),
            "persoon": dict(self.persoon),
        }
        terug = f"{query['redirect_uri']}?{urlencode({'code': code, 'state': query['state']})}"
        handler.send_response(302)
        handler.send_header("Location", terug)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    def _post(self, handler):
        if urlsplit(handler.path).path != "/token":
            return self._json(handler, 404, {"error": "not_found"})
        lengte = int(handler.headers.get("Content-Length", "0"))
        form = {k: v[0] for k, v in parse_qs(handler.rfile.read(lengte).decode()).items()}
        if (
            form.get("client_id") != self.client_id
            or form.get("client_secret") != self.client_secret
        ):
            return self._json(handler, 401, {"error": "invalid_client"})
        aanvraag = self.codes.pop(form.get("code", ""), None)  # a code works once
        if (
            form.get("grant_type") != "authorization_code"
            or aanvraag is None
            or aanvraag["redirect_uri"] != form.get("redirect_uri")
        ):
            return self._json(handler, 400, {"error": "invalid_grant"})
        if aanvraag["challenge"]:
            verifier = form.get("code_verifier", "").encode()
            berekend = base64.urlsafe_b64encode(hashlib.sha256(verifier).digest()).rstrip(b"=")
            if berekend.decode() != aanvraag["challenge"]:
                return self._json(handler, 400, {"error": "invalid_grant"})
        access_token = secrets.token_urlsafe(24)
        self.tokens[access_token] = aanvraag
        return self._json(
            handler,
            200,
            {
                "access_token": access_token,
                "token_type": "Bearer",
                "expires_in": 3600,
                "id_token": self._id_token(aanvraag),
            },
            headers=[("Cache-Control", "no-store")],
        )

    def _id_token(self, aanvraag):
        nu = int(time.time())
        claims = {
            "iss": self.issuer_override or self.issuer,
            "aud": self.client_id,
            "iat": nu,
            "exp": nu + 300,
            "nonce": aanvraag["nonce"],
            **aanvraag["persoon"],
        }
        sleutel = self.sleutel
        if self.knoeien == "nonce":
            claims["nonce"] = "een-andere-nonce"
        elif self.knoeien == "aud":
            claims["aud"] = "een-andere-applicatie"
        elif self.knoeien == "verlopen":
            claims["iat"], claims["exp"] = nu - 7200, nu - 3600
        elif self.knoeien == "vreemde_sleutel":
            sleutel = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        token = jwt.encode(claims, sleutel, algorithm="RS256", headers={"kid": self.kid})
        if self.knoeien == "inhoud_gewijzigd":
            kop, _, handtekening = token.split(".")
            claims["roles"] = ["Leernetwerk.Beheerder"]
            inhoud = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=")
            token = f"{kop}.{inhoud.decode()}.{handtekening}"
        return token
