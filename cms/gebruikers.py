"""The user admin (/beheer/users/): only a superuser grants superuser or edits a superuser.

Wagtail's own forms show the "Administrator" (is_superuser) box to anyone who may change
users, so a beheerder could make anyone, themselves included, a superuser. Here the field is
left out of the form for non-superusers (a POSTed value is then ignored), and a superuser's
account is edited by superusers only (else a beheerder takes it over via e-mail and password).
Installed through cms.apps.GebruikersbeheerConfig, which replaces "wagtail.users".
"""

from django.core.exceptions import PermissionDenied
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import CreateView, EditView, UserViewSet


class _SuperuserAlleenDoorSuperuser:
    def __init__(self, *args, bewerker=None, **kwargs):
        super().__init__(*args, **kwargs)
        if bewerker is None or not bewerker.is_superuser:
            self.fields.pop("is_superuser", None)


class GebruikerAanmakenForm(_SuperuserAlleenDoorSuperuser, UserCreationForm):
    pass


class GebruikerBewerkenForm(_SuperuserAlleenDoorSuperuser, UserEditForm):
    pass


class GebruikerAanmaken(CreateView):
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "bewerker": self.request.user}


class GebruikerBewerken(EditView):
    def dispatch(self, request, *args, **kwargs):
        if self.object.is_superuser and not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "bewerker": self.request.user}


class GebruikerViewSet(UserViewSet):
    add_view_class = GebruikerAanmaken
    edit_view_class = GebruikerBewerken

    def get_form_class(self, for_update=False):
        return GebruikerBewerkenForm if for_update else GebruikerAanmakenForm
