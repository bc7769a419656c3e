import datetime as dt

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.forms import inlineformset_factory
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.privacy import geen_persoonsgegevens
from cms.widgets import DatumInvoer
from leernetwerk.leercyclus.models import Leercyclusplan, Planmodule, Reflectie
from oefeningen.models import LeermodulePage


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
    """A plan module: a leermodule assigned to the team, or a module outside the platform.

    `leermodules` (the team's live leermodules, read once for the whole formset) fill the choice
    list, so rendering thirty rows costs no query per row.
    """

    leermodule = forms.TypedChoiceField(
        label=_("Leermodule in het platform"),
        required=False,
        coerce=int,
        empty_value=None,
    )

    class Meta:
        model = Planmodule
        fields = ["naam", "uiterlijk"]
        widgets = {"uiterlijk": DatumInvoer()}

    def __init__(self, *args, leermodules=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.leermodules = {m.pk: m for m in leermodules}
        keuzes = [(m.pk, m.title) for m in leermodules]
        huidig = self.instance.leermodule_id
        if huidig is not None and huidig not in self.leermodules:
            keuzes.append((huidig, self.instance.naam))  # no longer assigned: keep it visible
        self.fields["leermodule"].choices = [("", _("— geen: module buiten het platform —"))]
        self.fields["leermodule"].choices += keuzes
        self.fields["leermodule"].initial = huidig
        self.fields["naam"].required = False
        self.fields["naam"].help_text = _("Leeg bij een leermodule: dan geldt de titel ervan.")

    def clean(self):
        gegevens = super().clean()
        gekozen = gegevens.get("leermodule")
        if gekozen is not None and gekozen in self.leermodules and not gegevens.get("naam"):
            gegevens["naam"] = self.leermodules[gekozen].title
        if not gegevens.get("naam") and "naam" not in self.errors:
            self.add_error("naam", _("Geef de module een naam of kies een leermodule."))
        return gegevens

    def save(self, commit=True):
        module = super().save(commit=False)
        gekozen = self.cleaned_data.get("leermodule")
        if gekozen is None:
            module.leermodule_type, module.leermodule_id = None, None
        elif gekozen != self.instance.leermodule_id or module.leermodule_type_id is None:
            module.leermodule_type = ContentType.objects.get_for_model(LeermodulePage)
            module.leermodule_id = gekozen
        if commit:
            module.save()
        return module


PlanmoduleFormSet = inlineformset_factory(
    Leercyclusplan, Planmodule, form=PlanmoduleForm, extra=2, can_delete=True, max_num=30
)
