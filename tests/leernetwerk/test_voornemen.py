import pytest
from wagtail.models import Page

from cms.activiteiten import Activiteit
from leernetwerk.models import Voornemen


@pytest.fixture
def pagina(db):
    home = Page.objects.get(depth=2)
    return home.add_child(instance=Page(title="Netwerkkaart maken", slug="netwerkkaart"))


def test_voornemen_is_recorded_once_and_counts_in_leercyclus(client_als, demo_gebruikers, pagina):
    client = client_als("demo-consulent")
    for _ in range(2):
        response = client.post(
            "/mijn-leercyclus/voornemens/nieuw/", {"interventie": pagina.pk, "next": "/"}
        )
        assert response.status_code == 302 and response["Location"] == "/"
    consulent = demo_gebruikers["demo-consulent"]
    assert Voornemen.objects.filter(gebruiker=consulent, titel="Netwerkkaart maken").count() == 1
    assert (
        Activiteit.objects.filter(
            gebruiker=consulent, soort=Activiteit.Soort.VOORNEMEN_GEMAAKT
        ).count()
        == 1
    )


def test_voornemen_does_not_redirect_off_site(client_als, pagina):
    response = client_als("demo-consulent").post(
        "/mijn-leercyclus/voornemens/nieuw/",
        {"interventie": pagina.pk, "next": "https://elders.example/"},
    )
    assert response["Location"] == pagina.url


def test_voornemen_for_unknown_page_is_404(client_als):
    response = client_als("demo-consulent").post(
        "/mijn-leercyclus/voornemens/nieuw/", {"interventie": 999999}
    )
    assert response.status_code == 404
