"""The five step types of an oefening, and how each one is judged.

Every step is a child of `StappenBlock` (its StreamField id is the step's stable id); every option
or conversation line is a ListBlock item (its id is the option's stable id). Answers store those
ids, so editing the text of an option never breaks an attempt.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock

from cms.privacy import geen_persoonsgegevens

EINDE = "einde"

TECHNIEKEN = [
    ("neutraal-informeren", _("Neutraal informeren")),
    ("open-vragen", _("Open vraag")),
    ("reflecteren", _("Reflecteren")),
    ("bevestigen", _("Bevestigen")),
    ("samenvatten", _("Samenvatten")),
]
VALKUILEN = [
    ("ongevraagd-advies", _("Valkuil: ongevraagd advies")),
    ("negatief-labelen", _("Valkuil: negatief labelen")),
    ("initiatief-overnemen", _("Valkuil: initiatief overnemen")),
    ("niet-doorvragen", _("Valkuil: niet doorvragen op een signaal")),
    ("eigen-norm", _("Valkuil: eigen norm opleggen")),
]
LABELS = TECHNIEKEN + VALKUILEN


@dataclass
class Beoordeling:
    """The outcome of one answer: what was chosen, the score (None when not scorable)."""

    keuzes: dict
    score: float | None = None
    max_score: float | None = None
    volgende: str = ""  # sleutel chosen by a branch, or EINDE


def _privacy_tekst(**kwargs):
    return blocks.TextBlock(validators=[geen_persoonsgegevens], **kwargs)


def _onbekende_keuze():
    return ValidationError(
        gettext("Deze keuze hoort niet bij deze stap. Kies een van de opties."),
        code="onbekende_keuze",
    )


def _items(waarde, naam):
    """(id, value) pairs of a ListBlock value: the id is the item's stable uuid."""
    return [(str(b.id), b.value) for b in waarde[naam].bound_blocks]


class StapBlock(blocks.StructBlock):
    """Fields every step shares: a title, an optional key to jump to, and where to go next."""

    stap_type = ""
    keuzestap = False  # colleagues' distribution is shown after keuze steps

    titel = blocks.CharBlock(label=_("titel van de stap"), max_length=120)
    sleutel = blocks.CharBlock(
        label=_("sleutel"),
        required=False,
        max_length=40,
        help_text=_("Korte naam (bijv. 'streng'), nodig als een keuze naar deze stap springt."),
    )
    daarna = blocks.CharBlock(
        label=_("daarna naar"),
        required=False,
        max_length=40,
        help_text=_("Sleutel van de volgende stap. Leeg: de stap hieronder. 'einde': klaar."),
    )

    def beoordeel(self, waarde, gegevens):
        raise NotImplementedError

    def keuzelijst(self, waarde):
        """(id, label) pairs a learner can choose from; empty for steps without choices."""
        return []

    def foute_opties(self, waarde):
        """Ids of choices that count as wrong, for the trainer's statistics."""
        return set()


class MeerkeuzeBlock(StapBlock):
    stap_type = "meerkeuze"
    keuzestap = True

    vraag = blocks.TextBlock(label=_("vraag"))
    opties = blocks.ListBlock(
        blocks.StructBlock(
            [
                ("tekst", blocks.CharBlock(label=_("optie"), max_length=300)),
                ("juist", blocks.BooleanBlock(label=_("juist"), required=False)),
                ("feedback", blocks.TextBlock(label=_("feedback bij deze optie"))),
            ],
            label=_("optie"),
        ),
        label=_("opties"),
        min_num=2,
    )
    algemene_feedback = blocks.TextBlock(label=_("algemene feedback"), required=False)

    class Meta:
        label = _("Meerkeuze")
        icon = "list-ul"

    def clean(self, value):
        value = super().clean(value)
        if not any(o["juist"] for _id, o in _items(value, "opties")):
            raise StructBlockValidationError(
                block_errors={"opties": ValidationError(gettext("Markeer minstens één optie."))}
            )
        return value

    def meerdere(self, waarde):
        return sum(1 for _id, o in _items(waarde, "opties") if o["juist"]) > 1

    def keuzelijst(self, waarde):
        return [(i, o["tekst"]) for i, o in _items(waarde, "opties")]

    def foute_opties(self, waarde):
        return {i for i, o in _items(waarde, "opties") if not o["juist"]}

    def beoordeel(self, waarde, gegevens):
        gekozen = set(gegevens["keuzes"])
        if not gekozen or not gekozen <= {i for i, _o in _items(waarde, "opties")}:
            raise _onbekende_keuze()
        juist = {i for i, o in _items(waarde, "opties") if o["juist"]}
        return Beoordeling(
            keuzes={"opties": sorted(gekozen)},
            score=1.0 if gekozen == juist else 0.0,
            max_score=1.0,
        )


class BeslismomentBlock(StapBlock):
    stap_type = "beslismoment"
    keuzestap = True

    situatie = _privacy_tekst(label=_("situatie"))
    vraag = blocks.CharBlock(label=_("vraag"), max_length=300)
    opties = blocks.ListBlock(
        blocks.StructBlock(
            [
                ("tekst", blocks.CharBlock(label=_("keuze"), max_length=300)),
                (
                    "pad",
                    blocks.CharBlock(
                        label=_("naam van dit pad"),
                        max_length=80,
                        help_text=_("Zo heet de route in de nabespreking, bijv. 'eerst zorg'."),
                    ),
                ),
                (
                    "verdedigbaar",
                    blocks.BooleanBlock(label=_("verdedigbaar"), required=False, default=True),
                ),
                ("feedback", blocks.TextBlock(label=_("gevolg en uitleg"))),
                (
                    "volgende",
                    blocks.CharBlock(
                        label=_("springt naar (sleutel)"),
                        required=False,
                        max_length=40,
                        help_text=_("Leeg: de stap hieronder. 'einde': de oefening is klaar."),
                    ),
                ),
            ],
            label=_("keuze"),
        ),
        label=_("keuzes"),
        min_num=2,
    )

    class Meta:
        label = _("Beslismoment")
        icon = "resubmit"

    def keuzelijst(self, waarde):
        return [(i, o["tekst"]) for i, o in _items(waarde, "opties")]

    def foute_opties(self, waarde):
        return {i for i, o in _items(waarde, "opties") if not o["verdedigbaar"]}

    def optie(self, waarde, optie_id):
        return dict(_items(waarde, "opties")).get(optie_id)

    def beoordeel(self, waarde, gegevens):
        keuze = gegevens["keuze"]
        optie = self.optie(waarde, keuze)
        if optie is None:
            raise _onbekende_keuze()
        return Beoordeling(
            keuzes={"opties": [keuze], "pad": optie["pad"]},
            score=1.0 if optie["verdedigbaar"] else 0.0,
            max_score=1.0,
            volgende=optie["volgende"].strip(),
        )


class InterventiesKiezenBlock(StapBlock):
    stap_type = "interventies"

    vraag = blocks.TextBlock(label=_("opdracht"))
    fase = SnippetChooserBlock("cms.Fase", label=_("fase"))
    trainer_keuze = blocks.ListBlock(
        blocks.StructBlock(
            [
                (
                    "interventie",
                    blocks.PageChooserBlock(
                        page_type="kennisbank.InterventiePage", label=_("interventie")
                    ),
                ),
                ("uitleg", blocks.TextBlock(label=_("waarom de trainer deze kiest"))),
            ]
        ),
        label=_("keuze van de trainer"),
        min_num=1,
    )
    andere_uitleg = blocks.ListBlock(
        blocks.StructBlock(
            [
                (
                    "interventie",
                    blocks.PageChooserBlock(
                        page_type="kennisbank.InterventiePage", label=_("interventie")
                    ),
                ),
                ("uitleg", blocks.TextBlock(label=_("waarom de trainer deze niet kiest"))),
                (
                    "verdedigbaar",
                    blocks.BooleanBlock(
                        label=_("ook verdedigbaar"),
                        required=False,
                        default=False,
                        help_text=_(
                            "Een goede keuze die de trainer hier niet maakte: telt niet tegen "
                            "de deelnemer."
                        ),
                    ),
                ),
            ]
        ),
        label=_("uitleg bij andere interventies"),
        required=False,
        default=[],
    )
    algemene_uitleg = blocks.TextBlock(
        label=_("uitleg bij andere keuzes"),
        required=False,
        help_text=_("Voor gekozen interventies zonder eigen uitleg hierboven."),
    )

    class Meta:
        label = _("Interventies kiezen")
        icon = "tasks"

    @staticmethod
    def _pk(pagina):
        return getattr(pagina, "pk", pagina)

    def trainer_ids(self, waarde):
        return {str(self._pk(o["interventie"])) for _i, o in _items(waarde, "trainer_keuze")}

    def verdedigbaar_ids(self, waarde):
        return {
            str(self._pk(o["interventie"]))
            for _i, o in _items(waarde, "andere_uitleg")
            if o.get("verdedigbaar")
        }

    def beoordeel(self, waarde, gegevens):
        """Overlap with the trainer's choice; an extra pick the trainer calls defensible is free.

        Several answers can be right (a trainer marks them "ook verdedigbaar"): such a pick neither
        adds to nor takes from the score, so only the trainer's picks missed and indefensible extras
        lower it.
        """
        gekozen = {str(pk) for pk in gegevens["keuzes"]}
        trainer = self.trainer_ids(waarde)
        telt = trainer | (gekozen - self.verdedigbaar_ids(waarde))
        overlap = len(gekozen & trainer) / len(telt) if telt else 1.0
        return Beoordeling(keuzes={"opties": sorted(gekozen)}, score=overlap, max_score=1.0)

    def vergelijking(self, waarde, gekozen, titels):
        """Each interventie in either selection, with who chose it and the trainer's reason."""
        uitleg = {
            str(self._pk(o["interventie"])): o["uitleg"]
            for _i, o in _items(waarde, "trainer_keuze")
        }
        anders = {
            str(self._pk(o["interventie"])): o["uitleg"]
            for _i, o in _items(waarde, "andere_uitleg")
        }
        verdedigbaar = self.verdedigbaar_ids(waarde)
        gekozen = set(gekozen)
        regels = []
        for pk in sorted(gekozen | set(uitleg), key=lambda p: titels.get(p, "")):
            if pk in gekozen and pk in uitleg:
                soort, tekst = "allebei", uitleg[pk]
            elif pk in uitleg:
                soort, tekst = "alleen_trainer", uitleg[pk]
            else:
                soort = "ook_verdedigbaar" if pk in verdedigbaar else "alleen_jij"
                tekst = anders.get(pk) or waarde["algemene_uitleg"]
            regels.append({"pk": pk, "titel": titels.get(pk, "?"), "soort": soort, "uitleg": tekst})
        return regels


class FragmentBeoordelenBlock(StapBlock):
    stap_type = "fragment"

    instructie = blocks.TextBlock(label=_("instructie"))
    regels = blocks.ListBlock(
        blocks.StructBlock(
            [
                (
                    "spreker",
                    blocks.ChoiceBlock(
                        choices=[("consulent", _("consulent")), ("klant", _("klant"))],
                        label=_("spreker"),
                    ),
                ),
                ("tekst", _privacy_tekst(label=_("tekst"))),
                ("label", blocks.ChoiceBlock(choices=LABELS, required=False, label=_("label"))),
                ("feedback", blocks.TextBlock(label=_("feedback bij deze regel"), required=False)),
            ],
            label=_("regel"),
        ),
        label=_("gespreksfragment"),
        min_num=2,
    )

    class Meta:
        label = _("Fragment beoordelen")
        icon = "openquote"

    def clean(self, value):
        value = super().clean(value)
        for _id, regel in _items(value, "regels"):
            if regel["spreker"] == "consulent" and not regel["label"]:
                raise StructBlockValidationError(
                    block_errors={
                        "regels": ValidationError(
                            gettext("Geef elke regel van de consulent een label: “%(tekst)s”.")
                            % {"tekst": regel["tekst"][:60]}
                        )
                    }
                )
        return value

    def consulent_regels(self, waarde):
        return [(i, r) for i, r in _items(waarde, "regels") if r["spreker"] == "consulent"]

    def beoordeel(self, waarde, gegevens):
        labels = gegevens["labels"]
        regels = self.consulent_regels(waarde)
        geldig = {code for code, _label in LABELS}
        if set(labels) != {i for i, _r in regels} or not set(labels.values()) <= geldig:
            raise _onbekende_keuze()
        goed = sum(1 for i, r in regels if labels.get(i) == r["label"])
        return Beoordeling(
            keuzes={"labels": labels}, score=float(goed), max_score=float(len(regels))
        )


class OpenVraagBlock(StapBlock):
    stap_type = "open"

    vraag = blocks.TextBlock(label=_("vraag"))
    modelantwoord = blocks.TextBlock(label=_("modelantwoord"))
    rubric = blocks.ListBlock(
        blocks.CharBlock(label=_("criterium"), max_length=200),
        label=_("zelfbeoordeling: criteria"),
        min_num=1,
    )

    class Meta:
        label = _("Open vraag")
        icon = "edit"

    def beoordeel(self, waarde, gegevens):
        return Beoordeling(keuzes={}, score=None, max_score=None)


class StappenBlock(blocks.StreamBlock):
    meerkeuze = MeerkeuzeBlock()
    beslismoment = BeslismomentBlock()
    interventies = InterventiesKiezenBlock()
    fragment = FragmentBeoordelenBlock()
    open = OpenVraagBlock()

    class Meta:
        min_num = 1

    def clean(self, value):
        value = super().clean(value)
        sleutels = {}
        for index, stap in enumerate(value):
            sleutel = (stap.value["sleutel"] or "").strip()
            if sleutel:
                if sleutel in sleutels or sleutel == EINDE:
                    raise blocks.StreamBlockValidationError(
                        block_errors={
                            index: ValidationError(
                                gettext("De sleutel “%(s)s” is al gebruikt.") % {"s": sleutel}
                            )
                        }
                    )
                sleutels[sleutel] = index
        for index, stap in enumerate(value):
            doelen = [stap.value["daarna"]]
            if stap.block_type == "beslismoment":
                doelen += [o["volgende"] for o in stap.value["opties"]]
            for doel in filter(None, (d.strip() for d in doelen)):
                if doel != EINDE and sleutels.get(doel, -1) <= index:
                    raise blocks.StreamBlockValidationError(
                        block_errors={
                            index: ValidationError(
                                gettext(
                                    "“%(s)s” is geen sleutel van een latere stap. Verwijs alleen "
                                    "vooruit, of gebruik 'einde'."
                                )
                                % {"s": doel}
                            )
                        }
                    )
        return value
