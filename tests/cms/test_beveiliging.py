import pytest
from django.contrib.auth.models import Group

from cms.audit import AuditRegel
from cms.huidige import _gebruiker


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
