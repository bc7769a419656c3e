"""User admin (/beheer/users/): only superusers grant superuser; role changes are logged."""

import pytest
from django.contrib.auth.models import Group

from cms.audit import AuditRegel
from cms.models import Team


def _bewerk_data(user, **extra):
    data = {
        "username": user.username,
        "email": user.email or f"{user.username}@example.org",
        "first_name": user.first_name or "Voornaam",
        "last_name": user.last_name or "Achternaam",
        "is_active": "on",
        "groups": [g.pk for g in user.groups.all()],
        "password1": "",
        "password2": "",
    }
    data.update(extra)
    return data


def _rolregels():
    return list(AuditRegel.objects.filter(actie=AuditRegel.Actie.ROL_GEWIJZIGD))


def test_a_beheerder_cannot_make_someone_superuser_in_the_user_edit_view(
    client_als, demo_gebruikers
):
    daan = demo_gebruikers["daan.mulder"]
    client = client_als("demo-beheerder")
    formulier = client.get(f"/beheer/users/edit/{daan.pk}/").content.decode()
    assert 'name="is_superuser"' not in formulier
    response = client.post(f"/beheer/users/edit/{daan.pk}/", _bewerk_data(daan, is_superuser="on"))
    assert response.status_code == 302
    daan.refresh_from_db()
    assert not daan.is_superuser


def test_a_beheerder_cannot_create_a_superuser(client_als, wachtwoord):
    client = client_als("demo-beheerder")
    assert 'name="is_superuser"' not in client.get("/beheer/users/new/").content.decode()
    response = client.post(
        "/beheer/users/new/",
        {
            "username": "nieuwe.collega",
            "email": "nieuwe.collega@example.org",
            "first_name": "Nieuwe",
            "last_name": "Collega",
            "is_superuser": "on",
            "password1": wachtwoord,
            "password2": wachtwoord,
        },
    )
    assert response.status_code == 302
    from django.contrib.auth import get_user_model

    assert not get_user_model().objects.get(username="nieuwe.collega").is_superuser


def test_a_beheerder_cannot_take_over_a_superuser_account(client_als, demo_gebruikers):
    baas = demo_gebruikers["daan.mulder"]
    baas.is_superuser = True
    baas.save()
    client = client_als("demo-beheerder")
    response = client.post(
        f"/beheer/users/edit/{baas.pk}/",
        _bewerk_data(baas, email="aanvaller@example.org", is_superuser=""),
    )
    assert response.status_code in (302, 403)
    baas.refresh_from_db()
    assert baas.is_superuser and baas.email != "aanvaller@example.org"


def test_a_superuser_grants_superuser_and_it_is_logged(client, demo_gebruikers):
    from django.contrib.auth import get_user_model

    hoofd = get_user_model().objects.create_superuser("hoofd", "hoofd@example.org", "x")
    client.force_login(hoofd)
    daan = demo_gebruikers["daan.mulder"]
    response = client.post(f"/beheer/users/edit/{daan.pk}/", _bewerk_data(daan, is_superuser="on"))
    assert response.status_code == 302
    daan.refresh_from_db()
    assert daan.is_superuser
    [regel] = _rolregels()
    assert regel.gebruiker == hoofd and regel.onderwerp == "daan.mulder"
    assert "superuser" in regel.reden


def test_a_group_change_in_the_user_edit_view_is_logged(client_als, demo_gebruikers):
    daan = demo_gebruikers["daan.mulder"]
    beheerder = Group.objects.get(name="Beheerder")
    groepen = [g.pk for g in daan.groups.all()] + [beheerder.pk]
    response = client_als("demo-beheerder").post(
        f"/beheer/users/edit/{daan.pk}/", _bewerk_data(daan, groups=groepen)
    )
    assert response.status_code == 302
    [regel] = _rolregels()
    assert regel.gebruiker.username == "demo-beheerder" and regel.onderwerp == "daan.mulder"
    assert "Beheerder" in regel.reden


def test_the_bulk_assign_role_action_is_logged(client_als, demo_gebruikers):
    daan, lotte = demo_gebruikers["daan.mulder"], demo_gebruikers["lotte.jansen"]
    teamchef = Group.objects.get(name="Teamchef")
    response = client_als("demo-beheerder").post(
        f"/beheer/bulk/auth/user/assign_role/?id={daan.pk}&id={lotte.pk}",
        {"role": teamchef.pk},
    )
    assert response.status_code == 302
    assert daan.groups.filter(pk=teamchef.pk).exists()
    regels = _rolregels()
    assert sorted(r.onderwerp for r in regels) == ["daan.mulder", "lotte.jansen"]
    assert all("Teamchef" in r.reden and r.gebruiker.username == "demo-beheerder" for r in regels)


def test_making_someone_teamchef_of_a_team_is_logged(client_als, demo_gebruikers):
    team = Team.objects.get(slug="jongeren-noordwaarde")
    daan = demo_gebruikers["daan.mulder"]
    response = client_als("demo-beheerder").post(
        f"/beheer/snippets/cms/team/edit/{team.pk}/",
        {
            "organisatie": team.organisatie_id,
            "naam": team.naam,
            "slug": team.slug,
            "teamchefs": [u.pk for u in team.teamchefs.all()] + [daan.pk],
            "leden": [u.pk for u in team.leden.all()],
        },
    )
    assert response.status_code == 302
    assert team.teamchefs.filter(pk=daan.pk).exists()
    [regel] = _rolregels()
    assert regel.gebruiker.username == "demo-beheerder" and regel.onderwerp == "daan.mulder"
    assert "teamchef" in regel.reden and team.naam in regel.reden


@pytest.mark.django_db
def test_changes_without_a_person_behind_them_are_not_logged(demo_gebruikers):
    # The demo loader and migrations: no request, no audit line (as for group changes).
    daan = demo_gebruikers["daan.mulder"]
    daan.is_staff = True
    daan.save()
    assert _rolregels() == []
