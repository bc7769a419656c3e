"""Forms of the intervisie pages. Free text is checked by cms.privacy (model validators)."""

import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.invoer import ModelKeuze, ModelKeuzes
from cms.privacy import controleer_tekst
from cms.widgets import DatumInvoer, TijdInvoer
from kennisbank.models import InterventiePage
from leernetwerk.models import (
    Intervisiemethode,
    Intervisiesessie,
    Koppelobservatie,
    Registerperiode,
    Voornemen,
)


class GebruikerKeuze(ModelKeuze):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.username


def _deelnemers_qs(groep):
    ids = set(groep.leden.values_list("pk", flat=True)) | set(
        groep.gespreksleiders.values_list("pk", flat=True)
    )
    return get_user_model().objects.filter(pk__in=ids).order_by("first_name", "last_name")


class VersieMixin(forms.Form):
    """A hidden version number: the save is refused when someone else saved in between."""

    versie = forms.IntegerField(widget=forms.HiddenInput)


REGISTER_VELDEN = ("pauze_minuten", "reflectievorm", "onderwerp", "begeleider_extern")
REGISTER_WIDGETS = {
    "pauze_minuten": forms.NumberInput(attrs={"min": "0", "step": "5", "inputmode": "numeric"}),
}


class SessieTijdenMixin:
    """Times and the register fields: an end after the start, breaks shorter than the session.

    A form posted without the register fields (an older page) keeps what the session had.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for naam in ("pauze_minuten", "reflectievorm"):
            if naam in self.fields:
                self.fields[naam].required = False
        if "pauze_minuten" in self.fields:
            self.fields["pauze_minuten"].error_messages.update(
                {
                    "invalid": _("Vul de pauze in als een heel aantal minuten, bijvoorbeeld 15."),
                    "min_value": _("De pauze kan niet negatief zijn."),
                    "max_value": _("Een pauze van meer dan 600 minuten klopt niet."),
                }
            )

    def clean_pauze_minuten(self):
        waarde = self.cleaned_data.get("pauze_minuten")
        return self.instance.pauze_minuten if waarde is None else waarde

    def clean_reflectievorm(self):
        waarde = self.cleaned_data.get("reflectievorm")
        if waarde:
            return waarde
        methode = self.cleaned_data.get("methode")
        return methode.reflectievorm if methode else self.instance.reflectievorm

    def clean(self):
        data = super().clean()
        start, eind = data.get("start"), data.get("eind")
        if start and eind and eind <= start:
            self.add_error("eind", _("De eindtijd moet na de begintijd liggen."))
        return data


class SessieNieuwForm(SessieTijdenMixin, forms.ModelForm):
    class Meta:
        model = Intervisiesessie
        fields = [
            "methode",
            "datum",
            "start",
            "eind",
            "pauze_minuten",
            "vorm",
            "reflectievorm",
            "gespreksleider",
            "begeleider_extern",
            "notulist",
            "onderwerp",
        ]
        widgets = {
            "datum": DatumInvoer(),
            "start": TijdInvoer(),
            "eind": TijdInvoer(),
            **REGISTER_WIDGETS,
        }
        field_classes = {
            "methode": ModelKeuze,
            "gespreksleider": GebruikerKeuze,
            "notulist": GebruikerKeuze,
        }

    def __init__(self, *args, groep, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["methode"].queryset = Intervisiemethode.objects.all()
        for naam in ("gespreksleider", "notulist"):
            self.fields[naam].queryset = _deelnemers_qs(groep)
        self.fields["reflectievorm"].choices = [
            ("", _("zoals de methode voorstelt")),
            *Intervisiesessie._meta.get_field("reflectievorm").choices,
        ]
        if not self.is_bound:
            self.initial.setdefault("reflectievorm", "")
            self.initial.setdefault("methode", groep.standaard_methode_id)
            self.initial.setdefault("datum", timezone.localdate())
            self.initial.setdefault("start", datetime.time(9, 30))
            self.initial.setdefault("eind", datetime.time(11, 0))


class SessieVerslagForm(SessieTijdenMixin, VersieMixin, forms.ModelForm):
    """The whole record, for editing after (or during) the session."""

    class Meta:
        model = Intervisiesessie
        fields = [
            "datum",
            "start",
            "eind",
            "pauze_minuten",
            "vorm",
            "reflectievorm",
            "onderwerp",
            "gespreksleider",
            "begeleider_extern",
            "notulist",
            "inbrenger",
            "casus",
            "hulpvraag",
            "leerpunten",
            "agenda",
            "procesverslag",
            "procesverslag_auteur",
            "interventies",
            "schemawijzigingen",
            "fases",
            "doelgroepen",
        ]
        widgets = {
            "datum": DatumInvoer(),
            "start": TijdInvoer(),
            "eind": TijdInvoer(),
            **REGISTER_WIDGETS,
            "casus": forms.Textarea(attrs={"rows": 5}),
            "hulpvraag": forms.Textarea(attrs={"rows": 2}),
            "leerpunten": forms.Textarea(attrs={"rows": 4}),
            "agenda": forms.Textarea(attrs={"rows": 4}),
            "procesverslag": forms.Textarea(attrs={"rows": 8}),
            "fases": forms.CheckboxSelectMultiple,
            "doelgroepen": forms.CheckboxSelectMultiple,
        }
        field_classes = {
            "gespreksleider": GebruikerKeuze,
            "notulist": GebruikerKeuze,
            "inbrenger": GebruikerKeuze,
            "procesverslag_auteur": GebruikerKeuze,
            "interventies": ModelKeuzes,
            "schemawijzigingen": ModelKeuzes,
            "fases": ModelKeuzes,
            "doelgroepen": ModelKeuzes,
        }

    LEERNETWERK_VELDEN = ("agenda", "procesverslag", "procesverslag_auteur", "schemawijzigingen")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        sessie = self.instance
        for naam in ("gespreksleider", "notulist", "inbrenger", "procesverslag_auteur"):
            self.fields[naam].queryset = _deelnemers_qs(sessie.groep)
        interventies = InterventiePage.objects.live().order_by("title")
        self.fields["interventies"].queryset = interventies
        self.fields["schemawijzigingen"].queryset = interventies
        if not sessie.methode.is_leernetwerk:
            for naam in self.LEERNETWERK_VELDEN:
                del self.fields[naam]
        if not self.is_bound:
            self.initial["versie"] = sessie.versie

    def gegevens(self):
        return {k: v for k, v in self.cleaned_data.items() if k != "versie"}


class StapForm(VersieMixin):
    """Notes for one method step while running the session."""

    notitie = forms.CharField(
        label=_("Notities bij deze stap"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
    )

    def clean_notitie(self):
        notitie = self.cleaned_data["notitie"]
        controleer_tekst(notitie)
        return notitie


class TerugblikForm(VersieMixin, forms.ModelForm):
    """Step 0: the inbrenger, the case and the hulpvraag (or the agenda of a bijeenkomst)."""

    class Meta:
        model = Intervisiesessie
        fields = ["inbrenger", "casus", "hulpvraag", "agenda"]
        widgets = {
            "casus": forms.Textarea(attrs={"rows": 5}),
            "hulpvraag": forms.Textarea(attrs={"rows": 2}),
            "agenda": forms.Textarea(attrs={"rows": 4}),
        }
        field_classes = {"inbrenger": GebruikerKeuze}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["inbrenger"].queryset = _deelnemers_qs(self.instance.groep)
        if self.instance.methode.is_leernetwerk:
            del self.fields["inbrenger"], self.fields["casus"], self.fields["hulpvraag"]
        else:
            del self.fields["agenda"]
        if not self.is_bound:
            self.initial["versie"] = self.instance.versie


class AfrondingForm(VersieMixin, forms.ModelForm):
    """Last step: leerpunten, a new actiepunt and, for a bijeenkomst, the procesverslag and a
    participant's voornemen. One form, so nothing typed is lost when something is added."""

    actiepunt = forms.CharField(label=_("Nieuw actiepunt"), required=False, max_length=300)
    actiepunt_eigenaar = GebruikerKeuze(label=_("Eigenaar"), queryset=None, required=False)
    actiepunt_deadline = forms.DateField(label=_("Klaar op"), required=False, widget=DatumInvoer())
    voornemen_gebruiker = GebruikerKeuze(label=_("Deelnemer"), queryset=None, required=False)
    voornemen_interventie = ModelKeuze(
        label=_("Interventie die deze deelnemer gaat proberen"), queryset=None, required=False
    )

    class Meta:
        model = Intervisiesessie
        fields = ["leerpunten", "procesverslag", "procesverslag_auteur"]
        widgets = {
            "leerpunten": forms.Textarea(attrs={"rows": 5}),
            "procesverslag": forms.Textarea(attrs={"rows": 8}),
        }
        field_classes = {"procesverslag_auteur": GebruikerKeuze}

    ACTIEPUNT_VELDEN = ("actiepunt", "actiepunt_eigenaar", "actiepunt_deadline")
    VOORNEMEN_VELDEN = ("voornemen_gebruiker", "voornemen_interventie")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        deelnemers = _deelnemers_qs(self.instance.groep)
        for naam in ("procesverslag_auteur", "actiepunt_eigenaar", "voornemen_gebruiker"):
            self.fields[naam].queryset = deelnemers
        interventies = InterventiePage.objects.live().order_by("title")
        self.fields["voornemen_interventie"].queryset = interventies
        if not self.instance.methode.is_leernetwerk:
            for naam in ("procesverslag", "procesverslag_auteur", *self.VOORNEMEN_VELDEN):
                del self.fields[naam]
        if not self.is_bound:
            self.initial["versie"] = self.instance.versie

    def clean_actiepunt(self):
        controleer_tekst(self.cleaned_data["actiepunt"])
        return self.cleaned_data["actiepunt"]

    def clean(self):
        data = super().clean()
        if data.get("actiepunt") and not data.get("actiepunt_eigenaar"):
            self.add_error("actiepunt_eigenaar", _("Kies wie dit actiepunt oppakt."))
        if data.get("actiepunt_eigenaar") and not data.get("actiepunt"):
            self.add_error("actiepunt", _("Beschrijf het actiepunt."))
        gebruiker, interventie = data.get("voornemen_gebruiker"), data.get("voornemen_interventie")
        if bool(gebruiker) != bool(interventie):
            veld = "voornemen_interventie" if gebruiker else "voornemen_gebruiker"
            self.add_error(veld, _("Kies zowel de deelnemer als de interventie."))
        return data

    def nieuw_actiepunt(self):
        if not self.cleaned_data.get("actiepunt"):
            return None
        return {
            "omschrijving": self.cleaned_data["actiepunt"],
            "eigenaar": self.cleaned_data["actiepunt_eigenaar"],
            "deadline": self.cleaned_data.get("actiepunt_deadline"),
        }

    def nieuw_voornemen(self):
        if not self.cleaned_data.get("voornemen_gebruiker"):
            return None
        return {
            "gebruiker": self.cleaned_data["voornemen_gebruiker"],
            "interventie": self.cleaned_data["voornemen_interventie"],
        }

    def sessie_gegevens(self):
        extra = {"versie", *self.ACTIEPUNT_VELDEN, *self.VOORNEMEN_VELDEN}
        return {k: v for k, v in self.cleaned_data.items() if k not in extra}


class VoornemenReflectieForm(forms.ModelForm):
    class Meta:
        model = Voornemen
        fields = ["reflectie_gedaan", "reflectie_werkte"]
        widgets = {
            "reflectie_gedaan": forms.Textarea(attrs={"rows": 3}),
            "reflectie_werkte": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", f"voornemen-{kwargs['instance'].pk}")
        super().__init__(*args, **kwargs)
        for veld in self.fields.values():
            veld.required = True


class RedenForm(forms.Form):
    reden = forms.CharField(
        label=_("Waarom moet je deze inhoud openen?"),
        help_text=_(
            "Je reden wordt vastgelegd in het toegangslog. Intervisie is vertrouwelijk voor de "
            "groep; open de inhoud alleen bij een gegronde reden, zoals een klacht of een "
            "verzoek van de groep zelf."
        ),
        min_length=15,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Geef een reden op."),
            "min_length": _("Beschrijf de reden in minstens 15 tekens."),
        },
    )


class UrenForm(forms.Form):
    van = forms.DateField(label=_("Van"), widget=DatumInvoer())
    tot = forms.DateField(label=_("Tot en met"), widget=DatumInvoer())

    MAX_JAREN = 10  # a page per calendar year: a register period and then some

    def clean(self):
        data = super().clean()
        van, tot = data.get("van"), data.get("tot")
        if van and tot and tot < van:
            self.add_error("tot", _("De einddatum ligt voor de begindatum."))
        elif van and tot and tot.year - van.year >= self.MAX_JAREN:
            self.add_error(
                "van",
                _("Kies een periode van hoogstens %(n)d kalenderjaren.") % {"n": self.MAX_JAREN},
            )
        return data


class RegisterperiodeForm(forms.ModelForm):
    """The person's own five-year register period and minimum; Dutch messages at each field."""

    class Meta:
        model = Registerperiode
        fields = ["register", "registratienummer", "begin", "minimum_uren"]
        widgets = {
            "begin": DatumInvoer(),
            "minimum_uren": forms.TextInput(attrs={"inputmode": "decimal"}),
        }
        error_messages = {
            "register": {
                "required": _("Vul de naam van je register in, bijvoorbeeld Registerplein."),
                "max_length": _("Gebruik voor de naam van het register hoogstens 100 tekens."),
            },
            "registratienummer": {
                "max_length": _("Een registratienummer heeft hoogstens 40 tekens."),
            },
            "begin": {
                "required": _("Vul de begindatum van je registerperiode in."),
                "invalid": _("Vul een geldige datum in, bijvoorbeeld 2024-09-01."),
            },
            "minimum_uren": {
                "required": _("Vul in hoeveel reflectie-uren je register in vijf jaar vraagt."),
                "invalid": _("Vul een getal in, bijvoorbeeld 60 of 37,5."),
                "min_value": _("Het minimum is ten minste 1 uur."),
                "max_value": _("Meer dan 1000 uur in vijf jaar klopt niet; kijk het na."),
                "max_digits": _("Vul een getal in van hoogstens 1000, met één decimaal."),
                "max_decimal_places": _("Gebruik hoogstens één cijfer achter de komma."),
                "max_whole_digits": _("Meer dan 1000 uur in vijf jaar klopt niet; kijk het na."),
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["minimum_uren"].localize = True
        self.fields["minimum_uren"].widget.is_localized = True

    def clean_begin(self):
        begin = self.cleaned_data["begin"]
        vandaag = timezone.localdate()
        if begin > vandaag + datetime.timedelta(days=366):
            raise forms.ValidationError(
                _(
                    "Deze periode begint pas over meer dan een jaar. Kies de begindatum die je "
                    "register noemt."
                )
            )
        if begin.year < 2000:
            raise forms.ValidationError(_("Kies een begindatum vanaf 2000."))
        return begin


class LidmaatschapForm(forms.Form):
    """Add or remove a member or gespreksleider of a group, always with a reason (audit log)."""

    actie = forms.ChoiceField(
        label=_("Wat wil je doen?"),
        choices=[("toevoegen", _("Toevoegen")), ("verwijderen", _("Verwijderen"))],
        widget=forms.RadioSelect,
        initial="toevoegen",
        error_messages={"required": _("Kies toevoegen of verwijderen.")},
    )
    rol = forms.ChoiceField(
        label=_("Als"),
        choices=[("lid", _("lid")), ("gespreksleider", _("gespreksleider"))],
        widget=forms.RadioSelect,
        initial="lid",
        error_messages={"required": _("Kies lid of gespreksleider.")},
    )
    persoon = GebruikerKeuze(
        label=_("Wie"),
        queryset=get_user_model()
        .objects.filter(is_active=True)
        .order_by("first_name", "last_name", "username"),
        error_messages={
            "required": _("Kies een persoon."),
            "invalid_choice": _("Deze persoon bestaat niet (meer); kies iemand uit de lijst."),
        },
    )
    reden = forms.CharField(
        label=_("Reden"),
        help_text=_(
            "Komt in het auditlog, met wie dit deed. Wie later lid wordt, leest de sessies van "
            "vóór de toetreding niet, tenzij een eerder lid van de groep die deelt."
        ),
        min_length=15,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Geef een reden op."),
            "min_length": _("Beschrijf de reden in minstens 15 tekens."),
        },
    )


# --- Koppels -----------------------------------------------------------------------------------


def _consulenten():
    from cms.rollen import CONSULENT

    return (
        get_user_model()
        .objects.filter(groups__name=CONSULENT, is_active=True)
        .order_by("first_name", "last_name", "username")
    )


class KoppelForm(forms.Form):
    """A trainer or beheerder pairs two consulenten."""

    consulent = GebruikerKeuze(label=_("Consulent"), queryset=get_user_model().objects.none())
    collega = GebruikerKeuze(label=_("Kijkt mee met"), queryset=get_user_model().objects.none())
    cadans_weken = forms.IntegerField(
        label=_("Om de hoeveel weken"),
        min_value=1,
        max_value=26,
        initial=4,
        help_text=_("In de praktijk werkte eens per vier weken."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for naam in ("consulent", "collega"):
            self.fields[naam].queryset = _consulenten()


class KoppelobservatieForm(forms.ModelForm):
    """What one of the pair saw in the other's client conversation."""

    technieken = ModelKeuzes(
        label=_("Welke technieken zag je?"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    valkuilen = forms.MultipleChoiceField(
        label=_("Welke valkuilen zag je?"),
        choices=(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Koppelobservatie
        fields = ["datum", "technieken", "valkuilen", "ging_goed", "tip"]
        widgets = {
            "datum": DatumInvoer(),
            "ging_goed": forms.Textarea(attrs={"rows": 4}),
            "tip": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "ging_goed": _("Anoniem: schrijf over het gesprek, niet over wie de klant is."),
            "tip": _("Eén concrete tip voor het volgende gesprek."),
        }

    def __init__(self, *args, **kwargs):
        from cms.taxonomie import Basismethodiek
        from oefeningen.blocks import VALKUILEN

        super().__init__(*args, **kwargs)
        self.fields["technieken"].queryset = Basismethodiek.objects.filter(
            soort=Basismethodiek.Soort.TECHNIEK
        )
        self.fields["valkuilen"].choices = VALKUILEN
        self.fields["datum"].initial = timezone.localdate
        self.fields["datum"].label = _("Datum van het gesprek")


# --- Eigen casus inbrengen ---------------------------------------------------------------------

OEFENING = "oefening"


class EigenCasusForm(forms.Form):
    """A case from one's own practice: a reflection for an intervisie group, or a draft
    oefening for the trainers. Every text goes through the privacy check at its field."""

    bestemming = forms.ChoiceField(
        label=_("Wat wil je met deze casus?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies waar je casus heen gaat.")},
    )
    titel = forms.CharField(label=_("Titel"), max_length=150, validators=[controleer_tekst])
    casus = forms.CharField(
        label=_("De casus"),
        widget=forms.Textarea(attrs={"rows": 7}),
        validators=[controleer_tekst],
        help_text=_(
            "Anoniem: geen naam, BSN, adres, telefoonnummer, e-mailadres of geboortedatum. "
            "Schrijf 'een jongen van 19' in plaats van wie hij is."
        ),
    )
    vraag = forms.CharField(
        label=_("Je reflectie en je vraag"),
        widget=forms.Textarea(attrs={"rows": 4}),
        validators=[controleer_tekst],
        help_text=_(
            "Voor de groep: wat je deed, wat je twijfel is en wat je aan de groep vraagt. "
            "Voor een oefening: de vraag aan wie de oefening maakt."
        ),
    )
    casus_profiel = forms.CharField(
        label=_("Profiel (alleen voor een oefening)"),
        max_length=255,
        required=False,
        validators=[controleer_tekst],
        help_text=_(
            "Bijvoorbeeld 'vrouw van 34, twee kinderen, wil werken maar heeft geen opvang'."
        ),
    )
    eigen_aanpak = forms.CharField(
        label=_("Wat ik deed en wat ik ervan leerde (alleen voor een oefening)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        validators=[controleer_tekst],
        help_text=_("Helpt de trainer bij het modelantwoord."),
    )

    def __init__(self, *args, groepen, **kwargs):
        super().__init__(*args, **kwargs)
        self.groepen = {str(g.pk): g for g in groepen}
        keuzes = [
            (pk, _("Reflectie voor mijn groep “%(groep)s”") % {"groep": g.naam})
            for pk, g in self.groepen.items()
        ]
        keuzes.append((OEFENING, _("Concept-oefening die een trainer kan overnemen")))
        self.fields["bestemming"].choices = keuzes

    def clean(self):
        data = super().clean()
        if data.get("bestemming") == OEFENING and not data.get("casus_profiel"):
            self.add_error(
                "casus_profiel", _("Een oefening heeft een kort, anoniem profiel nodig.")
            )
        return data

    @property
    def groep(self):
        return self.groepen.get(self.cleaned_data.get("bestemming"))
