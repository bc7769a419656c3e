import datetime as dt

from django import forms
from django.forms import inlineformset_factory
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.privacy import geen_persoonsgegevens
from leernetwerk.leercyclus.models import Leercyclusplan, Planmodule, Reflectie


class DatumInvoer(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class PeriodeForm(forms.Form):
    van = forms.DateField(label=_("Van"), widget=DatumInvoer())
    tot = forms.DateField(label=_("Tot en met"), widget=DatumInvoer())

    MAX_DAGEN = 3 * 366

    def clean(self):
        gegevens = super().clean()
        van, tot = gegevens.get("van"), gegevens.get("tot")
        if van and van > timezone.localdate():
            self.add_error("van", _("Kies een begindatum die niet in de toekomst ligt."))
        elif van and tot:
            if van > tot:
                self.add_error("tot", _("De einddatum ligt vóór de begindatum."))
            elif (tot - van).days > self.MAX_DAGEN:
                self.add_error("van", _("Kies een periode van hoogstens drie jaar."))
        return gegevens


class ReflectieForm(forms.ModelForm):
    class Meta:
        model = Reflectie
        fields = ["datum", "uren", "tekst"]
        widgets = {
            "datum": DatumInvoer(),
            "tekst": forms.Textarea(attrs={"rows": 4}),
            "uren": forms.NumberInput(attrs={"step": "0.25", "min": "0.25", "max": "12"}),
        }

    def clean_datum(self):
        datum = self.cleaned_data["datum"]
        if datum > timezone.localdate():
            raise forms.ValidationError(
                _("Een reflectie gaat over wat al gebeurd is: kies vandaag of eerder.")
            )
        if datum < timezone.localdate() - dt.timedelta(days=366):
            raise forms.ValidationError(_("Kies een datum in het afgelopen jaar."))
        return datum


class VoornemenReflectieForm(forms.Form):
    gedaan = forms.CharField(
        label=_("Wat heb ik gedaan?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[geen_persoonsgegevens],
        error_messages={"required": _("Schrijf kort op wat je hebt gedaan.")},
    )
    werkte = forms.CharField(
        label=_("Wat werkte, wat niet?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[geen_persoonsgegevens],
        error_messages={"required": _("Schrijf kort op wat werkte en wat niet.")},
    )


class LeercyclusplanForm(forms.ModelForm):
    class Meta:
        model = Leercyclusplan
        fields = ["intervisie_elke_weken", "min_reflectie_uren", "stil_na_weken"]


class PlanmoduleForm(forms.ModelForm):
    class Meta:
        model = Planmodule
        fields = ["naam", "uiterlijk"]
        widgets = {"uiterlijk": DatumInvoer()}


PlanmoduleFormSet = inlineformset_factory(
    Leercyclusplan, Planmodule, form=PlanmoduleForm, extra=2, can_delete=True, max_num=30
)
