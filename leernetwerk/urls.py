from django.urls import path

from leernetwerk import views

urlpatterns = [
    path("intervisie/", views.intervisie, name="intervisie"),
    path("mijn-leercyclus/voornemens/nieuw/", views.voornemen_maken, name="voornemen_maken"),
]
