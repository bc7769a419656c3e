import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from cms.models import Organisatie, Team


@pytest.mark.django_db(transaction=True)
def test_backup_and_restore_round_trip(tmp_path, settings, demo_gebruikers):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "documenten").mkdir(parents=True)
    (settings.MEDIA_ROOT / "documenten" / "werkinstructie.txt").write_text("Stap 1: bellen.")
    voor = (
        sorted(get_user_model().objects.values_list("username", flat=True)),
        sorted(Team.objects.values_list("slug", "naam")),
    )
    archief = tmp_path / "backup.tar.gz"
    call_command("backup_maken", uitvoer=str(archief))

    Team.objects.filter(slug="jongeren-noordwaarde").update(naam="Gewijzigd na de backup")
    Organisatie.objects.create(naam="Na de backup", slug="na-de-backup")
    get_user_model().objects.filter(username="daan.mulder").delete()
    (settings.MEDIA_ROOT / "documenten" / "werkinstructie.txt").unlink()

    call_command("backup_terugzetten", str(archief), ja=True)

    na = (
        sorted(get_user_model().objects.values_list("username", flat=True)),
        sorted(Team.objects.values_list("slug", "naam")),
    )
    assert na == voor
    assert not Organisatie.objects.filter(slug="na-de-backup").exists()
    assert (settings.MEDIA_ROOT / "documenten" / "werkinstructie.txt").read_text() == (
        "Stap 1: bellen."
    )
