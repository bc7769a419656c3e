from django import forms
from django.utils.translation import gettext_lazy as _

from cms.invoer import ModelKeuzes
from cms.models import Basismethodiek, Doelgroep, Fase, Klanttype, Trede, WerkzaamElement
from cms.privacy import geen_persoonsgegevens
from kennisbank.models import Bewijsniveau, Herkomst, Status, Voorstel

MAX_IMPORT_BYTES = 10 * 1024 * 1024


class TaxonomieKeuze(forms.ModelChoiceField):
    """A select by slug (readable, shareable URLs); subgroups indented under their parent."""

    def __init__(self, queryset, **kwargs):
        super().__init__(
            queryset, to_field_name="slug", required=False, empty_label=_("alle"), **kwargs
        )

    def label_from_instance(self, obj):
        label = str(obj)
        ladder = getattr(obj, "ladder", None)  # a gemeente's own ladder is named with its treden
        if ladder is not None and not ladder.standaard:
            label = f"{label} ({ladder.naam})"
        if getattr(obj, "bovenliggend_id", None):
            return f"— {label}"
        return label


class SchemaFilterForm(forms.Form):
    """GET filters of the schema, its list and its export. All combine (AND)."""

    doelgroep = TaxonomieKeuze(Doelgroep.objects.all(), label=_("Doelgroep"))
    trede = TaxonomieKeuze(
        Trede.objects.select_related("ladder"), label=_("Trede participatieladder")
    )
    klanttype = TaxonomieKeuze(Klanttype.objects.all(), label=_("Klanttype"))
    werkzaam_element = TaxonomieKeuze(WerkzaamElement.objects.all(), label=_("Werkzaam element"))
    basismethodiek = TaxonomieKeuze(
        Basismethodiek.objects.all(), label=_("Basismethodiek of techniek")
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("alle")), *Status.choices]
    )
    herkomst = TaxonomieKeuze(Herkomst.objects.all(), label=_("Herkomst"))
    bewijsniveau = forms.ChoiceField(
        label=_("Bewijsniveau"), required=False, choices=[("", _("alle")), *Bewijsniveau.choices]
    )

    def filters(self):
        """The valid, non-empty filters; an unknown value in the URL is reported, not applied."""
        self.is_valid()
        return {k: v for k, v in self.cleaned_data.items() if v}

    def actief(self):
        """(label, value) pairs of the active filters, for the heading and the print."""
        return [
            (self.fields[naam].label, self._weergave(naam, waarde))
            for naam, waarde in self.filters().items()
        ]

    def _weergave(self, naam, waarde):
        veld = self.fields[naam]
        if isinstance(veld, forms.ChoiceField) and not isinstance(veld, forms.ModelChoiceField):
            return dict(veld.choices).get(waarde, waarde)
        return str(waarde)


class ImportForm(forms.Form):
    bestand = forms.FileField(
        label=_("Bestand (CSV of Excel .xlsx, hoogstens 10 MB)"),
        help_text=_("Eerste regel: de kolomnamen, zoals in de export."),
    )
    alleen_controleren = forms.BooleanField(
        label=_("Alleen controleren, nog niets opslaan"), required=False, initial=True
    )

    def clean_bestand(self):
        bestand = self.cleaned_data["bestand"]
        naam = bestand.name.lower()
        if not (naam.endswith(".csv") or naam.endswith(".xlsx")):
            raise forms.ValidationError(_("Kies een .csv- of .xlsx-bestand."))
        if bestand.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(
                _(
                    "Het bestand is %(mb)s MB; de grens is 10 MB. Splits het in kleinere "
                    "bestanden en lees ze een voor een in."
                )
                % {"mb": f"{bestand.size / 1024 / 1024:.1f}".replace(".", ",")}
            )
        return bestand


class VoorstelFormulier(forms.ModelForm):
    """A proposal for a new interventie or a change: the fields a consulent can fill in well.

    Every free text is checked for client data (a proposal often starts from a real case).
    """

    fases = ModelKeuzes(
        Fase.objects.filter(reeks__standaard=True).select_related("reeks"),
        label=_("Fases"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies minstens één fase waarin je dit inzet.")},
    )
    doelgroepen = ModelKeuzes(
        Doelgroep.objects.all(),
        label=_("Doelgroepen"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Laat leeg als het voor iedereen werkt."),
    )

    class Meta:
        model = Voorstel
        fields = ["titel", "samenvatting", "fases", "laag", "doelgroepen", "aanpak", "bronnen"]
        fields += ["toelichting"]
        labels = {
            "titel": _("Titel"),
            "samenvatting": _("Samenvatting"),
            "laag": _("Laag"),
            "aanpak": _("Aanpak"),
            "bronnen": _("Bronnen"),
            "toelichting": _("Waarom stel je dit voor?"),
        }
        help_texts = {
            "samenvatting": _("In twee of drie zinnen: wat doe je en wat levert het op."),
            "aanpak": _("Hoe pak je het aan, in stappen of een korte beschrijving."),
            "bronnen": _("Eén bron per regel: een rapport, een collega, een andere gemeente."),
            "toelichting": _(
                "Wat heb je ermee meegemaakt, waar komt het vandaan? Schrijf geen gegevens op "
                "waarmee een klant herkenbaar is."
            ),
        }
        error_messages = {
            "titel": {"required": _("Geef het voorstel een titel.")},
            "samenvatting": {
                "required": _("Schrijf in een paar zinnen wat de interventie inhoudt."),
                "max_length": _(
                    "Houd de samenvatting op %(limit_value)d tekens (nu %(show_value)d)."
                ),
            },
            "toelichting": {
                "required": _(
                    "Schrijf op waarom je dit voorstelt, zodat de kennisbeheerder het kan wegen."
                )
            },
        }
        widgets = {
            "samenvatting": forms.Textarea(attrs={"rows": 3}),
            "aanpak": forms.Textarea(attrs={"rows": 6}),
            "bronnen": forms.Textarea(attrs={"rows": 3}),
            "toelichting": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, wijziging=False, **kwargs):
        super().__init__(*args, **kwargs)
        for naam in ("titel", "samenvatting", "aanpak", "bronnen", "toelichting"):
            self.fields[naam].validators.append(geen_persoonsgegevens)
        if wijziging:
            self.fields["aanpak"].label = _("Aanvulling op de aanpak")
            self.fields["aanpak"].help_text = _(
                "Wat moet er bij de aanpak bij? Komt achter de bestaande aanpak."
            )
            self.fields["toelichting"].label = _("Wat verander je en waarom?")


class AfwijzenFormulier(forms.Form):
    reden = forms.CharField(
        label=_("Reden"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[geen_persoonsgegevens],
        help_text=_("De indiener leest deze reden bij het voorstel."),
        error_messages={"required": _("Schrijf op waarom je het voorstel afwijst.")},
    )
