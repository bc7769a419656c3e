import importlib
import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from django.test import Client
from django.utils import timezone

from cms.audit import AuditRegel
from cms.huidige import _gebruiker
from leernetwerk.leercyclus.models import Reflectie

ROOT = Path(__file__).resolve().parent.parent.parent


def test_role_change_by_a_person_is_audited(demo_gebruikers):
    beheerder = demo_gebruikers["demo-beheerder"]
    consulent = demo_gebruikers["daan.mulder"]
    token = _gebruiker.set(beheerder)
    try:
        consulent.groups.add(Group.objects.get(name="Teamchef"))
    finally:
        _gebruiker.reset(token)
    regel = AuditRegel.objects.get(actie=AuditRegel.Actie.ROL_GEWIJZIGD)
    assert regel.gebruiker == beheerder
    assert regel.onderwerp == "daan.mulder"
    assert "Teamchef" in regel.reden


def test_audit_log_is_for_beheerders_only(client_als):
    assert client_als("demo-beheerder").get("/beheer/snippets/cms/auditregel/").status_code == 200
    response = client_als("demo-trainer").get("/beheer/snippets/cms/auditregel/")
    assert response.status_code in (302, 403)


@pytest.mark.django_db
def test_login_is_throttled_after_five_failures(client, settings, demo_gebruikers, wachtwoord):
    settings.AXES_ENABLED = True
    for _ in range(5):
        client.post("/inloggen/", {"username": "demo-consulent", "password": "fout"})
    response = client.post("/inloggen/", {"username": "demo-consulent", "password": wachtwoord})
    assert response.status_code == 429
    assert "Tijdelijk geblokkeerd" in response.content.decode()


def test_team_export_is_audited(client_als):
    response = client_als("demo-teamchef").get("/team/jongeren-noordwaarde/export.csv")
    assert response.status_code == 200
    regel = AuditRegel.objects.get(actie=AuditRegel.Actie.EXPORT)
    assert regel.gebruiker.username == "demo-teamchef"
    assert "jongeren-noordwaarde" in regel.onderwerp


# --- Login throttling: the combination of account and client address -----------------------

ECHTE_GEBRUIKER = "198.51.100.7"
AANVALLER = "203.0.113.5"
PROXY = "10.0.0.254"


def _inloggen(naam, wachtwoord, adres, doorgestuurd=None):
    """One login attempt from a fresh browser at `adres` (REMOTE_ADDR), optionally through a
    proxy that sends X-Forwarded-For."""
    extra = {"REMOTE_ADDR": adres}
    if doorgestuurd is not None:
        extra["HTTP_X_FORWARDED_FOR"] = doorgestuurd
    return Client().post("/inloggen/", {"username": naam, "password": wachtwoord}, **extra)


@pytest.fixture
def axes_aan(settings, db):
    settings.AXES_ENABLED = True
    return settings


def test_failures_lock_the_attacker_address_not_the_real_user(
    axes_aan, demo_gebruikers, wachtwoord
):
    for _ in range(5):
        _inloggen("demo-consulent", "fout", AANVALLER)
    assert _inloggen("demo-consulent", wachtwoord, AANVALLER).status_code == 429
    assert _inloggen("demo-consulent", wachtwoord, ECHTE_GEBRUIKER).status_code == 302


def test_behind_a_trusted_proxy_one_client_does_not_lock_out_another(
    axes_aan, demo_gebruikers, wachtwoord
):
    axes_aan.VERTROUWDE_PROXY_AANTAL = 1
    for _ in range(5):
        _inloggen("demo-consulent", "fout", PROXY, doorgestuurd=AANVALLER)
    response = _inloggen("demo-consulent", wachtwoord, PROXY, doorgestuurd=ECHTE_GEBRUIKER)
    assert response.status_code == 302
    assert _inloggen("demo-consulent", wachtwoord, PROXY, doorgestuurd=AANVALLER).status_code == 429
    # The proxy appends the address it saw: a forged entry in front of it changes nothing.
    vervalst = f"{ECHTE_GEBRUIKER}, {AANVALLER}"
    assert _inloggen("demo-consulent", wachtwoord, PROXY, doorgestuurd=vervalst).status_code == 429


def test_without_a_trusted_proxy_a_forged_header_does_not_escape_the_lock(
    axes_aan, demo_gebruikers, wachtwoord
):
    assert axes_aan.VERTROUWDE_PROXY_AANTAL == 0
    for i in range(5):
        _inloggen("demo-consulent", "fout", AANVALLER, doorgestuurd=f"192.0.2.{i}")
    response = _inloggen("demo-consulent", wachtwoord, AANVALLER, doorgestuurd="192.0.2.99")
    assert response.status_code == 429
    assert _inloggen("demo-consulent", wachtwoord, ECHTE_GEBRUIKER).status_code == 302


@pytest.mark.parametrize("waarde", ["twee", "-1"])
def test_proxy_count_must_be_a_whole_number(monkeypatch, waarde):
    monkeypatch.setenv("VERTROUWDE_PROXY_AANTAL", waarde)
    sys.modules.pop("cms.settings.base", None)
    try:
        with pytest.raises(ImproperlyConfigured, match="VERTROUWDE_PROXY_AANTAL"):
            importlib.import_module("cms.settings.base")
    finally:
        sys.modules.pop("cms.settings.base", None)
        monkeypatch.delenv("VERTROUWDE_PROXY_AANTAL")
        importlib.import_module("cms.settings.base")


# --- Login redirects --------------------------------------------------------------------------


def test_admin_login_link_keeps_its_destination(client, db):
    response = client.get("/beheer/login/?next=/beheer/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/inloggen/?next=/beheer/pages/"


def test_editor_logging_in_through_the_admin_link_lands_on_the_admin_page(
    client, demo_gebruikers, wachtwoord
):
    formulier = client.get("/beheer/login/?next=/beheer/pages/", follow=True)
    assert formulier.status_code == 200
    # As a browser submits the form: to its action, with the hidden "next" it was given.
    response = client.post(
        "/inloggen/",
        {
            "username": "demo-kennisbeheerder",
            "password": wachtwoord,
            "next": formulier.context["next"],
        },
        follow=True,
    )
    assert response.status_code == 200
    assert response.request["PATH_INFO"] == "/beheer/pages/"


def test_logged_in_editor_following_the_admin_link_lands_on_the_admin_page(client_als):
    client = client_als("demo-trainer")
    response = client.get("/beheer/login/?next=/beheer/pages/", follow=True)
    assert response.status_code == 200
    assert response.request["PATH_INFO"] == "/beheer/pages/"


def test_consulent_logging_in_for_the_admin_is_sent_to_the_front_end(
    client, demo_gebruikers, wachtwoord
):
    response = client.post(
        "/inloggen/?next=/beheer/pages/",
        {"username": "demo-consulent", "password": wachtwoord, "next": "/beheer/pages/"},
        follow=True,
    )
    assert response.status_code == 200
    assert response.request["PATH_INFO"] == "/"
    html = response.content.decode()
    assert "Goedendag, Sanne" in html
    assert "Het beheer is er voor redacteuren en beheerders" in html


def test_logged_in_consulent_in_the_admin_gets_a_dutch_explanation(client_als):
    response = client_als("demo-consulent").get("/beheer/pages/", follow=True)
    assert response.status_code == 403
    html = response.content.decode()
    assert "Het beheer is er voor redacteuren en beheerders" in html
    assert 'href="/"' in html
    # One clear message, not Wagtail's terse one on top of it.
    assert "administratoropties" not in html


OFF_SITE = ["//evil.example", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"]


@pytest.mark.parametrize("volgende", OFF_SITE)
def test_login_never_redirects_off_the_site(client, demo_gebruikers, wachtwoord, volgende):
    response = client.post(
        "/inloggen/", {"username": "demo-consulent", "password": wachtwoord, "next": volgende}
    )
    assert response.status_code == 302
    assert response["Location"] == "/"


@pytest.mark.parametrize(
    "volgende", ["//evil.example/beheer/", "https://evil.example/beheer/", "/\\evil.example"]
)
def test_logged_in_login_page_never_redirects_off_the_site(client_als, volgende):
    response = client_als("demo-beheerder").get("/inloggen/", {"next": volgende})
    assert "evil.example" not in response.get("Location", "")


# --- CSRF ------------------------------------------------------------------------------------


@pytest.fixture
def csrf_client(demo_gebruikers):
    client = Client(enforce_csrf_checks=True)
    client.force_login(demo_gebruikers["demo-consulent"])
    return client


def test_state_changing_posts_without_csrf_token_are_refused(csrf_client, demo_gebruikers):
    data = {"datum": f"{timezone.localdate()}", "tekst": "Vaker samenvatten."}
    response = csrf_client.post("/mijn-leercyclus/reflecties/nieuw/", data)
    assert response.status_code == 403
    assert not Reflectie.objects.exists()
    assert csrf_client.post("/uitloggen/").status_code == 403
    assert csrf_client.get("/mijn-leercyclus/").status_code == 200, "still logged in"
    # With the token from the page the same request goes through.
    csrf_client.get("/mijn-leercyclus/")
    token = csrf_client.cookies["csrftoken"].value
    response = csrf_client.post(
        "/mijn-leercyclus/reflecties/nieuw/", {**data, "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    assert Reflectie.objects.filter(gebruiker=demo_gebruikers["demo-consulent"]).count() == 1


def test_login_without_csrf_token_is_refused_with_a_dutch_explanation(demo_gebruikers, wachtwoord):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/inloggen/", {"username": "demo-consulent", "password": wachtwoord})
    assert response.status_code == 403
    html = response.content.decode()
    assert '<html lang="nl">' in html
    assert "Dit formulier is verlopen" in html
    assert "_auth_user_id" not in client.session


# --- Production settings ---------------------------------------------------------------------


def productie_omgeving(tmp_path):
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith(("SECURE_", "DJANGO_"))},
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "deploy-check-" + "k7Qz" * 12,
        "ALLOWED_HOSTS": "leernetwerk.example.nl",
        "CSRF_TRUSTED_ORIGINS": "https://leernetwerk.example.nl",
        "WAGTAILADMIN_BASE_URL": "https://leernetwerk.example.nl",
        "LEERNETWERK_VAR_DIR": str(tmp_path),
    }


def test_deploy_checks_report_nothing_under_production_settings(tmp_path):
    resultaat = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
        cwd=ROOT,
        env=productie_omgeving(tmp_path),
        capture_output=True,
        text=True,
    )
    uitvoer = resultaat.stdout + resultaat.stderr
    assert resultaat.returncode == 0, uitvoer
    assert "System check identified no issues (0 silenced)." in uitvoer


def test_production_csp_allows_inline_scripts_only_in_the_admin(client_als, settings, tmp_path):
    with mock.patch.dict(os.environ, productie_omgeving(tmp_path)):
        sys.modules.pop("cms.settings.production", None)
        productie = importlib.import_module("cms.settings.production")
    settings.LEERNETWERK_CSP = productie.LEERNETWERK_CSP
    settings.LEERNETWERK_CSP_BEHEER = productie.LEERNETWERK_CSP_BEHEER
    client = client_als("demo-kennisbeheerder")
    site = client.get("/")["Content-Security-Policy"]
    script_src = next(d for d in site.split("; ") if d.startswith("script-src"))
    assert script_src == "script-src 'self'"
    assert "frame-ancestors 'none'" in site
    beheer = client.get("/beheer/")["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline'" in beheer
