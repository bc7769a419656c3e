from django.urls import path

from oefeningen import views

app_name = "oefeningen"

urlpatterns = [
    path("oefenen/<int:oefening_id>/starten/", views.starten, name="starten"),
    path("oefenen/poging/<int:pk>/", views.poging, name="poging"),
    path("oefenen/poging/<int:pk>/stap/<str:stap_id>/", views.stap, name="stap"),
    path(
        "oefenen/poging/<int:pk>/stap/<str:stap_id>/zelfbeoordeling/",
        views.zelfbeoordeling,
        name="zelfbeoordeling",
    ),
    path(
        "oefenen/poging/<int:pk>/stap/<str:stap_id>/feedback-vragen/",
        views.feedback_vragen,
        name="feedback_vragen",
    ),
    path("oefenen/modules/", views.modules, name="modules"),
    path("oefenen/trainer/feedback/", views.wachtrij, name="wachtrij"),
    path(
        "oefenen/trainer/feedback/<int:antwoord_id>/",
        views.feedback_schrijven,
        name="feedback_schrijven",
    ),
    path("oefenen/trainer/oefening/<int:oefening_id>/", views.statistiek, name="statistiek"),
    path("oefenen/mijn-concepten/", views.mijn_concepten, name="mijn_concepten"),
    path("oefenen/mijn-concepten/<int:pk>/", views.concept_aanpassen, name="concept_aanpassen"),
    path("oefenen/trainer/concepten/", views.concepten, name="concepten"),
    path(
        "oefenen/trainer/concepten/<int:pk>/", views.concept_beoordelen, name="concept_beoordelen"
    ),
]
