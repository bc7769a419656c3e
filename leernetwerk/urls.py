from django.urls import path

from leernetwerk import views

urlpatterns = [
    path("intervisie/", views.intervisie, name="intervisie"),
    path("mijn-leercyclus/", views.mijn_leercyclus, name="mijn_leercyclus"),
    path("team/", views.team, name="team"),
    path("mijn-leercyclus/voornemens/nieuw/", views.voornemen_maken, name="voornemen_maken"),
]
