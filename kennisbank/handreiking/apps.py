from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HandreikingConfig(AppConfig):
    """The methodiek handreiking: books of chapters, versioned and reviewed."""

    name = "kennisbank.handreiking"
    label = "handreiking"
    verbose_name = _("Handreiking")
    default_auto_field = "django.db.models.BigAutoField"
