from django.urls import path

from leernetwerk.herinneringen import views

urlpatterns = [
    path("mijn-instellingen/", views.mijn_instellingen, name="mijn_instellingen"),
]
