from django.urls import path

from leernetwerk.leercyclus import views

urlpatterns = [
    path("mijn-leercyclus/", views.mijn_leercyclus, name="mijn_leercyclus"),
    path(
        "mijn-leercyclus/reflecties/nieuw/", views.reflectie_schrijven, name="reflectie_schrijven"
    ),
    path(
        "mijn-leercyclus/reflecties/<int:pk>/verwijderen/",
        views.reflectie_verwijderen,
        name="reflectie_verwijderen",
    ),
    path(
        "mijn-leercyclus/voornemens/<int:pk>/reflecteren/",
        views.voornemen_reflecteren,
        name="voornemen_reflecteren",
    ),
    path(
        "mijn-leercyclus/modules/<int:pk>/afgerond/",
        views.module_afronden,
        name="module_afronden",
    ),
    path(
        "mijn-leercyclus/portfolio.pdf",
        views.mijn_portfolio,
        {"formaat": "pdf"},
        name="mijn_portfolio_pdf",
    ),
    path(
        "mijn-leercyclus/portfolio.json",
        views.mijn_portfolio,
        {"formaat": "json"},
        name="mijn_portfolio_json",
    ),
    path("team/", views.team, name="team"),
    path("team/<slug:slug>/", views.team, name="team_dashboard"),
    path("team/<slug:slug>/plan/", views.team_plan, name="team_plan"),
    path(
        "team/<slug:slug>/export.csv",
        views.team_export,
        {"formaat": "csv"},
        name="team_export_csv",
    ),
    path(
        "team/<slug:slug>/export.xlsx",
        views.team_export,
        {"formaat": "xlsx"},
        name="team_export_xlsx",
    ),
]
