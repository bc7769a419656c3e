from django.urls import path

from leernetwerk import views

urlpatterns = [
    path("intervisie/", views.intervisie, name="intervisie"),
    path("intervisie/deelname/", views.deelname, name="intervisie_deelname"),
    path("intervisie/uren/", views.uren, name="intervisie_uren"),
    path(
        "intervisie/uren/bewijs.pdf", views.uren_bewijs, {"formaat": "pdf"}, name="uren_bewijs_pdf"
    ),
    path(
        "intervisie/uren/bewijs.csv", views.uren_bewijs, {"formaat": "csv"}, name="uren_bewijs_csv"
    ),
    path("intervisie/groepen/<int:pk>/", views.groep, name="intervisiegroep"),
    path("intervisie/groepen/<int:pk>/sessies/nieuw/", views.sessie_nieuw, name="sessie_nieuw"),
    path(
        "intervisie/groepen/<int:pk>/eerdere-sessies/",
        views.eerdere_sessies_delen,
        name="eerdere_sessies_delen",
    ),
    path("intervisie/sessies/<int:pk>/", views.sessie, name="intervisiesessie"),
    path("intervisie/sessies/<int:pk>/bewerken/", views.sessie_bewerken, name="sessie_bewerken"),
    path("intervisie/sessies/<int:pk>/leiden/", views.sessie_leiden, name="sessie_leiden"),
    path(
        "intervisie/sessies/<int:pk>/aanwezigheid/",
        views.aanwezigheid,
        name="sessie_aanwezigheid",
    ),
    path("intervisie/sessies/<int:pk>.json", views.sessie_json, name="sessie_json"),
    path("intervisie/sessies/<int:pk>/export.md", views.sessie_export, name="sessie_export"),
    path(
        "intervisie/actiepunten/<int:pk>/afronden/",
        views.actiepunt_afronden,
        name="actiepunt_afronden",
    ),
    path("intervisie/koppels/", views.koppels, name="koppels"),
    path("intervisie/koppels/nieuw/", views.koppel_vormen, name="koppel_vormen"),
    path("intervisie/koppels/<int:pk>/", views.koppel, name="koppel"),
    path("intervisie/eigen-casus/", views.eigen_casus, name="eigen_casus"),
    path("mijn-leercyclus/voornemens/nieuw/", views.voornemen_maken, name="voornemen_maken"),
    path(
        "mijn-leercyclus/voornemens/<int:pk>/bespreken/",
        views.voornemen_bespreken,
        name="voornemen_bespreken",
    ),
]
