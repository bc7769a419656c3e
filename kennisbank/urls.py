from django.urls import path

from kennisbank import views

urlpatterns = [
    path(
        "interventieschema/export.<str:formaat>",
        views.exporteren,
        name="interventieschema_export",
    ),
]
