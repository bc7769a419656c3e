"""The demo tells the leercyclus story: dashboard, home tiles, alerts e-mail, idempotent load.

The demo is loaded once for this module (`demo_module`); each test runs in its own savepoint.
"""

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from cms.activiteiten import Activiteit
from cms.models import Team
from leernetwerk.leercyclus import selectors
from leernetwerk.leercyclus.models import Leercyclusplan, Planmodule
from leernetwerk.models import Voornemen

from .hulp import tabel_uit_html


@pytest.fixture
def demo(settings, demo_module):
    settings.DEBUG = True  # demo_laden refuses without it
    return demo_module


def test_demo_tells_the_story_in_team_jongeren(client_als, demo):
    html = client_als("demo-teamchef").get("/team/jongeren-noordwaarde/").content.decode()
    status = {r[0]: r[-1] for r in tabel_uit_html(html, "dashboard")[1:-1]}
    assert status["Fatima El Amrani"] == "op schema"
    assert status["Sanne de Vries"].startswith("achter: geen intervisie sinds")
    assert status["Daan Mulder"].startswith("geen activiteit sinds")
    assert "Signalen (3)" in html
    # The demo users have a year of activity each.
    eerder = timezone.now() - dt.timedelta(days=300)
    for gebruiker in demo.values():
        assert Activiteit.objects.filter(gebruiker=gebruiker, moment__lt=eerder).exists(), gebruiker


def test_demo_loader_is_idempotent_for_the_leercyclus(demo):
    tellingen = (
        Activiteit.objects.count(),
        Leercyclusplan.objects.count(),
        Planmodule.objects.count(),
        Voornemen.objects.count(),
    )
    call_command("demo_laden", "--geen-index")
    assert (
        Activiteit.objects.count(),
        Leercyclusplan.objects.count(),
        Planmodule.objects.count(),
        Voornemen.objects.count(),
    ) == tellingen


def test_home_tiles_alerts_for_teamchef_and_voornemens_for_everyone(client_als, demo):
    html = client_als("demo-teamchef").get("/").content.decode()
    overzichten = selectors.teamoverzichten(
        Team.objects.filter(teamchefs=demo["demo-teamchef"]), selectors.Periode.laatste_maanden(3)
    )
    n = sum(len(o.signalen) for o in overzichten)
    assert n >= 3 and f"{n} signalen in je teams" in html
    html = client_als("demo-consulent").get("/").content.decode()
    assert "1 open voornemen" in html
    assert "Eerst samenvatten, dan pas een voorstel doen" in html
    assert "signalen in je" not in html


def test_alerts_mail_goes_to_teamchefs_with_participation_only(demo, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://leernetwerk.example.nl"
    call_command("leercyclus_signalen_mailen")
    ontvangers = {m.to[0]: m for m in mail.outbox}
    assert set(ontvangers) == {
        "demo-teamchef@noordwaarde.example",
        "teamchef.lindenhoven@lindenhoven.example",
    }
    bericht = ontvangers["demo-teamchef@noordwaarde.example"]
    assert "Daan Mulder: geen activiteit sinds" in bericht.body
    assert "https://leernetwerk.example.nl/team/jongeren-noordwaarde/" in bericht.body
    assert "Ricardo Martina" not in bericht.body, "only the chef's own teams"
    assert "Netwerkkaart" not in bericht.body and "intervisie sinds" in bericht.body


def test_alerts_mail_dry_run_sends_nothing(demo):
    call_command("leercyclus_signalen_mailen", "--proef")
    assert mail.outbox == []


def test_demo_history_is_plausible_and_names_only_what_exists(demo):
    from django.db.models import Min

    from kennisbank.handreiking.models import HoofdstukPage
    from leernetwerk.models import Intervisiegroep
    from oefeningen.models import OefeningPage

    jaar = timezone.now() - dt.timedelta(days=365)
    for gebruiker in demo.values():
        bijgewoond = Activiteit.objects.filter(
            gebruiker=gebruiker, soort=Activiteit.Soort.INTERVISIE_BIJGEWOOND, moment__gte=jaar
        )
        # A group meets about every four weeks: at most 14 sessions a year per group.
        groepen = max(1, Intervisiegroep.objects.filter(leden=gebruiker).count())
        assert bijgewoond.count() <= 14 * groepen, (gebruiker, bijgewoond.count())
        # Made-up history never runs alongside the real sessions the intervisie demo recorded.
        eerste_echte = bijgewoond.filter(object_id__isnull=False).aggregate(m=Min("moment"))["m"]
        if eerste_echte:
            assert not bijgewoond.filter(object_id__isnull=True, moment__gte=eerste_echte).exists()
    hoofdstukken = set(HoofdstukPage.objects.live().values_list("title", flat=True))
    oefeningen = set(OefeningPage.objects.live().values_list("title", flat=True))
    gelezen = set(
        Activiteit.objects.filter(soort=Activiteit.Soort.HOOFDSTUK_GELEZEN).values_list(
            "titel", flat=True
        )
    )
    gedaan = set(
        Activiteit.objects.filter(soort=Activiteit.Soort.OEFENING_AFGEROND).values_list(
            "titel", flat=True
        )
    )
    assert gelezen and gelezen <= hoofdstukken, gelezen - hoofdstukken
    assert gedaan and gedaan <= oefeningen, gedaan - oefeningen
