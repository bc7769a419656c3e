import csv
import io
import re

import pytest
from playwright.sync_api import expect

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
    expect(page.get_by_role("heading", level=1)).to_have_text(
        re.compile(r"^Mijn team: Team Jongeren")
    )

    signalen = page.locator(".signalen li")
    expect(signalen).to_have_count(3)
    expect(signalen.nth(0)).to_contain_text("Daan Mulder: geen activiteit sinds")
    expect(signalen.nth(1)).to_contain_text("Sanne de Vries: geen intervisie sinds")

    tabel = page.get_by_role("table", name="Deelname van Team Jongeren in de gekozen periode")
    expect(tabel.get_by_role("row")).to_have_count(6)  # header, four members, total

    # The trend chart draws: every bar has a real size (a coordinate written "47,0" has none).
    staven = page.locator("figure.trend svg rect.trend__staaf")
    expect(staven.first).to_be_visible()
    assert staven.count() > 0
    for staaf in staven.all():
        vak = staaf.bounding_box()
        assert vak and vak["width"] > 0 and vak["height"] > 0

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
