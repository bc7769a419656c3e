"""Leermodules: progress from the ledger, completion rules, fixed query counts."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Page

from cms.activiteiten import Activiteit
from cms.models import Team
from cms.services import activiteit_vastleggen
from oefeningen import services
from oefeningen.models import LeermodulePage, LeermoduleToewijzing
from oefeningen.selectors import module_voortgang


@pytest.fixture
def hoofdstuk(index):
    """A stand-in for a handreiking chapter: any live page counts by its ledger record."""
    return index.get_parent().add_child(instance=Page(title="Wat is zelfsturing", slug="hfst-1"))


def _module(index, slug, onderdelen, team="jongeren-noordwaarde", **velden):
    module = LeermodulePage(title=slug, slug=slug, onderdelen=onderdelen, **velden)
    index.add_child(instance=module)
    vandaag = timezone.localdate()
    LeermoduleToewijzing.objects.create(
        module=module,
        team=Team.objects.get(slug=team),
        vanaf=vandaag - timedelta(days=7),
        deadline=vandaag + timedelta(days=7),
    )
    module.save_revision().publish()
    return module


def test_progress_counts_chapters_oefeningen_and_intervisie_in_the_period(
    index, hoofdstuk, maak_oefening, demo_gebruikers
):
    sanne = demo_gebruikers["demo-consulent"]
    schilder = maak_oefening("schilder")
    _module(
        index,
        "module-a",
        [
            {"type": "hoofdstuk", "value": hoofdstuk.pk},
            {"type": "oefening", "value": schilder.pk},
            {"type": "intervisie", "value": {"aantal": 1, "toelichting": ""}},
        ],
    )
    [voortgang] = module_voortgang(sanne)
    assert (voortgang.gedaan, voortgang.totaal, voortgang.afgerond) == (0, 3, False)

    activiteit_vastleggen(
        gebruiker=sanne, soort=Activiteit.Soort.HOOFDSTUK_GELEZEN, onderwerp=hoofdstuk
    )
    activiteit_vastleggen(
        gebruiker=sanne, soort=Activiteit.Soort.OEFENING_AFGEROND, onderwerp=schilder
    )
    # Intervisie before the module period does not count.
    activiteit_vastleggen(
        gebruiker=sanne,
        soort=Activiteit.Soort.INTERVISIE_BIJGEWOOND,
        moment=timezone.now() - timedelta(days=30),
    )
    [voortgang] = module_voortgang(sanne)
    assert [o.gedaan for o in voortgang.onderdelen] == [True, True, False]
    activiteit_vastleggen(gebruiker=sanne, soort=Activiteit.Soort.INTERVISIE_BIJGEWOOND)
    [voortgang] = module_voortgang(sanne)
    assert voortgang.afgerond
    # Not assigned to Anouk's team: she has no modules.
    assert module_voortgang(demo_gebruikers["anouk.bos"]) == []


def test_minimum_rule(index, hoofdstuk, maak_oefening, demo_gebruikers):
    sanne = demo_gebruikers["demo-consulent"]
    schilder = maak_oefening("schilder")
    _module(
        index,
        "module-min",
        [{"type": "hoofdstuk", "value": hoofdstuk.pk}, {"type": "oefening", "value": schilder.pk}],
        afronding=LeermodulePage.Afronding.MINIMUM,
        minimum=1,
    )
    activiteit_vastleggen(
        gebruiker=sanne, soort=Activiteit.Soort.OEFENING_AFGEROND, onderwerp=schilder
    )
    [voortgang] = module_voortgang(sanne)
    assert (voortgang.gedaan, voortgang.nodig, voortgang.afgerond) == (1, 1, True)


def test_module_progress_has_a_fixed_number_of_queries(
    index, hoofdstuk, maak_oefening, demo_gebruikers, django_assert_num_queries
):
    sanne = demo_gebruikers["demo-consulent"]
    schilder = maak_oefening("schilder")
    _module(index, "m1", [{"type": "oefening", "value": schilder.pk}])
    module_voortgang(sanne)  # warm the content cache of the modules
    # The content version, my teams, my ledger.
    with django_assert_num_queries(3):
        assert len(module_voortgang(sanne)) == 1
    crisis = maak_oefening("crisis")
    for n in range(2, 5):
        _module(
            index,
            f"m{n}",
            [
                {"type": "hoofdstuk", "value": hoofdstuk.pk},
                {"type": "oefening", "value": schilder.pk},
                {"type": "oefening", "value": crisis.pk},
                {"type": "intervisie", "value": {"aantal": 2, "toelichting": ""}},
            ],
        )
    module_voortgang(sanne)
    with django_assert_num_queries(3):
        assert len(module_voortgang(sanne)) == 4


def test_a_published_change_to_a_module_shows_at_once(
    index, hoofdstuk, maak_oefening, demo_gebruikers
):
    """Modules are read from the content cache: publishing, a new assignment and an item page
    going offline must each show on the next read."""
    sanne = demo_gebruikers["demo-consulent"]
    schilder = maak_oefening("schilder")
    module = _module(index, "module-c", [{"type": "oefening", "value": schilder.pk}])
    [voortgang] = module_voortgang(sanne)
    assert voortgang.totaal == 1

    module.onderdelen = [
        {"type": "oefening", "value": schilder.pk},
        {"type": "hoofdstuk", "value": hoofdstuk.pk},
    ]
    module.title = "Module C, herzien"
    module.save_revision().publish()
    [voortgang] = module_voortgang(sanne)
    assert (voortgang.module.title, voortgang.totaal) == ("Module C, herzien", 2)

    hoofdstuk.unpublish()
    [voortgang] = module_voortgang(sanne)
    assert voortgang.totaal == 1

    anouk = demo_gebruikers["anouk.bos"]
    assert module_voortgang(anouk) == []
    LeermoduleToewijzing.objects.create(
        module=module,
        team=Team.objects.filter(leden=anouk).first(),
        vanaf=timezone.localdate(),
        deadline=timezone.localdate() + timedelta(days=3),
    )
    assert [v.module.pk for v in module_voortgang(anouk)] == [module.pk]


def test_leermodule_page_and_home_tile_show_progress_and_due_date(
    client_als, index, hoofdstuk, maak_oefening
):
    schilder = maak_oefening("schilder")
    module = _module(
        index,
        "module-b",
        [{"type": "oefening", "value": schilder.pk}, {"type": "hoofdstuk", "value": hoofdstuk.pk}],
    )
    client = client_als("demo-consulent")
    pagina = client.get(module.url).content.decode()
    assert "0 van 2 nodig gedaan" in pagina and schilder.title in pagina
    home = client.get("/").content.decode()
    deadline = (timezone.localdate() + timedelta(days=7)).strftime("%d-%m-%Y")
    assert "Leermodules" in home and f"module-b: 0 van 2, vóór {deadline}" in home
    assert "Leermodules" not in client_als("anouk.bos").get("/").content.decode()


def test_minimum_rule_needs_a_number(index):
    module = LeermodulePage(title="x", slug="x", afronding="minimum", onderdelen=[])
    with pytest.raises(Exception, match="minimaal nodig"):
        module.clean()


def test_my_modules_page_lists_assigned_modules_with_items(
    client_als, index, hoofdstuk, maak_oefening, django_assert_max_num_queries
):
    schilder = maak_oefening("schilder")
    _module(index, "module-c", [{"type": "oefening", "value": schilder.pk}])
    client = client_als("demo-consulent")
    client.get("/oefenen/modules/")
    with django_assert_max_num_queries(15):
        pagina = client.get("/oefenen/modules/").content.decode()
    assert "module-c" in pagina and schilder.title in pagina
    leeg = client_als("anouk.bos").get("/oefenen/modules/").content.decode()
    assert "Er zijn geen leermodules aan jouw teams toegewezen." in leeg


def test_completing_a_module_records_module_afgerond_once(
    index, hoofdstuk, schilder, demo_gebruikers
):
    sanne = demo_gebruikers["demo-consulent"]
    module = _module(
        index,
        "module-af",
        [{"type": "hoofdstuk", "value": hoofdstuk.pk}, {"type": "oefening", "value": schilder.pk}],
    )

    def afgerond():
        return list(
            Activiteit.objects.filter(
                gebruiker=sanne, soort=Activiteit.Soort.MODULE_AFGEROND
            ).values_list("object_id", "moment")
        )

    activiteit_vastleggen(
        gebruiker=sanne, soort=Activiteit.Soort.HOOFDSTUK_GELEZEN, onderwerp=hoofdstuk
    )
    assert afgerond() == []  # one of two items: not complete yet
    activiteit_vastleggen(
        gebruiker=sanne, soort=Activiteit.Soort.OEFENING_AFGEROND, onderwerp=schilder
    )
    [(module_id, moment)] = afgerond()
    assert module_id == module.pk
    # Reading the chapter again, attending intervisie: still one record, first moment kept.
    activiteit_vastleggen(
        gebruiker=sanne, soort=Activiteit.Soort.HOOFDSTUK_GELEZEN, onderwerp=hoofdstuk
    )
    activiteit_vastleggen(gebruiker=sanne, soort=Activiteit.Soort.INTERVISIE_BIJGEWOOND)
    assert afgerond() == [(module.pk, moment)]
    assert services.leermodules_afronden(gebruiker=sanne) == []
    # A colleague in the team who did nothing has no record.
    lotte = demo_gebruikers["lotte.jansen"]
    assert not Activiteit.objects.filter(
        gebruiker=lotte, soort=Activiteit.Soort.MODULE_AFGEROND
    ).exists()
