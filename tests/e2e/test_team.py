import csv
import io

import pytest

from leernetwerk.leercyclus.demo import leercyclus_laden

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_teamchef_sees_alerts_and_downloads_csv(live_server, page, inloggen, demo_gebruikers):
    leercyclus_laden()
    inloggen("demo-teamchef")
    page.get_by_role("navigation", name="Hoofdnavigatie").get_by_role(
        "link", name="Mijn team"
    ).click()
    page.get_by_role("navigation", name="Mijn teams").get_by_role(
        "link", name="Team Jongeren"
    ).click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Mijn team: Team Jongeren")

    signalen = page.locator(".signalen li")
    assert signalen.count() == 3
    assert "Daan Mulder: geen activiteit sinds" in signalen.nth(0).inner_text()
    assert "Sanne de Vries: geen intervisie sinds" in signalen.nth(1).inner_text()

    tabel = page.get_by_role("table", name="Deelname van Team Jongeren in de gekozen periode")
    assert tabel.get_by_role("row").count() == 6  # header, four members, total

    with page.expect_download() as download_info:
        page.get_by_role("link", name="CSV").click()
    download = download_info.value
    assert download.suggested_filename.startswith("leercyclus-jongeren-noordwaarde-")
    with open(download.path(), encoding="utf-8-sig") as bestand:
        rijen = list(csv.reader(io.StringIO(bestand.read()), delimiter=";"))
    assert rijen[0][0] == "Naam" and len(rijen) == 6
    namen = [r[0] for r in rijen[1:-1]]
    assert namen == ["Daan Mulder", "Fatima El Amrani", "Lotte Jansen", "Sanne de Vries"]
    assert rijen[2][-1] == "op schema"
