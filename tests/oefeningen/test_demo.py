"""The oefeningen demo (loaded once for this module; each test in its own savepoint)."""

import io

import pytest

from oefeningen.demo import demo_laden
from oefeningen.models import Antwoord, LeermodulePage, OefeningPage, Poging


@pytest.fixture
def demo(demo_module):
    return {o.slug: o for o in OefeningPage.objects.live()}


def test_demo_has_eight_oefeningen_every_step_type_two_modules_and_is_idempotent(demo):
    assert len(demo) >= 8
    typen = {stap.block_type for o in demo.values() for stap in o.stappen}
    assert typen == {"meerkeuze", "beslismoment", "interventies", "fragment", "open"}
    modules = {m.slug: m for m in LeermodulePage.objects.live()}
    assert len(modules) == 2
    teams = {t.team.slug for m in modules.values() for t in m.toewijzingen.all()}
    assert teams == {"jongeren-noordwaarde", "activering-lindenhoven"}
    wachtend = Antwoord.objects.filter(feedback_gevraagd__isnull=False, feedback__isnull=True)
    assert wachtend.filter(poging__gebruiker__username="demo-consulent").exists()

    tellingen = (OefeningPage.objects.count(), Poging.objects.count(), Antwoord.objects.count())
    stap_ids = {o.slug: [s.id for s in o.stappen] for o in demo.values()}
    demo_laden(io.StringIO())
    assert (OefeningPage.objects.count(), Poging.objects.count(), Antwoord.objects.count()) == (
        tellingen
    )
    assert {o.slug: [s.id for s in o.stappen] for o in OefeningPage.objects.all()} == stap_ids


def test_demo_chapter_links_to_its_oefening_under_oefen_dit(demo, client_als):
    from kennisbank.handreiking.models import HoofdstukPage

    hoofdstuk = HoofdstukPage.objects.live().get(slug="motiverende-gespreksvoering")
    html = client_als("demo-consulent").get(hoofdstuk.url).content.decode()
    assert 'id="oefen-kop">Oefen dit</h2>' in html
    oefen_dit = html.split('id="oefen-kop"')[1].split("</section>")[0]
    assert f'<a href="{demo["ja-maar"].url}">' in oefen_dit
    # Loading the demo again adds no second link and no new version.
    revisies = hoofdstuk.revisions.count()
    demo_laden(io.StringIO())
    hoofdstuk.refresh_from_db()
    verwijzingen = [b for b in hoofdstuk.body if b.block_type == "verwijzing"]
    assert [b.value["pagina"].pk for b in verwijzingen].count(demo["ja-maar"].pk) == 1
    assert hoofdstuk.revisions.count() == revisies


def test_the_vague_goal_exercise_practises_specific_and_learning_goals(demo, client_als):
    oefening = demo["vaag-doel"]
    assert {f.reeks.slug for f in oefening.fases.all()} == {"trajectfasen", "methodisch-handelen"}
    leerdoel = next(s for s in oefening.stappen if s.value["titel"] == "Specifiek of leerdoel?")
    juist = [o["tekst"] for o in leerdoel.value["opties"] if o["juist"]]
    assert len(juist) == 1 and juist[0].startswith("Leren")
    html = client_als("demo-consulent").get(oefening.url).content.decode()
    assert "Een vaag doel herschrijven" in html
