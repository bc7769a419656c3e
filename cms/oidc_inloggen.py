"""The OIDC authorization-code flow, on mozilla-django-oidc, with Leernetwerk's rules.

- Settings come from `cms.oidc.oidc_instelling`: the Django settings, else the provider's
  discovery document. Nothing is fetched unless an OIDC sign-in is under way, so local login
  never waits for (or fails on) the provider.
- The ID token must be signed with OIDC_RP_SIGN_ALGO by a key from the provider's JWKS, be meant
  for us (aud), come from an accepted issuer, be unexpired and carry the nonce we sent.
- The account is found by (issuer, sub) via `cms.services.oidc_gebruiker_aanmelden`.
- Whatever goes wrong (wrong state, tampered token, provider unreachable) ends on /inloggen/
  with a Dutch message and nobody logged in; never an HTTP 500.
"""

import logging
from urllib.parse import urlencode

import jwt
import requests
from django.contrib import auth, messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ImproperlyConfigured, SuspiciousOperation
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.generic import View
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from cms.invoer import STUURTEKENS
from cms.oidc import geaccepteerde_issuers, oidc_ingeschakeld, oidc_instelling
from cms.services import oidc_gebruiker_aanmelden
from cms.sessies import actieve_gebruiker

logger = logging.getLogger("leernetwerk")

NIET_BEREIKBAAR = _(
    "De inlogdienst van je gemeente is nu niet bereikbaar. Probeer het over een paar minuten "
    "opnieuw, of log hieronder in met je gebruikersnaam en wachtwoord van Leernetwerk."
)
VERLOPEN = _(
    "Het inloggen met je gemeente-account is verlopen of niet vanaf deze pagina begonnen. "
    "Je bent niet ingelogd. Klik opnieuw op \u201cInloggen met je gemeente-account\u201d."
)
ONGELDIG = _(
    "Je gemeente-account kon niet betrouwbaar worden gecontroleerd. Je bent niet ingelogd. "
    "Probeer het opnieuw; lukt het niet, neem dan contact op met de beheerder."
)
AFGEBROKEN = _("Het inloggen bij je gemeente is afgebroken. Je bent niet ingelogd.")
NIET_ACTIEF = _("Dit account is niet actief. Neem contact op met de beheerder.")


class OidcBackend(OIDCAuthenticationBackend):
    """Authenticates the callback of an OIDC sign-in; ignores username/password logins."""

    get_settings = staticmethod(oidc_instelling)

    def __init__(self, *args, **kwargs):
        # The library reads (and we would discover) the endpoints here, for every login:
        # wait until an OIDC callback actually arrives.
        self.UserModel = auth.get_user_model()

    def authenticate(self, request, **kwargs):
        if request is None or not oidc_ingeschakeld():
            return None
        if not (request.GET.get("code") and request.GET.get("state")) or "nonce" not in kwargs:
            return None
        self.OIDC_OP_TOKEN_ENDPOINT = self.get_settings("OIDC_OP_TOKEN_ENDPOINT")
        self.OIDC_OP_USER_ENDPOINT = self.get_settings("OIDC_OP_USER_ENDPOINT")
        self.OIDC_OP_JWKS_ENDPOINT = self.get_settings("OIDC_OP_JWKS_ENDPOINT")
        self.OIDC_RP_CLIENT_ID = self.get_settings("OIDC_RP_CLIENT_ID")
        self.OIDC_RP_CLIENT_SECRET = self.get_settings("OIDC_RP_CLIENT_SECRET")
        self.OIDC_RP_SIGN_ALGO = self.get_settings("OIDC_RP_SIGN_ALGO", "RS256")
        self.OIDC_RP_IDP_SIGN_KEY = self.get_settings("OIDC_RP_IDP_SIGN_KEY", None)
        return super().authenticate(request, **kwargs)

    def get_user(self, user_id):
        # The library's get_user would keep a deactivated account signed in; Django's does not.
        return actieve_gebruiker(self, user_id)

    def get_payload_data(self, token, key):
        """Verify signature, algorithm, audience, issuer and lifetime of the ID token."""
        try:
            kop = jwt.get_unverified_header(token)
        except jwt.PyJWTError as fout:
            raise SuspiciousOperation("ID token is geen JWT") from fout
        if kop.get("alg") != self.OIDC_RP_SIGN_ALGO:
            raise SuspiciousOperation(f"ID token met algoritme {kop.get('alg')!r}")
        try:
            payload = jwt.decode(
                token,
                key,
                algorithms=[self.OIDC_RP_SIGN_ALGO],
                audience=self.OIDC_RP_CLIENT_ID,
                options={"require": ["iss", "sub", "aud", "exp", "iat"]},
                leeway=60,
            )
        except jwt.PyJWTError as fout:
            raise SuspiciousOperation(f"ID token ongeldig: {fout}") from fout
        if payload["iss"] not in geaccepteerde_issuers():
            raise SuspiciousOperation(f"ID token van onbekende issuer {payload['iss']!r}")
        return payload

    def get_or_create_user(self, access_token, id_token, payload):
        gebruikersinfo = self.get_userinfo(access_token, id_token, payload)
        if not isinstance(gebruikersinfo, dict):
            raise SuspiciousOperation("userinfo is geen JSON-object")
        if any(STUURTEKENS.search(str(payload[c])) for c in ("iss", "sub")):
            raise SuspiciousOperation("issuer of sub met stuurtekens")
        # The userinfo must describe the same person as the signed ID token (OIDC Core 5.3.2).
        if gebruikersinfo.get("sub") != payload["sub"]:
            raise SuspiciousOperation("userinfo hoort bij een ander sub dan het ID token")
        # Claims of the signed ID token win (Entra puts roles and groups only there).
        claims = {**gebruikersinfo, **payload}
        return oidc_gebruiker_aanmelden(
            issuer=payload["iss"], sub=str(payload["sub"]), claims=claims
        )


def _naar_inloggen(request, melding):
    """Back to the login page with the message, keeping where the person was going."""
    messages.error(request, melding)
    volgende = request.GET.get("next") or request.session.get("oidc_login_next")
    adres = reverse("inloggen")
    if volgende:  # /inloggen/ checks it is on this site before following it
        adres = f"{adres}?{urlencode({'next': volgende})}"
    return HttpResponseRedirect(adres)


@method_decorator(login_not_required, name="dispatch")
class OidcInloggen(OIDCAuthenticationRequestView):
    """/oidc/inloggen/: send the browser to the gemeente's provider (state, nonce, PKCE)."""

    get_settings = staticmethod(oidc_instelling)

    def __init__(self, **kwargs):
        View.__init__(self, **kwargs)  # the library reads the endpoints here: see get()

    def get(self, request):
        if not oidc_ingeschakeld():
            raise Http404
        try:
            self.OIDC_OP_AUTH_ENDPOINT = self.get_settings("OIDC_OP_AUTHORIZATION_ENDPOINT")
            self.OIDC_RP_CLIENT_ID = self.get_settings("OIDC_RP_CLIENT_ID")
        except (requests.RequestException, ValueError, ImproperlyConfigured):
            logger.exception("OIDC: provider niet bereikbaar of discovery onvolledig")
            return _naar_inloggen(request, NIET_BEREIKBAAR)
        return super().get(request)


@method_decorator(login_not_required, name="dispatch")
class OidcTerugkeer(OIDCAuthenticationCallbackView):
    """/oidc/terugkeer/: the provider sends the browser back here with a code."""

    get_settings = staticmethod(oidc_instelling)

    @property
    def failure_url(self):
        return reverse("inloggen")

    def get(self, request):
        if not oidc_ingeschakeld():
            raise Http404
        if request.GET.get("error"):  # e.g. access_denied: the person cancelled at the provider
            staten = request.session.get("oidc_states", {})
            if staten.pop(request.GET.get("state"), None) is not None:
                request.session.modified = True  # that state can never be used again
            if request.user.is_authenticated:
                auth.logout(request)
            return _naar_inloggen(request, AFGEBROKEN)
        if not (request.GET.get("code") and request.GET.get("state")):
            return _naar_inloggen(request, VERLOPEN)
        if request.GET["state"] not in request.session.get("oidc_states", {}):
            return _naar_inloggen(request, VERLOPEN)
        try:
            antwoord = super().get(request)
        except SuspiciousOperation as fout:
            logger.warning("OIDC: inloggen geweigerd: %s", fout)
            return _naar_inloggen(request, ONGELDIG)
        except requests.HTTPError as fout:
            # The provider refused the code (4xx: used, expired, not ours) or failed (5xx).
            logger.warning("OIDC: provider weigerde: %s", fout)
            status = fout.response.status_code if fout.response is not None else 500
            return _naar_inloggen(request, ONGELDIG if status < 500 else NIET_BEREIKBAAR)
        except (requests.RequestException, ValueError, ImproperlyConfigured):
            logger.exception("OIDC: provider niet bereikbaar tijdens het inloggen")
            return _naar_inloggen(request, NIET_BEREIKBAAR)
        return antwoord

    def login_failure(self):
        user = getattr(self, "user", None)
        if user is not None and not user.is_active:
            return _naar_inloggen(self.request, NIET_ACTIEF)
        return _naar_inloggen(self.request, ONGELDIG)
