from django.urls import path

from cms.search import views

urlpatterns = [
    path("zoeken/", views.zoeken, name="zoeken"),
    path("api/zoeken/", views.api_zoeken, name="api_zoeken"),
    path("api/zoeken/suggesties/", views.api_suggesties, name="api_zoeken_suggesties"),
]
