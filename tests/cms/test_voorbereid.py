"""Prepared reads (cms.voorbereid) give what the queryset gives, for every argument, on both
databases; a builder that would make them read the wrong rows is refused."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Count
from django.db.models.functions import TruncDate
from django.test import Client
from django.utils import timezone

from cms.activiteiten import Activiteit
from cms.voorbereid import voorbereid

User = get_user_model()


@pytest.fixture
def mensen(db):
    groepen = [Group.objects.create(name=f"groep {i}") for i in range(3)]
    mensen = [User.objects.create(username=f"mens{i}", first_name=f"Mens {i}") for i in range(4)]
    mensen[0].groups.add(groepen[0], groepen[1])
    mensen[1].groups.add(groepen[2])
    return mensen, groepen


@voorbereid
def _groepnamen(user_id):
    return Group.objects.filter(user__id=user_id).order_by("name").values_list("name", flat=True)


@voorbereid
def _leden_van(groep_ids, naam_behalve):
    return (
        User.objects.filter(groups__id__in=groep_ids)
        .exclude(username=naam_behalve)
        .order_by("username")
        .values("username", "first_name")
        .distinct()
    )


def test_each_argument_reads_its_own_rows(mensen):
    mensen, groepen = mensen
    assert _groepnamen(mensen[0].pk) == ["groep 0", "groep 1"]
    assert _groepnamen(mensen[1].pk) == ["groep 2"]
    assert _groepnamen(mensen[3].pk) == []
    assert len(_groepnamen.plannen) == 1  # one prepared SQL for every user


def test_lists_of_any_length_and_strings(mensen):
    mensen, groepen = mensen
    alle = [g.pk for g in groepen]
    assert _leden_van(alle, "mens1") == [{"username": "mens0", "first_name": "Mens 0"}]
    assert [r["username"] for r in _leden_van(alle[1:], "niemand")] == ["mens0", "mens1"]
    assert _leden_van([groepen[2].pk], "mens1") == []
    assert _leden_van([], "mens1") == []  # an empty IN matches nothing, without SQL
    for ids, naam in [(alle, "mens0"), (alle[:1], "mens3"), (alle[::2], "")]:
        assert _leden_van(ids, naam) == list(_leden_van.__wrapped__(ids, naam))


@voorbereid
def _activiteit_sinds(user_id, sinds, soort):
    return (
        Activiteit.objects.filter(gebruiker_id=user_id, moment__gte=sinds, soort=soort)
        .values("soort")
        .annotate(aantal=Count("pk"))
        .values_list("soort", "aantal")
    )


@voorbereid
def _over_onderwerpen(ids):
    return (
        Activiteit.objects.filter(object_id__in=ids)
        .order_by("object_id")
        .values_list("object_id", flat=True)
    )


@voorbereid
def _leden_met_naam(naam):
    return User.objects.filter(first_name=naam).order_by("pk")


def test_moments_convert_and_objects_come_back_whole(mensen):
    mensen, _ = mensen
    nu = timezone.now()
    for dagen in (1, 3):
        Activiteit.objects.create(
            gebruiker=mensen[0],
            soort=Activiteit.Soort.HOOFDSTUK_GELEZEN,
            moment=nu - dt.timedelta(days=dagen),
            object_id=dagen,
        )
    # A big-integer column: PostgreSQL's driver wraps the value, the prepared read does too.
    assert _over_onderwerpen([3, 4]) == [3]
    assert _over_onderwerpen([1, 2, 3]) == [1, 3]
    soort = Activiteit.Soort.HOOFDSTUK_GELEZEN
    assert _activiteit_sinds(mensen[0].pk, nu - dt.timedelta(days=2), soort) == [(soort, 1)]
    assert _activiteit_sinds(mensen[0].pk, nu - dt.timedelta(days=5), soort) == [(soort, 2)]
    assert _activiteit_sinds(mensen[1].pk, nu - dt.timedelta(days=5), soort) == []
    [terug] = _leden_met_naam("Mens 2")
    assert terug == mensen[2] and terug.username == "mens2"
    assert terug.date_joined == User.objects.get(pk=mensen[2].pk).date_joined
    assert _leden_met_naam(None) == []  # None is part of the shape: IS NULL, its own SQL
    dag = timezone.localdate(nu - dt.timedelta(days=3))
    assert _per_dag(mensen[0].pk) == list(_per_dag.__wrapped__(mensen[0].pk))
    assert {rij["dag"] for rij in _per_dag(mensen[0].pk)} >= {dag}


@voorbereid
def _per_dag(user_id):
    """An annotation made before values(): Django puts it first in the SELECT."""
    return (
        Activiteit.objects.filter(gebruiker_id=user_id)
        .annotate(dag=TruncDate("moment"))
        .values("soort", "dag")
        .annotate(aantal=Count("pk"))
        .order_by("dag")
    )


def test_a_builder_that_changes_its_argument_is_refused(db):
    @voorbereid
    def morgen_of_later(dag):
        return Activiteit.objects.filter(moment__date__gte=dag + dt.timedelta(days=1)).values("pk")

    with pytest.raises(ImproperlyConfigured):
        morgen_of_later(dt.date(2026, 5, 1))

    @voorbereid
    def met_select_related(user_id):
        return Activiteit.objects.filter(gebruiker_id=user_id).select_related("gebruiker")

    with pytest.raises(ImproperlyConfigured):
        met_select_related(1)
    with pytest.raises(TypeError):
        _groepnamen(User(pk=1))  # an object instead of its pk


def test_sign_in_reads_session_and_user_prepared_and_sign_out_ends_it(mensen, wachtwoord):
    mensen, _ = mensen
    mens = mensen[0]
    mens.set_password(wachtwoord)
    mens.save()
    client = Client()
    assert client.get("/intervisie/").status_code == 302  # to the sign-in page
    assert client.post("/inloggen/", {"username": "mens0", "password": wachtwoord}).status_code
    antwoord = client.get("/intervisie/")
    assert antwoord.status_code == 200 and antwoord.context["user"] == mens
    oude_sessie = client.cookies["sessionid"].value
    mens.is_active = False
    mens.save()
    assert client.get("/intervisie/").status_code == 302  # inactive: signed out
    mens.is_active = True
    mens.save()
    client.post("/uitloggen/")
    client.cookies["sessionid"] = oude_sessie  # a stolen cookie after logout
    assert client.get("/intervisie/").status_code == 302
