from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ZoekenConfig(AppConfig):
    name = "cms.search"
    label = "zoeken"
    verbose_name = _("Zoeken")
