"""Permission matrix: every URL against every role, with the status each must get.

One table says, for each path (with objects from the demo content) and each role, what a GET
returns: 200, 403, 404 (also for an existing id the role may not know of), 405 (POST-only),
"L" (sent to /inloggen/) or "R" (another redirect).
A URL in the URL conf or a route of a routable page type without a row here fails
`test_every_url_has_a_row`, so new URLs cannot slip past the matrix.
"""

import re

import pytest
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import get_page_models

# Roles, with the demo account that plays each one.
ROLLEN = {
    "anoniem": None,
    "consulent": "demo-consulent",  # member of both demo intervisie groups
    "buitenstaander": "esra.yilmaz",  # consulent in another team, in no intervisie group
    "trainer": "demo-trainer",  # gespreksleider of the leernetwerk, not of Team Jongeren's group
    "teamchef": "demo-teamchef",  # leads Team Jongeren (and Werk en Participatie)
    "teamchef-ander": "teamchef.lindenhoven",  # leads a team in the other gemeente
    "kennisbeheerder": "demo-kennisbeheerder",
    "beheerder": "demo-beheerder",
}
KOLOMMEN = list(ROLLEN)


def rij(**codes):
    """Expected codes: give 'ingelogd' for the default of logged-in roles, then exceptions."""
    standaard = codes.pop("ingelogd", 200)
    verwacht = {rol: standaard for rol in KOLOMMEN}
    verwacht["anoniem"] = "L"
    verwacht.update({rol.replace("_", "-"): code for rol, code in codes.items()})
    return verwacht


ALLEEN_TEAMCHEF = rij(ingelogd=404, teamchef=200)
ALLEEN_TRAINER = rij(ingelogd=403, trainer=200)
POST = rij(ingelogd=405)
VOORSTELLEN = rij(teamchef=403, teamchef_ander=403, beheerder=403)

# route (as in the URL conf, or "PageModel:route") -> (path template, expected codes)
MATRIX = {
    "inloggen/": ("/inloggen/", {**rij(ingelogd="R"), "anoniem": 200}),
    "uitloggen/": ("/uitloggen/", rij(ingelogd=405)),
    # Sign-in with the gemeente's account: open to all, absent (404) while OIDC is not set up.
    "oidc/inloggen/": ("/oidc/inloggen/", {**rij(ingelogd=404), "anoniem": 404}),
    "oidc/terugkeer/": ("/oidc/terugkeer/?code=x&state=y", {**rij(ingelogd=404), "anoniem": 404}),
    "zoeken/": ("/zoeken/?q=jongeren", rij()),
    "api/zoeken/": ("/api/zoeken/?q=jongeren", rij()),
    "api/zoeken/suggesties/": ("/api/zoeken/suggesties/?q=jon", rij()),
    # Leercyclus: personal pages; a teamchef sees only the teams they lead.
    "mijn-leercyclus/": ("/mijn-leercyclus/", rij()),
    "mijn-leercyclus/reflecties/nieuw/": ("/mijn-leercyclus/reflecties/nieuw/", POST),
    "mijn-leercyclus/reflecties/<int:pk>/verwijderen/": (
        "/mijn-leercyclus/reflecties/{reflectie}/verwijderen/",
        POST,
    ),
    "mijn-leercyclus/voornemens/<int:pk>/reflecteren/": (
        "/mijn-leercyclus/voornemens/{voornemen}/reflecteren/",
        POST,
    ),
    "mijn-leercyclus/modules/<int:pk>/afgerond/": (
        "/mijn-leercyclus/modules/{planmodule}/afgerond/",
        POST,
    ),
    # The portfolio is always the requester's own: there is no id in it to guess.
    "mijn-leercyclus/portfolio.pdf": ("/mijn-leercyclus/portfolio.pdf", rij()),
    "mijn-leercyclus/portfolio.json": ("/mijn-leercyclus/portfolio.json", rij()),
    "mijn-leercyclus/voornemens/nieuw/": ("/mijn-leercyclus/voornemens/nieuw/", POST),
    # Everyone's own reminder settings.
    "mijn-instellingen/": ("/mijn-instellingen/", rij()),
    "mijn-leercyclus/voornemens/<int:pk>/bespreken/": (
        "/mijn-leercyclus/voornemens/{voornemen}/bespreken/",
        rij(ingelogd=404, consulent=200),
    ),
    "team/": ("/team/", rij(ingelogd=403, teamchef=200, teamchef_ander=200)),
    "team/<slug:slug>/": ("/team/jongeren-noordwaarde/", ALLEEN_TEAMCHEF),
    "team/<slug:slug>/plan/": ("/team/jongeren-noordwaarde/plan/", ALLEEN_TEAMCHEF),
    "team/<slug:slug>/export.csv": ("/team/jongeren-noordwaarde/export.csv", ALLEEN_TEAMCHEF),
    "team/<slug:slug>/export.xlsx": ("/team/jongeren-noordwaarde/export.xlsx", ALLEEN_TEAMCHEF),
    # Intervisie: content for group members only; teamchefs see participation.
    "intervisie/": ("/intervisie/", rij()),
    "intervisie/deelname/": (
        "/intervisie/deelname/",
        rij(ingelogd=403, teamchef=200, teamchef_ander=200),
    ),
    "intervisie/uren/": ("/intervisie/uren/", rij()),
    # Own evidence only: without a register period of one's own, sent to set it.
    "intervisie/uren/bewijs.pdf": ("/intervisie/uren/bewijs.pdf", rij(ingelogd="R")),
    "intervisie/uren/bewijs.csv": ("/intervisie/uren/bewijs.csv", rij(ingelogd="R")),
    "intervisie/groepen/<int:pk>/": (
        "/intervisie/groepen/{groep}/",
        rij(ingelogd=404, consulent=200),
    ),
    "intervisie/groepen/<int:pk>/sessies/nieuw/": (
        "/intervisie/groepen/{groep}/sessies/nieuw/",
        rij(ingelogd=404, consulent=200),
    ),
    "intervisie/groepen/<int:pk>/eerdere-sessies/": (
        "/intervisie/groepen/{groep}/eerdere-sessies/",
        POST,
    ),
    "intervisie/sessies/<int:pk>/": (
        "/intervisie/sessies/{sessie}/",
        rij(ingelogd=404, consulent=200, beheerder=403),  # beheerder: the reason form
    ),
    "intervisie/sessies/<int:pk>/bewerken/": (
        "/intervisie/sessies/{sessie}/bewerken/",
        rij(ingelogd=404, consulent=200),
    ),
    "intervisie/sessies/<int:pk>/leiden/": (
        "/intervisie/sessies/{sessie}/leiden/",
        rij(ingelogd=404, consulent=200),
    ),
    "intervisie/sessies/<int:pk>/aanwezigheid/": (
        "/intervisie/sessies/{sessie}/aanwezigheid/",
        POST,
    ),
    "intervisie/sessies/<int:pk>.json": (
        "/intervisie/sessies/{sessie}.json",
        rij(ingelogd=404, consulent=200),
    ),
    "intervisie/sessies/<int:pk>/export.md": (
        "/intervisie/sessies/{sessie}/export.md",
        rij(ingelogd=404, consulent=200),
    ),
    "intervisie/actiepunten/<int:pk>/afronden/": (
        "/intervisie/actiepunten/{actiepunt}/afronden/",
        POST,
    ),
    # Koppels: observations for the pair only; trainers and beheerders form pairs.
    "intervisie/koppels/": ("/intervisie/koppels/", rij()),
    "intervisie/koppels/nieuw/": (
        "/intervisie/koppels/nieuw/",
        rij(ingelogd=403, trainer=200, beheerder=200),
    ),
    "intervisie/koppels/<int:pk>/": (
        "/intervisie/koppels/{koppel}/",
        rij(ingelogd=404, consulent=200),
    ),
    "intervisie/eigen-casus/": ("/intervisie/eigen-casus/", rij()),
    # Oefeningen: attempts are personal; the feedback queue is for trainers.
    "interventieschema/export.<str:formaat>": ("/interventieschema/export.csv", rij()),
    "oefenen/<int:oefening_id>/starten/": ("/oefenen/{oefening}/starten/", POST),
    "oefenen/poging/<int:pk>/": ("/oefenen/poging/{poging}/", rij(ingelogd=404, consulent=200)),
    "oefenen/poging/<int:pk>/stap/<str:stap_id>/": (
        "/oefenen/poging/{poging}/stap/{stap}/",
        rij(ingelogd=404, consulent=200),
    ),
    "oefenen/poging/<int:pk>/stap/<str:stap_id>/zelfbeoordeling/": (
        "/oefenen/poging/{poging}/stap/{stap}/zelfbeoordeling/",
        POST,
    ),
    "oefenen/poging/<int:pk>/stap/<str:stap_id>/feedback-vragen/": (
        "/oefenen/poging/{poging}/stap/{stap}/feedback-vragen/",
        POST,
    ),
    "oefenen/modules/": ("/oefenen/modules/", rij()),
    "oefenen/trainer/feedback/": ("/oefenen/trainer/feedback/", ALLEEN_TRAINER),
    "oefenen/trainer/feedback/<int:antwoord_id>/": (
        "/oefenen/trainer/feedback/{antwoord}/",
        ALLEEN_TRAINER,
    ),
    "oefenen/trainer/oefening/<int:oefening_id>/": (
        "/oefenen/trainer/oefening/{oefening}/",
        ALLEEN_TRAINER,
    ),
    "oefenen/mijn-concepten/": ("/oefenen/mijn-concepten/", rij()),
    "oefenen/mijn-concepten/<int:pk>/": (
        "/oefenen/mijn-concepten/{concept}/",
        rij(ingelogd=404, consulent=200),
    ),
    "oefenen/trainer/concepten/": ("/oefenen/trainer/concepten/", ALLEEN_TRAINER),
    "oefenen/trainer/concepten/<int:pk>/": (
        "/oefenen/trainer/concepten/{concept}/",
        ALLEEN_TRAINER,
    ),
    # Wagtail pages and their routes.
    "page": ("/", rij()),
    "InterventieschemaPage:": ("/interventieschema/", rij()),
    "InterventieschemaPage:lijst/": ("/interventieschema/lijst/?doelgroep=lvb", rij()),
    "InterventieschemaPage:hiaten/": ("/interventieschema/hiaten/", rij()),
    "InterventieschemaPage:importeren/": (
        "/interventieschema/importeren/",
        rij(ingelogd=403, kennisbeheerder=200),  # curation, not for the account beheerder
    ),
    "InterventieschemaPage:importeren/<int:pk>/": (
        "/interventieschema/importeren/{importtaak}/",
        rij(ingelogd=403, kennisbeheerder=200),
    ),
    "InterventieschemaPage:importeren/<int:pk>/voortgang/": (
        "/interventieschema/importeren/{importtaak}/voortgang/",
        rij(ingelogd=403, kennisbeheerder=200),
    ),
    # Proposals: who works with the schema proposes; a teamchef sees participation, not this.
    "InterventieschemaPage:voorstellen/": ("/interventieschema/voorstellen/", VOORSTELLEN),
    "InterventieschemaPage:voorstellen/nieuw/": (
        "/interventieschema/voorstellen/nieuw/",
        VOORSTELLEN,
    ),
    "InterventieschemaPage:voorstellen/wijziging/<int:pk>/": (
        "/interventieschema/voorstellen/wijziging/{interventie}/",
        VOORSTELLEN,
    ),
    "InterventiePage": ("{interventie_url}", rij()),
    "BeslismomentPage": ("{beslismoment_url}", rij()),
    "HandreikingIndexPage": ("/handreiking/", rij()),
    "HandreikingPage:": ("{boek_url}", rij()),
    "HandreikingPage:begrippen/": ("{boek_url}begrippen/", rij()),
    "HandreikingPage:afdrukken/": ("{boek_url}afdrukken/", rij()),
    "HandreikingPage:pdf/": ("{boek_url}pdf/", rij()),
    "HoofdstukPage:": ("{hoofdstuk_url}", rij()),
    "HoofdstukPage:gelezen/": ("{hoofdstuk_url}gelezen/", rij(ingelogd=404)),  # POST only
    "HoofdstukPage:wijzigingen/": ("{hoofdstuk_url}wijzigingen/", rij()),
    "OefeningenIndexPage": ("/oefeningen/", rij()),
    "OefeningPage": ("{oefening_url}", rij()),
    "LeermodulePage": ("{module_url}", rij()),
    # The Wagtail admin: not for consulenten and teamchefs (they see "Geen toegang").
    "beheer/": (
        "/beheer/",
        rij(ingelogd=200, consulent=403, buitenstaander=403, teamchef=403, teamchef_ander=403),
    ),
    "beheer/pages/": (
        "/beheer/pages/",
        rij(ingelogd=200, consulent=403, buitenstaander=403, teamchef=403, teamchef_ander=403),
    ),
    "beheer/auditlog": (
        "/beheer/snippets/cms/auditregel/",
        rij(
            ingelogd="R",
            beheerder=200,
            consulent=403,
            buitenstaander=403,
            teamchef=403,
            teamchef_ander=403,
        ),
    ),
}

# Routes that are not pages of ours: Wagtail's admin (sampled above), documents, its own
# login (redirected to ours) and password-protected pages (not used).
NIET_IN_MATRIX = re.compile(r"^(beheer/|documenten/|_util/|\^media/|\^\(\(\?:)")


def _routes(patterns, prefix=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            yield from _routes(p.url_patterns, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern)


def _pagina_routes():
    for model in get_page_models():
        if issubclass(model, RoutablePageMixin) and model._meta.app_label != "wagtailcore":
            for route in _routes(model.get_subpage_urls()):
                yield f"{model.__name__}:{route}"


def test_every_url_has_a_row():
    routes = {r for r in _routes(get_resolver().url_patterns) if not NIET_IN_MATRIX.match(r)}
    routes |= set(_pagina_routes())
    assert routes - set(MATRIX) == set(), "add these URLs to the permission matrix"


def _objecten():
    from django.contrib.auth import get_user_model

    from kennisbank.handreiking.models import HandreikingPage, HoofdstukPage
    from kennisbank.models import BeslismomentPage, ImportTaak, InterventiePage
    from leernetwerk.leercyclus.models import Planmodule, Reflectie
    from leernetwerk.models import Actiepunt, Intervisiesessie, Koppel, Voornemen
    from oefeningen.models import Antwoord, LeermodulePage, Oefeningconcept, OefeningPage, Poging

    consulent = get_user_model().objects.get(username="demo-consulent")
    sessie = Intervisiesessie.objects.filter(
        groep__slug="intervisie-team-jongeren", actiepunten__isnull=False
    ).first()
    poging = Poging.objects.filter(gebruiker=consulent).first()
    reflectie = Reflectie.objects.filter(gebruiker=consulent).first() or Reflectie.objects.create(
        gebruiker=consulent, tekst="Ik wil vaker samenvatten aan het eind van een gesprek."
    )
    return {
        "groep": sessie.groep.pk,
        "sessie": sessie.pk,
        "actiepunt": Actiepunt.objects.filter(sessie=sessie).first().pk,
        "voornemen": Voornemen.objects.filter(gebruiker=consulent, status="open").first().pk,
        "reflectie": reflectie.pk,
        "planmodule": Planmodule.objects.filter(plan__team__leden=consulent).first().pk,
        "poging": poging.pk,
        "stap": poging.huidige_stap or poging.antwoorden.first().stap_id,
        "antwoord": Antwoord.objects.filter(feedback_gevraagd__isnull=False).first().pk,
        "oefening": poging.oefening.pk,
        "interventie": InterventiePage.objects.live().first().pk,
        "interventie_url": InterventiePage.objects.live().first().url,
        "beslismoment_url": BeslismomentPage.objects.live().first().url,
        "boek_url": HandreikingPage.objects.live().first().url,
        "hoofdstuk_url": HoofdstukPage.objects.live().first().url,
        "oefening_url": OefeningPage.objects.live().first().url,
        "module_url": LeermodulePage.objects.live().first().url,
        "koppel": Koppel.objects.get(eerste=consulent).pk,  # with fatima.elamrani
        "concept": Oefeningconcept.objects.filter(auteur=consulent).first().pk,
        "importtaak": (
            ImportTaak.objects.first() or ImportTaak.objects.create(bestandsnaam="demo.csv")
        ).pk,
    }


def _gekregen(client, pad, ingelogd):
    response = client.get(pad)
    if response.status_code == 302:
        if not response["Location"].startswith("/inloggen/"):
            return "R"
        if not ingelogd:
            return "L"
        # A logged-in user sent to the login page lacks access: it answers "Geen toegang".
        return client.get(response["Location"]).status_code
    return response.status_code


@pytest.mark.django_db
def test_permission_matrix(client, settings):
    from django.contrib.auth import get_user_model

    settings.DEBUG = True  # the demo loader refuses without it
    call_command("demo_laden", "--geen-index", verbosity=0)
    settings.DEBUG = False
    objecten = _objecten()
    gebruikers = {
        u.username: u
        for u in get_user_model().objects.filter(username__in=[u for u in ROLLEN.values() if u])
    }
    afwijkingen = []
    for rol, username in ROLLEN.items():
        client.logout()
        if username:
            client.force_login(gebruikers[username])
        for route, (sjabloon, verwacht) in MATRIX.items():
            pad = sjabloon.format(**objecten)
            gekregen = _gekregen(client, pad, ingelogd=bool(username))
            if gekregen != verwacht[rol]:
                afwijkingen.append(f"{rol:16} {pad:60} verwacht {verwacht[rol]}, kreeg {gekregen}")
    assert afwijkingen == [], "\n" + "\n".join(afwijkingen)
