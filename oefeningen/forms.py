"""Plain forms, one per step type: they work without JavaScript and give Dutch errors."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cms.privacy import geen_persoonsgegevens
from oefeningen.blocks import LABELS
from oefeningen.models import Oefeningconcept

ONGELDIGE_KEUZE = _("Deze keuze hoort niet bij deze stap. Kies een van de opties hieronder.")


class StapFormulier(forms.Form):
    """Base: the step (a StreamChild) and the choices it offers."""

    def __init__(self, *args, stap, opties=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.stap = stap
        self.opties = list(opties)
        self.bouw()

    def bouw(self):
        pass

    def gegevens(self):
        """What the block's beoordeel() needs."""
        return {}


class MeerkeuzeFormulier(StapFormulier):
    def bouw(self):
        meerdere = self.stap.block.meerdere(self.stap.value)
        veld = forms.MultipleChoiceField if meerdere else forms.ChoiceField
        widget = forms.CheckboxSelectMultiple if meerdere else forms.RadioSelect
        self.fields["keuzes"] = veld(
            label=self.stap.value["vraag"],
            choices=self.opties,
            widget=widget,
            help_text=_("Er zijn meerdere juiste antwoorden.") if meerdere else "",
            error_messages={
                "required": _("Kies een antwoord."),
                "invalid_choice": ONGELDIGE_KEUZE,
                "invalid_list": ONGELDIGE_KEUZE,
            },
        )

    def gegevens(self):
        keuzes = self.cleaned_data["keuzes"]
        return {"keuzes": keuzes if isinstance(keuzes, list) else [keuzes]}


class BeslismomentFormulier(StapFormulier):
    def bouw(self):
        self.fields["keuze"] = forms.ChoiceField(
            label=self.stap.value["vraag"],
            choices=self.opties,
            widget=forms.RadioSelect,
            error_messages={"required": _("Kies wat je doet."), "invalid_choice": ONGELDIGE_KEUZE},
        )

    def gegevens(self):
        return {"keuze": self.cleaned_data["keuze"]}


class InterventiesFormulier(StapFormulier):
    def bouw(self):
        self.fields["keuzes"] = forms.MultipleChoiceField(
            label=_("Kies de interventies die jij zou inzetten"),
            choices=self.opties,
            widget=forms.CheckboxSelectMultiple,
            error_messages={
                "required": _("Kies minstens één interventie."),
                "invalid_choice": ONGELDIGE_KEUZE,
                "invalid_list": ONGELDIGE_KEUZE,
            },
        )

    def gegevens(self):
        return {"keuzes": self.cleaned_data["keuzes"]}


class FragmentFormulier(StapFormulier):
    def bouw(self):
        for regel_id, regel in self.stap.block.consulent_regels(self.stap.value):
            self.fields[f"regel_{regel_id}"] = forms.ChoiceField(
                label=regel["tekst"],
                choices=[("", _("— kies een label —")), *LABELS],
                error_messages={
                    "required": _("Kies een label voor deze regel."),
                    "invalid_choice": ONGELDIGE_KEUZE,
                },
            )

    def gegevens(self):
        return {
            "labels": {
                naam.removeprefix("regel_"): waarde
                for naam, waarde in self.cleaned_data.items()
                if naam.startswith("regel_")
            }
        }


class OpenVraagFormulier(StapFormulier):
    def bouw(self):
        self.fields["tekst"] = forms.CharField(
            label=self.stap.value["vraag"],
            widget=forms.Textarea(attrs={"rows": 8}),
            max_length=5000,
            validators=[geen_persoonsgegevens],
            error_messages={"required": _("Schrijf je antwoord voordat je verder gaat.")},
        )

    def gegevens(self):
        return {"tekst": self.cleaned_data["tekst"]}


FORMULIEREN = {
    "meerkeuze": MeerkeuzeFormulier,
    "beslismoment": BeslismomentFormulier,
    "interventies": InterventiesFormulier,
    "fragment": FragmentFormulier,
    "open": OpenVraagFormulier,
}


class ZelfbeoordelingFormulier(forms.Form):
    KEUZES = [("ja", _("ja")), ("deels", _("deels")), ("nee", _("nee"))]

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        for i, criterium in enumerate(criteria):
            self.fields[f"c{i}"] = forms.ChoiceField(
                label=criterium,
                choices=self.KEUZES,
                widget=forms.RadioSelect,
                error_messages={"required": _("Kies ja, deels of nee.")},
            )


class FeedbackFormulier(forms.Form):
    tekst = forms.CharField(
        label=_("Jouw feedback"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=5000,
        validators=[geen_persoonsgegevens],
        error_messages={"required": _("Schrijf je feedback.")},
    )
    herkansing = forms.BooleanField(
        label=_("De consulent mag de oefening opnieuw maken"), required=False
    )


class ConceptFormulier(forms.ModelForm):
    """The author's own draft: changed and offered again after a trainer returned it."""

    class Meta:
        model = Oefeningconcept
        fields = ["titel", "casus_profiel", "casus", "vraag", "eigen_aanpak"]
        widgets = {
            "casus": forms.Textarea(attrs={"rows": 6}),
            "vraag": forms.Textarea(attrs={"rows": 3}),
            "eigen_aanpak": forms.Textarea(attrs={"rows": 4}),
        }


class OvernemenFormulier(forms.Form):
    """What the trainer adds when adopting a draft: the model answer and the criteria."""

    titel = forms.CharField(label=_("Titel van de oefening"), max_length=255)
    casus_profiel = forms.CharField(
        label=_("Profiel"), max_length=255, validators=[geen_persoonsgegevens]
    )
    casus = forms.CharField(
        label=_("Casus"),
        widget=forms.Textarea(attrs={"rows": 6}),
        validators=[geen_persoonsgegevens],
    )
    vraag = forms.CharField(
        label=_("Vraag"),
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[geen_persoonsgegevens],
    )
    modelantwoord = forms.CharField(
        label=_("Modelantwoord"),
        widget=forms.Textarea(attrs={"rows": 5}),
        validators=[geen_persoonsgegevens],
        help_text=_(
            "Laat zien wat een sterk antwoord is en waarom; er kan meer dan één goed zijn."
        ),
    )
    criteria = forms.CharField(
        label=_("Criteria voor de zelfbeoordeling"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Eén criterium per regel."),
    )

    def clean_criteria(self):
        regels = [r.strip() for r in self.cleaned_data["criteria"].splitlines() if r.strip()]
        if any(len(r) > 200 for r in regels):
            raise forms.ValidationError(_("Houd elk criterium korter dan 200 tekens."))
        return regels


class TeruggevenFormulier(forms.Form):
    opmerking = forms.CharField(
        label=_("Opmerking voor de inbrenger"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Wat moet er anders voordat dit een oefening kan worden?"),
        error_messages={"required": _("Schrijf op wat de inbrenger kan verbeteren.")},
    )
