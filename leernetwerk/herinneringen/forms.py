from django import forms

from leernetwerk.herinneringen.models import Herinneringsinstellingen, Soort


class HerinneringsinstellingenForm(forms.ModelForm):
    """One checkbox per kind of reminder: checked means 'send me this'."""

    class Meta:
        model = Herinneringsinstellingen
        fields = list(Soort.values)
