"""The "kies je interventies" intake: real choices, defensible alternatives, a strict loader."""

import pytest

from kennisbank.models import InterventiePage
from oefeningen import demo as oefeningen_demo


def _stap(oefening):
    return next(s for s in oefening.stappen if s.block_type == "interventies")


def _pk(slug):
    return str(InterventiePage.objects.get(slug=slug).pk)


@pytest.fixture
def intake(maak_oefening):
    return maak_oefening("intake-jongere")


def test_the_trainer_chooses_the_interventies_the_exercise_explains(intake):
    stap = _stap(intake)
    gekozen = {InterventiePage.objects.get(pk=pk).slug for pk in stap.block.trainer_ids(stap.value)}
    assert gekozen == set(oefeningen_demo.TRAINER_UITLEG)
    assert "no-show-actief-contact" not in gekozen


def test_the_trainers_choice_scores_full_marks(intake):
    stap = _stap(intake)
    keuzes = [_pk(s) for s in oefeningen_demo.TRAINER_UITLEG]
    assert stap.block.beoordeel(stap.value, {"keuzes": keuzes}).score == 1.0


def test_a_defensible_extra_pick_costs_nothing_and_a_weak_one_does(intake):
    stap = _stap(intake)
    trainer = [_pk(s) for s in oefeningen_demo.TRAINER_UITLEG]
    met_verdedigbaar = trainer + [_pk("afspraken-zoekperiode")]
    met_zwak = trainer + [_pk("no-show-actief-contact")]
    assert stap.block.beoordeel(stap.value, {"keuzes": met_verdedigbaar}).score == 1.0
    assert stap.block.beoordeel(stap.value, {"keuzes": met_zwak}).score == pytest.approx(0.75)


def test_feedback_names_a_defensible_pick_and_explains_it(intake):
    stap = _stap(intake)
    titels = {str(iv.pk): iv.title for iv in InterventiePage.objects.all()}
    regels = stap.block.vergelijking(stap.value, [_pk("afspraken-zoekperiode")], titels)
    eigen = next(r for r in regels if r["pk"] == _pk("afspraken-zoekperiode"))
    assert eigen["soort"] == "ook_verdedigbaar"
    assert "zoekperiode" in eigen["uitleg"]


def test_the_demo_loader_refuses_an_oefening_that_names_a_missing_interventie(db, monkeypatch):
    monkeypatch.setitem(oefeningen_demo.TRAINER_UITLEG, "bestaat-niet", "uitleg")
    with pytest.raises(oefeningen_demo.OntbrekendeDemoInhoud, match="bestaat-niet"):
        oefeningen_demo._interventies()
