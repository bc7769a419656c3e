"""Participatieladders: the VNG ladder and a gemeente's own ladder, each its own series."""

import pytest
from django.core.exceptions import ValidationError

from cms.models import Ladder, Trede

pytestmark = pytest.mark.django_db


def test_heemskerks_subtreden_live_on_heemskerks_own_ladder_not_under_the_vng():
    vng = Ladder.objects.get(standaard=True)
    assert list(vng.treden.values_list("code", flat=True)) == ["1", "2", "3", "4", "5", "6"]
    assert Trede.objects.get(slug="trede-6").naam == "Betaald werk zonder ondersteuning"
    assert not Trede.objects.filter(bovenliggend__slug="trede-2").exists()
    heemskerk = Ladder.objects.get(slug="participatieladder-heemskerk")
    subtreden = Trede.objects.filter(bovenliggend__slug="heemskerk-trede-2")
    assert [t.code for t in subtreden] == ["2.1", "2.2", "2.3", "2.4", "2.5", "2.6"]
    assert {t.ladder for t in subtreden} == {heemskerk}
    assert Trede.objects.get(slug="trede-1-rust").ladder == heemskerk


def test_a_subtrede_cannot_hang_under_another_ladders_trede():
    sub = Trede.objects.get(slug="trede-2-3")
    sub.bovenliggend = Trede.objects.get(slug="trede-2")
    with pytest.raises(ValidationError) as fout:
        sub.full_clean()
    assert "dezelfde ladder" in str(fout.value.message_dict["bovenliggend"])


def test_the_schema_filter_names_the_gemeentes_ladder(client_als):
    html = client_als("demo-consulent").get("/interventieschema/").content.decode()
    assert "2.3. Tegenprestatie (Participatieladder gemeente Heemskerk)" in html
    assert "6. Betaald werk zonder ondersteuning</option>" in html
