"""Issue 19.5: a real import is queued and run by the worker, not inside the upload request."""

import io

from django.core.management import call_command

from kennisbank.models import ImportTaak, InterventiePage
from tests.kennisbank.test_import_export import als_csv, rij

WACHTRIJ = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "achtergrond": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}


def test_an_import_is_queued_by_the_upload_and_run_by_the_worker(
    client_als, schema, settings, monkeypatch
):
    settings.TASKS = WACHTRIJ
    # The worker closes connections past their age between jobs; on PostgreSQL that would close
    # the test's own transaction. A worker process has its own connection, this one does not.
    from django_tasks_db.management.commands import db_worker

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    client = client_als("demo-kennisbeheerder")
    bestand = io.BytesIO(als_csv([rij(1), rij(2), rij(3)]))
    bestand.name = "interventies.csv"
    response = client.post("/interventieschema/importeren/", {"bestand": bestand}, follow=True)

    taak = ImportTaak.objects.get()
    assert response.redirect_chain == [(f"/interventieschema/importeren/{taak.pk}/", 302)]
    html = response.content.decode()
    assert '<progress id="importbalk" max="3" value="0">' in html
    assert "0 van 3 rijen verwerkt" in html and "Import opgeslagen" not in html
    assert not InterventiePage.objects.exists()
    voortgang_url = f"/interventieschema/importeren/{taak.pk}/voortgang/"
    assert client.get(voortgang_url).json()["toestand"] == "wachtend"

    call_command("db_worker", "--backend", "achtergrond", "--batch", "--no-startup-delay", "-v0")

    stand = client.get(voortgang_url).json()
    assert stand["toestand"] == "klaar" and stand["loopt"] is False
    assert stand["verwerkt"] == stand["totaal"] == 3
    html = client.get(f"/interventieschema/importeren/{taak.pk}/").content.decode()
    assert "Import opgeslagen" in html and "3 nieuw, 0 gewijzigd, 0 ongewijzigd." in html
    assert sorted(InterventiePage.objects.values_list("title", flat=True)) == [
        "Interventie 1",
        "Interventie 2",
        "Interventie 3",
    ]


def test_an_import_by_the_worker_updates_the_search_index_for_new_and_changed_rows(
    client_als, schema, settings, monkeypatch
):
    """What the worker writes in bulk is what search finds: the changed interventie no longer
    under its old words, the new one and the changed one under their new words."""
    from tests.search.conftest import _backend_instellen

    _backend_instellen("whoosh", settings)
    settings.TASKS = WACHTRIJ
    from django_tasks_db.management.commands import db_worker

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    client = client_als("demo-kennisbeheerder")

    def via_worker(rijen):
        bestand = io.BytesIO(als_csv(rijen))
        bestand.name = "interventies.csv"
        client.post("/interventieschema/importeren/", {"bestand": bestand})
        call_command(
            "db_worker", "--backend", "achtergrond", "--batch", "--no-startup-delay", "-v0"
        )

    def titels(q):
        return [r["titel"] for r in client.get("/api/zoeken/", {"q": q}).json()["resultaten"]]

    via_worker([rij(1, samenvatting="Werken met een krachtenkaart."), rij(2)])
    assert titels("krachtenkaart") == ["Interventie 1"]
    via_worker(
        [
            rij(1, titel="Netwerkcirkel", samenvatting="Werken met een netwerkcirkel."),
            rij(3, titel="Budgetplanner", samenvatting="Een budgetplanner voor de maand."),
        ]
    )
    assert titels("krachtenkaart") == []
    assert titels("netwerkcirkel") == ["Netwerkcirkel"]
    assert titels("budgetplanner") == ["Budgetplanner"]
