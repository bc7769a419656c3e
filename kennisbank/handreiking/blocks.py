"""StreamField blocks of a handreiking chapter.

Blocks that describe practice (praktijkvoorbeeld, conversation fragments) pass the privacy guard:
text that identifies a client is refused at the field, with a Dutch message naming what to remove.
"""

from django.core.exceptions import ValidationError
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

from cms.privacy import vind_persoonsgegevens

RICHTEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "h3", "h4"]


def begrip_anker(term):
    """The anchor of a term in the begrippenlijst, e.g. 'begrip-zelfsturend-vermogen'."""
    return f"begrip-{slugify(term)}"


class PrivacyGecontroleerdMixin:
    """Refuse client-identifying data in the named text children of a StructBlock."""

    privacy_velden = ()

    def clean(self, value):
        value = super().clean(value)
        fouten = {}
        for veld in self.privacy_velden:
            vondsten = vind_persoonsgegevens(str(value.get(veld) or ""))
            if vondsten:
                fouten[veld] = ValidationError(
                    " ".join(
                        [
                            str(
                                _(
                                    "Deze tekst bevat gegevens waarmee een klant herkenbaar is. "
                                    "Maak het voorbeeld anoniem:"
                                )
                            )
                        ]
                        + [v.melding for v in vondsten]
                    ),
                    code="persoonsgegevens",
                )
        if fouten:
            raise StructBlockValidationError(block_errors=fouten)
        return value


class TekstBlock(blocks.RichTextBlock):
    """Rich text. Where it names a term from the begrippenlijst, the first mention links to it."""

    def render(self, value, context=None):
        html = super().render(value, context)
        koppelen = (context or {}).get("begrippen_koppelen")
        return mark_safe(koppelen(str(html))) if koppelen else html  # noqa: S308

    class Meta:
        icon = "pilcrow"
        label = _("tekst")


class KernbegripBlock(blocks.StructBlock):
    term = blocks.CharBlock(label=_("begrip"), max_length=80)
    definitie = blocks.TextBlock(label=_("betekenis"))

    class Meta:
        icon = "tag"
        label = _("kernbegrip")
        template = "handreiking/blocks/kernbegrip.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["anker"] = begrip_anker(value["term"])
        return context


class DialoogregelBlock(PrivacyGecontroleerdMixin, blocks.StructBlock):
    privacy_velden = ("tekst",)

    spreker = blocks.ChoiceBlock(
        choices=[("consulent", _("consulent")), ("klant", _("klant"))],
        default="consulent",
        label=_("wie spreekt"),
    )
    tekst = blocks.TextBlock(label=_("wat wordt er gezegd"))

    class Meta:
        icon = "openquote"
        label = _("regel")


class FragmentBlock(blocks.StructBlock):
    oordeel = blocks.ChoiceBlock(
        choices=[("goed", _("goed voorbeeld")), ("fout", _("zo liever niet"))],
        default="goed",
        label=_("oordeel"),
    )
    regels = blocks.ListBlock(DialoogregelBlock(), label=_("gespreksregels"), min_num=1)
    toelichting = blocks.TextBlock(label=_("toelichting"), required=False)

    class Meta:
        icon = "openquote"
        label = _("gespreksfragment")


class TechniekBlock(blocks.StructBlock):
    naam = blocks.CharBlock(label=_("naam van de techniek"), max_length=120)
    wanneer = blocks.TextBlock(label=_("wanneer zet je dit in"))
    fragmenten = blocks.ListBlock(
        FragmentBlock(), label=_("voorbeeldfragmenten"), required=False, default=[]
    )

    class Meta:
        icon = "group"
        label = _("techniek")
        template = "handreiking/blocks/techniek.html"


class ValkuilBlock(blocks.StructBlock):
    titel = blocks.CharBlock(label=_("valkuil"), max_length=160)
    tekst = blocks.TextBlock(label=_("wat gaat er mis"))
    beter = blocks.TextBlock(label=_("wat werkt beter"), required=False)

    class Meta:
        icon = "warning"
        label = _("valkuil")
        template = "handreiking/blocks/valkuil.html"


class PraktijkvoorbeeldBlock(PrivacyGecontroleerdMixin, blocks.StructBlock):
    privacy_velden = ("titel", "tekst")

    titel = blocks.CharBlock(label=_("titel"), max_length=160)
    tekst = blocks.TextBlock(
        label=_("voorbeeld"),
        help_text=_("Anoniem: geen namen, BSN, adressen, telefoonnummers of geboortedata."),
    )

    class Meta:
        icon = "user"
        label = _("praktijkvoorbeeld")
        template = "handreiking/blocks/praktijkvoorbeeld.html"


class TipBlock(blocks.TextBlock):
    class Meta:
        icon = "help"
        label = _("tip")
        template = "handreiking/blocks/tip.html"


class BronBlock(blocks.StructBlock):
    bron = blocks.CharBlock(label=_("bronvermelding"), max_length=400)
    url = blocks.URLBlock(label=_("link"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("bron")
        template = "handreiking/blocks/bron.html"


class VerwijzingBlock(blocks.StructBlock):
    """A pointer to an interventie, beslismoment or oefening, with its fase badges.

    The page view looks up every target of a chapter at once (see selectors.verwijzingen) and puts
    them in the context as `verwijzingen`; this block only reads that lookup.
    """

    # Named by string: the kennisbank does not import oefeningen (a higher app); Wagtail
    # resolves the names when the chooser is used, after all apps are loaded.
    pagina = blocks.PageChooserBlock(
        page_type=[
            "kennisbank.InterventiePage",
            "kennisbank.BeslismomentPage",
            "oefeningen.OefeningPage",
        ],
        label=_("interventie, beslismoment of oefening"),
        help_text=_("Kies een interventie, beslismoment of oefening."),
    )
    toelichting = blocks.CharBlock(label=_("waarom hier"), required=False, max_length=240)

    class Meta:
        icon = "link"
        label = _("verwijzing")
        template = "handreiking/blocks/verwijzing.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        pagina = value.get("pagina")
        lookup = (parent_context or {}).get("verwijzingen") or {}
        context["doel"] = lookup.get(pagina.pk) if pagina is not None else None
        return context


class AfbeeldingBlock(blocks.StructBlock):
    afbeelding = ImageChooserBlock(label=_("afbeelding"))
    alt = blocks.CharBlock(
        label=_("tekstalternatief"),
        max_length=250,
        help_text=_("Beschrijf wat er te zien is, voor wie de afbeelding niet ziet."),
    )
    onderschrift = blocks.CharBlock(label=_("onderschrift"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("afbeelding")
        template = "handreiking/blocks/afbeelding.html"


class SchemaStapBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("stap"), max_length=120)
    toelichting = blocks.TextBlock(label=_("toelichting"), required=False)


class SchemaBlock(blocks.StructBlock):
    """A step or stage diagram, e.g. the five steps of zelfsturing, rendered as text."""

    titel = blocks.CharBlock(label=_("titel"), max_length=160)
    stappen = blocks.ListBlock(SchemaStapBlock(), label=_("stappen"), min_num=2)

    class Meta:
        icon = "list-ol"
        label = _("schema")
        template = "handreiking/blocks/schema.html"


class HoofdstukBlock(blocks.StreamBlock):
    tekst = TekstBlock(features=RICHTEXT_FEATURES)
    kernbegrip = KernbegripBlock()
    techniek = TechniekBlock()
    valkuil = ValkuilBlock()
    praktijkvoorbeeld = PraktijkvoorbeeldBlock()
    tip = TipBlock()
    bron = BronBlock()
    verwijzing = VerwijzingBlock()
    afbeelding = AfbeeldingBlock()
    schema = SchemaBlock()
