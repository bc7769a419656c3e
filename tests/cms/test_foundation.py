import importlib
import re._constants as _constants
import re._parser as _parser
import sys

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.models import GroupPagePermission, Page

from cms.models import Doelgroep, Fase, FaseReeks, Klanttype, Organisatie, Team, Trede
from cms.rollen import ROLLEN


def _productie_instellingen():
    sys.modules.pop("cms.settings.production", None)
    return importlib.import_module("cms.settings.production")


def test_production_settings_refuse_missing_secret(monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("ALLOWED_HOSTS", "leernetwerk.example.nl")
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY"):
        _productie_instellingen()


def test_production_settings_refuse_missing_public_address(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "x" * 50)
    monkeypatch.setenv("ALLOWED_HOSTS", "leernetwerk.example.nl")
    monkeypatch.delenv("WAGTAILADMIN_BASE_URL", raising=False)
    with pytest.raises(ImproperlyConfigured, match="WAGTAILADMIN_BASE_URL"):
        _productie_instellingen()
    monkeypatch.setenv("WAGTAILADMIN_BASE_URL", "leernetwerk.example.nl")
    with pytest.raises(ImproperlyConfigured, match="WAGTAILADMIN_BASE_URL"):
        _productie_instellingen()


def test_production_settings_read_environment(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "x" * 50)
    monkeypatch.setenv("ALLOWED_HOSTS", "leernetwerk.example.nl,www.example.nl")
    monkeypatch.setenv("WAGTAILADMIN_BASE_URL", "https://leernetwerk.example.nl/")
    monkeypatch.setenv("DATABASE_URL", "postgres://ln:geheim@db.example.nl:5432/leernetwerk")
    monkeypatch.setenv("SEARCH_INDEX_DIR", "/srv/zoekindex")
    production = _productie_instellingen()
    assert production.ALLOWED_HOSTS == ["leernetwerk.example.nl", "www.example.nl"]
    assert production.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    assert production.DATABASES["default"]["HOST"] == "db.example.nl"
    assert str(production.SEARCH_INDEX_DIR) == "/srv/zoekindex"
    assert production.WAGTAILADMIN_BASE_URL == "https://leernetwerk.example.nl"
    assert production.SESSION_COOKIE_SECURE and production.CSRF_COOKIE_SECURE
    assert production.SECURE_HSTS_SECONDS > 0


@pytest.mark.django_db
def test_reference_taxonomies_are_loaded_by_migration():
    assert FaseReeks.objects.get(standaard=True).slug == "trajectfasen"
    trajectfasen = list(
        Fase.objects.filter(reeks__slug="trajectfasen").values_list("naam", flat=True)
    )
    assert trajectfasen[0] == "Voorafgaand" and trajectfasen[-1] == "Nazorg"
    assert len(trajectfasen) == 6
    assert Fase.objects.filter(reeks__slug="gedragsfasen").count() == 5
    assert set(Klanttype.objects.values_list("slug", flat=True)) == {
        "toetser",
        "co-producent",
        "regievoerder",
    }
    assert Trede.objects.filter(ladder__standaard=True, bovenliggend__isnull=True).count() == 6
    assert Trede.objects.get(code="2.3").bovenliggend.code == "2"
    assert Doelgroep.objects.get(slug="jongeren-zonder-startkwalificatie").bovenliggend.slug == (
        "jongeren"
    )


@pytest.mark.django_db
def test_roles_exist_with_their_permissions():
    groepen = {g.name: g for g in Group.objects.prefetch_related("permissions")}
    assert set(ROLLEN) <= set(groepen)

    def codes(rol):
        return {f"{p.content_type.app_label}.{p.codename}" for p in groepen[rol].permissions.all()}

    assert "wagtailadmin.access_admin" not in codes("Consulent")
    assert "wagtailadmin.access_admin" not in codes("Teamchef")
    assert "wagtailadmin.access_admin" in codes("Trainer")
    assert "cms.change_doelgroep" in codes("Kennisbeheerder")
    assert "cms.change_doelgroep" not in codes("Trainer")
    assert "auth.change_user" in codes("Beheerder")
    root = Page.get_first_root_node()
    trainer_pagina = set(
        GroupPagePermission.objects.filter(group__name="Trainer", page=root).values_list(
            "permission__codename", flat=True
        )
    )
    assert trainer_pagina == {"add_page", "change_page"}, "a trainer submits, never publishes"
    assert GroupPagePermission.objects.filter(
        group__name="Kennisbeheerder", permission__codename="publish_page"
    ).exists()


def _voorbeeldpaden(patterns, prefix=""):
    """Turn every URL pattern into a concrete path that it matches."""
    for p in patterns:
        eigen = _voorbeeld(_parser.parse(p.pattern.regex.pattern))
        if isinstance(p, URLResolver):
            yield from _voorbeeldpaden(p.url_patterns, prefix + eigen)
        elif isinstance(p, URLPattern):
            yield prefix + eigen


def _voorbeeld(parsed):
    """A short string that the parsed regular expression matches."""
    c = _constants
    uit = []
    for op, av in parsed:
        if op is c.LITERAL:
            uit.append(chr(av))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            laag, _hoog, sub = av
            uit.append(_voorbeeld(sub) * max(laag, 1))
        elif op is c.SUBPATTERN:
            uit.append(_voorbeeld(av[-1]))
        elif op is c.BRANCH:
            uit.append(_voorbeeld(av[1][0]))
        elif op is c.IN:
            uit.append(_teken_uit_klasse(av))
        elif op in (c.ANY, c.NOT_LITERAL):
            uit.append("a")
    return "".join(uit)


def _teken_uit_klasse(items):
    c = _constants
    if items and items[0][0] is c.NEGATE:
        return "a"
    for op, av in items:
        if op is c.RANGE:
            return chr(av[0])
        if op is c.CATEGORY:
            return "1" if av is c.CATEGORY_DIGIT else "a"
    return chr(items[0][1])


ALLE_PADEN = sorted({"/" + p for p in _voorbeeldpaden(get_resolver().url_patterns)})
OPEN_PADEN = {"/inloggen/", "/oidc/inloggen/", "/oidc/terugkeer/"}  # OIDC: tests/cms/test_oidc.py


def test_url_walk_finds_the_entry_points():
    for pad in [
        "/inloggen/",
        "/uitloggen/",
        "/zoeken/",
        "/api/zoeken/",
        "/intervisie/",
        "/mijn-leercyclus/",
        "/team/",
        "/beheer/",
    ]:
        assert pad in ALLE_PADEN


@pytest.mark.django_db
@pytest.mark.parametrize("pad", [p for p in ALLE_PADEN if p not in OPEN_PADEN])
def test_every_url_sends_anonymous_users_to_login(client, pad):
    response = client.get(pad, follow=True)
    assert response.redirect_chain, pad
    assert response.request["PATH_INFO"] == "/inloggen/", (pad, response.redirect_chain)
    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("pad", ["/", "/handreiking/", "/interventieschema/x/", "/beheer/pages/"])
def test_wagtail_pages_send_anonymous_users_to_login(client, pad):
    response = client.get(pad)
    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen/?next=")


@pytest.mark.django_db
def test_login_page_is_dutch_and_open(client):
    response = client.get("/inloggen/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="nl">' in html
    assert 'name="username"' in html and 'name="password"' in html
    assert "Gebruikersnaam" in html and "Wachtwoord" in html


def test_demo_user_logs_in_and_sees_dutch_home(client, demo_gebruikers, wachtwoord):
    response = client.post(
        "/inloggen/", {"username": "demo-consulent", "password": wachtwoord}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/"
    html = response.content.decode()
    assert "Goedendag, Sanne" in html
    for label in [
        "Handreiking",
        "Interventieschema",
        "Oefeningen",
        "Intervisie",
        "Mijn leercyclus",
    ]:
        assert label in html
    assert "Mijn team" not in html, "a consulent is not a teamchef"
    assert 'href="/beheer/"' not in html


def test_wrong_password_gives_dutch_error_and_keeps_username(client, demo_gebruikers):
    response = client.post("/inloggen/", {"username": "demo-consulent", "password": "fout"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "combinatie van gebruikersnaam en wachtwoord is onbekend" in html
    assert 'value="demo-consulent"' in html


def test_navigation_follows_role(client_als):
    html = client_als("demo-teamchef").get("/").content.decode()
    assert "Mijn team" in html
    html = client_als("demo-trainer").get("/").content.decode()
    assert 'href="/beheer/"' in html


def test_teamchef_overview_only_for_teamchefs(client_als):
    assert client_als("demo-consulent").get("/team/").status_code == 403
    response = client_als("demo-teamchef").get("/team/")
    assert response.status_code == 200
    assert "Sanne de Vries" in response.content.decode()


def test_consulent_cannot_use_wagtail_admin(client_als):
    response = client_als("demo-consulent").get("/beheer/", follow=True)
    assert response.status_code == 403
    assert "Geen toegang" in response.content.decode()


@pytest.mark.django_db
def test_demo_loader_is_idempotent(settings):
    settings.DEBUG = True
    call_command("demo_laden", "--geen-index")
    tellingen = (Organisatie.objects.count(), Team.objects.count(), _gebruikers())
    call_command("demo_laden", "--geen-index")
    assert (Organisatie.objects.count(), Team.objects.count(), _gebruikers()) == tellingen
    assert tellingen[:2] == (2, 3) and tellingen[2] >= 15


@pytest.mark.django_db
def test_demo_loader_refuses_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("demo_laden")


def _gebruikers():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.count()


def test_dates_stay_dutch_for_a_browser_that_asks_for_english(client_als):
    import datetime as dt

    from leernetwerk.models import Voornemen

    client = client_als("demo-consulent")
    gebruiker = client.get("/mijn-leercyclus/").wsgi_request.user
    voornemen = Voornemen.objects.create(gebruiker=gebruiker, titel="Eerst samenvatten")
    Voornemen.objects.filter(pk=voornemen.pk).update(
        aangemaakt=dt.datetime(2026, 3, 3, 12, tzinfo=dt.UTC)
    )
    html = client.get("/mijn-leercyclus/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9").content.decode()
    assert "3 maart 2026" in html
    assert "March" not in html
    assert '<html lang="nl"' in html
