"""Sign-in with the gemeente's account: the full authorization-code flow against a real OIDC
provider on loopback (tests/cms/oidc_provider.py), driven through Django's test client."""

from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import Client

from cms.audit import AuditRegel
from cms.models import OidcIdentiteit, Organisatie

from .oidc_provider import ProefProvider

User = get_user_model()

ROLLEN = {
    "Leernetwerk.Consulent": "Consulent",
    "Leernetwerk.Teamchef": "Teamchef",
    "Leernetwerk.Beheerder": "Beheerder",
}
ANNA = {
    "sub": "8f1c2a-anna",
    "email": "anna.devries@noordwaarde.nl",
    "preferred_username": "anna.devries@noordwaarde.nl",
    "given_name": "Anna",
    "family_name": "de Vries",
    "roles": ["Leernetwerk.Consulent", "Leernetwerk.Teamchef", "Iets.Anders"],
}
ONGELDIG = "kon niet betrouwbaar worden gecontroleerd"
VERLOPEN = "is verlopen of niet vanaf deze pagina begonnen"


@pytest.fixture(scope="module")
def provider():
    provider = ProefProvider().start()
    yield provider
    provider.stop()


@pytest.fixture
def oidc(provider, settings, db):
    """OIDC configured against the test provider; Noordwaarde's roles come from `roles`."""
    provider.persoon, provider.knoeien, provider.issuer_override = dict(ANNA), None, None
    settings.OIDC_RP_CLIENT_ID = provider.client_id
    settings.OIDC_RP_CLIENT_SECRET = provider.client_secret
    settings.OIDC_OP_DISCOVERY_URL = provider.discovery_url
    settings.OIDC_ORGANISATIES = {
        provider.issuer: {"organisatie": "noordwaarde", "rollen": ROLLEN},
    }
    Organisatie.objects.create(naam="Gemeente Noordwaarde", slug="noordwaarde")
    return provider


def _via_provider(client, provider, state=None, volgende=None):
    """Click "Inloggen met je gemeente-account", sign in at the provider, come back.

    Returns the final response (redirects followed) of the callback."""
    naar_provider = client.get("/oidc/inloggen/", {"next": volgende} if volgende else {})
    assert naar_provider.status_code == 302
    assert naar_provider["Location"].startswith(f"{provider.url}/authorize?")
    bij_provider = requests.get(naar_provider["Location"], allow_redirects=False, timeout=5)
    assert bij_provider.status_code == 302, bij_provider.text
    terug = urlsplit(bij_provider.headers["Location"])
    assert (terug.netloc, terug.path) == ("testserver", "/oidc/terugkeer/")
    query = {k: v[0] for k, v in parse_qs(terug.query).items()}
    if state is not None:
        query["state"] = state
    return client.get(terug.path, query, follow=True)


def _ingelogd(client):
    return User.objects.filter(pk=client.session.get("_auth_user_id")).first()


def _rollen(user):
    return set(user.groups.values_list("name", flat=True))


def _rolregels():
    return list(
        AuditRegel.objects.filter(actie=AuditRegel.Actie.ROL_GEWIJZIGD).order_by("moment", "pk")
    )


def test_first_sign_in_creates_the_user_with_the_mapped_roles_and_organisation(oidc):
    client = Client()
    response = _via_provider(client, oidc, volgende="/zoeken/")
    assert response.redirect_chain[-1][0] == "/zoeken/"  # where she was going
    user = _ingelogd(client)
    assert user is not None
    assert (user.email, user.first_name, user.last_name) == (
        "anna.devries@noordwaarde.nl",
        "Anna",
        "de Vries",
    )
    assert _rollen(user) == {"Consulent", "Teamchef"}  # unmapped "Iets.Anders" gives nothing
    assert user.profiel.organisatie.slug == "noordwaarde"
    assert not user.has_usable_password()  # no second password to keep
    identiteit = OidcIdentiteit.objects.get(gebruiker=user)
    assert (identiteit.issuer, identiteit.sub) == (oidc.issuer, ANNA["sub"])
    [regel] = _rolregels()
    assert regel.onderwerp == user.username and regel.gebruiker is None
    assert "gemeente-account" in regel.reden and "Consulent, Teamchef" in regel.reden


def test_second_sign_in_with_a_new_email_is_the_same_user_and_roles_follow_the_claims(oidc):
    _via_provider(Client(), oidc)
    eerste = User.objects.get(oidc_identiteiten__sub=ANNA["sub"])
    eerste.groups.add(Group.objects.get(name="Trainer"))  # granted here, not by the provider

    oidc.persoon = {**ANNA, "email": "a.devries@noordwaarde.nl", "roles": ["Leernetwerk.Consulent"]}
    client = Client()
    _via_provider(client, oidc)
    tweede = _ingelogd(client)
    assert tweede.pk == eerste.pk
    assert User.objects.count() == 1
    tweede.refresh_from_db()
    assert tweede.email == "a.devries@noordwaarde.nl"
    assert _rollen(tweede) == {"Consulent", "Trainer"}  # Teamchef withdrawn, Trainer untouched
    laatste = _rolregels()[-1]
    assert "ingetrokken" in laatste.reden and "Teamchef" in laatste.reden


def test_a_deactivated_account_is_signed_out_and_cannot_sign_in_again(oidc):
    client = Client()
    _via_provider(client, oidc)
    user = _ingelogd(client)
    user.is_active = False
    user.save()
    assert client.get("/zoeken/")["Location"].startswith("/inloggen/")  # session no longer counts
    response = _via_provider(Client(), oidc)
    assert response.redirect_chain[-1][0] == "/inloggen/"
    assert "niet actief" in response.content.decode()


def test_another_sub_or_another_issuer_is_another_user_even_with_the_same_email(oidc):
    lokaal = User.objects.create_user(
        "anna.lokaal", email=ANNA["email"], password="lokaal-wachtwoord-1"
    )
    client = Client()
    _via_provider(client, oidc)
    via_oidc = _ingelogd(client)
    assert via_oidc is not None and via_oidc.pk != lokaal.pk  # never matched on e-mail

    oidc.persoon = {**ANNA, "sub": "ander-sub"}
    client = Client()
    _via_provider(client, oidc)
    assert _ingelogd(client).pk not in (lokaal.pk, via_oidc.pk)

    # The same sub at another gemeente's tenant (accepted: it is configured) is someone else.
    andere_tenant = "https://login.example/andere-gemeente/v2.0"
    oidc.issuer_override = andere_tenant
    from django.conf import settings

    settings.OIDC_ORGANISATIES = {**settings.OIDC_ORGANISATIES, andere_tenant: {"rollen": {}}}
    oidc.persoon = dict(ANNA)
    client = Client()
    _via_provider(client, oidc)
    anders = _ingelogd(client)
    assert anders is not None and anders.pk != via_oidc.pk
    assert OidcIdentiteit.objects.get(gebruiker=anders).issuer == andere_tenant
    assert _rollen(anders) == set()  # that tenant maps no roles
    assert User.objects.count() == 4


@pytest.mark.parametrize("organisaties", ["geen", "leeg"])
def test_an_empty_mapping_signs_in_without_any_role(oidc, settings, organisaties):
    settings.OIDC_ORGANISATIES = (
        {} if organisaties == "geen" else {oidc.issuer: {"organisatie": "", "rollen": {}}}
    )
    client = Client()
    response = _via_provider(client, oidc)
    user = _ingelogd(client)
    assert user is not None and response.redirect_chain[-1][0] == "/"
    assert _rollen(user) == set()
    assert _rolregels() == []


@pytest.mark.parametrize(
    "knoeien",
    [
        "vreemde_sleutel",  # signed by a key the provider does not publish
        "inhoud_gewijzigd",  # claims changed after signing (Beheerder added)
        "nonce",  # the token is not the answer to our request
        "aud",  # the token is meant for another application
        "verlopen",
        "userinfo_ander_sub",  # userinfo describes someone else than the ID token
        "onbekende_issuer",
    ],
)
def test_a_tampered_or_invalid_token_is_refused_in_dutch_and_nobody_is_signed_in(oidc, knoeien):
    if knoeien == "onbekende_issuer":
        oidc.issuer_override = "https://aanvaller.example/"
    else:
        oidc.knoeien = knoeien
    client = Client()
    response = _via_provider(client, oidc)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == "/inloggen/"
    assert ONGELDIG in response.content.decode()
    assert _ingelogd(client) is None
    assert not User.objects.exists() and not OidcIdentiteit.objects.exists()


def test_a_wrong_or_missing_state_is_refused_and_the_code_is_not_used(oidc):
    client = Client()
    response = _via_provider(client, oidc, state="niet-de-onze", volgende="/zoeken/")
    assert response.redirect_chain[-1][0] == "/inloggen/?next=%2Fzoeken%2F"  # kept for retry
    assert 'href="/oidc/inloggen/?next=/zoeken/"' in response.content.decode()
    assert VERLOPEN in response.content.decode()
    assert _ingelogd(client) is None

    # A callback in a browser that never started the sign-in (e.g. a forwarded link).
    response = Client().get("/oidc/terugkeer/", {"code": "x", "state": "y"}, follow=True)
    assert VERLOPEN in response.content.decode()
    assert not User.objects.exists()


def test_control_characters_from_the_provider_are_not_stored(oidc):
    oidc.persoon = {**ANNA, "given_name": "An\x00na", "family_name": "de\x07 Vries"}
    client = Client()
    _via_provider(client, oidc)
    user = _ingelogd(client)
    assert (user.first_name, user.last_name) == ("Anna", "de Vries")

    oidc.persoon = {**ANNA, "sub": "anna\x00"}  # an identifier cannot be cleaned: refused
    response = _via_provider(Client(), oidc)
    assert ONGELDIG in response.content.decode()
    assert OidcIdentiteit.objects.count() == 1


def test_cancelling_at_the_provider_says_so_once_and_signs_nobody_in(oidc):
    client = Client()
    naar_provider = client.get("/oidc/inloggen/")
    state = parse_qs(urlsplit(naar_provider["Location"]).query)["state"][0]
    response = client.get(
        "/oidc/terugkeer/", {"error": "access_denied", "state": state}, follow=True
    )
    meldingen = [str(m) for m in response.context["messages"]]
    assert meldingen == ["Het inloggen bij je gemeente is afgebroken. Je bent niet ingelogd."]
    assert state not in client.session.get("oidc_states", {})
    assert _ingelogd(client) is None


def test_a_callback_cannot_be_replayed(oidc):
    client = Client()
    naar_provider = client.get("/oidc/inloggen/")
    terug = requests.get(naar_provider["Location"], allow_redirects=False, timeout=5)
    callback = urlsplit(terug.headers["Location"])
    client.get(f"{callback.path}?{callback.query}")
    assert _ingelogd(client) is not None
    state = parse_qs(callback.query)["state"][0]
    assert state not in client.session.get("oidc_states", {})  # used once, then forgotten
    client.post("/uitloggen/")
    response = client.get(f"{callback.path}?{callback.query}", follow=True)
    assert VERLOPEN in response.content.decode()
    assert _ingelogd(client) is None


def test_an_unreachable_provider_gives_a_dutch_message_not_an_error(oidc, settings):
    settings.OIDC_OP_DISCOVERY_URL = "http://127.0.0.1:9/.well-known/openid-configuration"
    response = Client().get("/oidc/inloggen/", follow=True)
    assert response.status_code == 200
    assert "niet bereikbaar" in response.content.decode()


def test_login_page_offers_the_gemeente_account_and_local_login_still_works(oidc):
    User.objects.create_user("lokaal", password="lokaal-wachtwoord-1")
    client = Client()
    pagina = client.get("/inloggen/?next=/zoeken/").content.decode()
    assert "Inloggen met je gemeente-account" in pagina
    assert 'href="/oidc/inloggen/?next=/zoeken/"' in pagina
    response = client.post("/inloggen/", {"username": "lokaal", "password": "lokaal-wachtwoord-1"})
    assert response.status_code == 302
    assert _ingelogd(client).username == "lokaal"


def test_without_oidc_configured_there_is_no_button_and_no_flow(db, settings):
    settings.OIDC_RP_CLIENT_ID = ""
    assert "gemeente-account" not in Client().get("/inloggen/").content.decode()
    assert Client().get("/oidc/inloggen/").status_code == 404
    assert Client().get("/oidc/terugkeer/", {"code": "x", "state": "y"}).status_code == 404


def test_lockout_after_five_wrong_passwords_still_works_with_oidc_configured(oidc, settings):
    settings.AXES_ENABLED = True
    User.objects.create_user("lokaal", password="lokaal-wachtwoord-1")
    client = Client()
    for _ in range(5):
        client.post("/inloggen/", {"username": "lokaal", "password": "fout"})
    response = client.post("/inloggen/", {"username": "lokaal", "password": "lokaal-wachtwoord-1"})
    assert response.status_code == 429
    assert _ingelogd(client) is None


def test_a_mapping_to_a_role_that_does_not_exist_is_named_by_manage_py_check(settings):
    settings.OIDC_ORGANISATIES = {"https://idp.example/": {"rollen": {"Admins": "Superheld"}}}
    with pytest.raises(SystemCheckError, match="Superheld"):
        call_command("check")


def test_a_simultaneous_first_sign_in_uses_the_account_the_other_tab_made(db, monkeypatch):
    from cms import services

    issuer, sub = "https://idp.example/", "gelijktijdig"
    ander = User.objects.create_user("andere-tab")
    OidcIdentiteit.objects.create(gebruiker=ander, issuer=issuer, sub=sub)
    echte = services._oidc_identiteit
    aanroepen = []

    def eerst_nog_niet(*args):
        aanroepen.append(args)  # the other tab commits just after our first look-up
        return None if len(aanroepen) == 1 else echte(*args)

    monkeypatch.setattr(services, "_oidc_identiteit", eerst_nog_niet)
    user = services.oidc_gebruiker_aanmelden(issuer=issuer, sub=sub, claims={"email": "a@b.nl"})
    assert user.pk == ander.pk
    assert User.objects.count() == 1
