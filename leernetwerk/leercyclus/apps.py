from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LeercyclusConfig(AppConfig):
    name = "leernetwerk.leercyclus"
    label = "leercyclus"
    verbose_name = _("Leercyclus")
