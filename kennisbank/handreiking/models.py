"""The methodiek handreiking: one book per methodiek, chapters below it, one level of paragraphs.

Chapters go through Wagtail's revisions and the moderation workflow of the handreiking index
(a trainer submits, a kennisbeheerder approves). Each chapter carries its eigenaar and review
dates, and a short wijzigingsnotitie per publication so readers see what changed.
"""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.beoordeling import Beoordeelbaar
from cms.inhoudcache import BeperkingenUitCache
from cms.invoer import terugweg
from kennisbank.handreiking.blocks import RICHTEXT_FEATURES, HoofdstukBlock

# Sub-URLs of books and chapters; a chapter slug may not take one of these.
GERESERVEERDE_SLUGS = {"begrippen", "afdrukken", "pdf", "gelezen", "wijzigingen"}


class HandreikingIndexPage(BeperkingenUitCache, Page):
    """/handreiking/: the shelf with every book. Created by a migration; the workflow sits here."""

    intro = models.TextField(_("introductie"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["handreiking.HandreikingPage"]
    max_count = 1

    class Meta:
        verbose_name = _("handreikingen (overzicht)")

    def get_context(self, request, *args, **kwargs):
        from kennisbank.handreiking import selectors

        context = super().get_context(request, *args, **kwargs)
        context["boeken"] = selectors.boekenplank(self, request.user)
        return context


class HandreikingPage(BeperkingenUitCache, RoutablePageMixin, Page):
    """A book: the handreiking of one methodiek."""

    samenvatting = models.TextField(_("samenvatting"), max_length=600)
    intro = RichTextField(_("inleiding"), blank=True, features=RICHTEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("samenvatting"), FieldPanel("intro")]
    search_fields = Page.search_fields + [
        index.SearchField("samenvatting"),
        index.SearchField("intro"),
        index.AutocompleteField("title"),
    ]
    parent_page_types = ["handreiking.HandreikingIndexPage"]
    subpage_types = ["handreiking.HoofdstukPage"]

    class Meta:
        verbose_name = _("handreiking")
        verbose_name_plural = _("handreikingen")

    @path("")
    def boek(self, request):
        from kennisbank.handreiking import selectors

        return self.render(
            request, context_overrides=selectors.boek_context(self, request, pagina=self)
        )

    @path("begrippen/", name="begrippen")
    def begrippen(self, request):
        from kennisbank.handreiking import selectors

        return self.render(
            request,
            template="handreiking/begrippenlijst.html",
            context_overrides=selectors.begrippenlijst_context(self, request),
        )

    @path("afdrukken/", name="afdrukken")
    def afdrukken(self, request):
        from kennisbank.handreiking import selectors

        return self.render(
            request,
            template="handreiking/boek_afdrukken.html",
            context_overrides=selectors.volledig_boek_context(self, request),
        )

    @path("pdf/", name="pdf")
    def pdf(self, request):
        """The PDF built for this version of the book; if there is none yet, queue its build
        and say so (no request waits for WeasyPrint: see kennisbank/handreiking/pdf.py)."""
        from kennisbank.handreiking import pdf, selectors

        if not pdf.beschikbaar():
            context = selectors.volledig_boek_context(self, request)
            response = self.render(
                request, template="handreiking/pdf_niet_beschikbaar.html", context_overrides=context
            )
            response.status_code = 503
            return response
        versie = pdf.boekversie(self)
        bestand = pdf.pdf_pad(self, versie)
        if not bestand.exists():
            pdf.bouw_vragen(self, versie)  # with an immediate task backend it is there now
        if bestand.exists():
            response = HttpResponse(bestand.read_bytes(), content_type="application/pdf")
            response["Content-Disposition"] = f'attachment; filename="{self.slug}.pdf"'
            return response
        response = self.render(
            request,
            template="handreiking/pdf_wordt_gemaakt.html",
            context_overrides={"boek": self, **selectors.boek_urls(self, request)},
        )
        response.status_code = 202
        return response


class HoofdstukPageForm(WagtailAdminPageForm):
    """Admin form: a fresh change note per publication, no reserved slugs (review dates: model)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The note belongs to one publication: start empty unless an unpublished draft has one.
        if self.instance.pk and not self.instance.has_unpublished_changes:
            self.initial["wijzigingsnotitie"] = ""

    def clean(self):
        cleaned = super().clean()
        slug = cleaned.get("slug")
        if slug in GERESERVEERDE_SLUGS:
            self.add_error(
                "slug",
                gettext("“%(slug)s” is gereserveerd voor de handreiking; kies een ander adres.")
                % {"slug": slug},
            )
        return cleaned


class HoofdstukPage(BeperkingenUitCache, RoutablePageMixin, Beoordeelbaar, Page):
    """A chapter of a book, or a paragraph of a chapter (one level deep)."""

    samenvatting = models.TextField(
        _("samenvatting"),
        max_length=400,
        blank=True,
        help_text=_("Eén of twee zinnen: waar gaat dit hoofdstuk over."),
    )
    body = StreamField(HoofdstukBlock(), verbose_name=_("inhoud"))
    fases = ParentalManyToManyField(
        "cms.Fase", verbose_name=_("fases"), blank=True, related_name="+"
    )
    doelgroepen = ParentalManyToManyField(
        "cms.Doelgroep", verbose_name=_("doelgroepen"), blank=True, related_name="+"
    )
    wijzigingsnotitie = models.CharField(
        _("wijzigingsnotitie"),
        max_length=255,
        blank=True,
        help_text=_("Kort: wat is er veranderd in deze versie? Lezers zien dit na publicatie."),
    )

    base_form_class = HoofdstukPageForm
    content_panels = Page.content_panels + [
        FieldPanel("samenvatting"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("fases", widget=forms.CheckboxSelectMultiple),
                FieldPanel("doelgroepen", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Voor welke fase en doelgroep"),
        ),
        MultiFieldPanel(
            [
                *Beoordeelbaar.beoordeling_panels,
                FieldPanel("wijzigingsnotitie"),
            ],
            heading=_("Beheer en versie"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("samenvatting"),
        index.SearchField("body"),
        index.AutocompleteField("title"),
        index.FilterField("volgende_beoordeling"),
        index.RelatedFields("fases", [index.SearchField("naam"), index.FilterField("slug")]),
        index.RelatedFields("doelgroepen", [index.SearchField("naam"), index.FilterField("slug")]),
    ]
    parent_page_types = ["handreiking.HandreikingPage", "handreiking.HoofdstukPage"]
    subpage_types = ["handreiking.HoofdstukPage"]

    class Meta:
        verbose_name = _("hoofdstuk")
        verbose_name_plural = _("hoofdstukken")

    @classmethod
    def can_create_at(cls, parent):
        """Paragraphs go one level deep: no chapter below a paragraph."""
        if not super().can_create_at(parent):
            return False
        if parent.specific_class is cls:
            return parent.get_parent().specific_class is not cls
        return True

    def clean(self):
        super().clean()
        if self.slug in GERESERVEERDE_SLUGS:
            raise ValidationError(
                {"slug": gettext("Dit adres is gereserveerd voor de handreiking.")}
            )

    @path("")
    def hoofdstuk(self, request):
        from kennisbank.handreiking import selectors

        return self.render(request, context_overrides=selectors.hoofdstuk_context(self, request))

    @path("gelezen/", name="gelezen")
    def gelezen(self, request):
        from django.contrib import messages

        from kennisbank.handreiking import services

        if request.method != "POST":
            raise Http404
        if not request.user.is_authenticated:
            raise PermissionDenied
        services.hoofdstuk_gelezen_markeren(gebruiker=request.user, hoofdstuk=self)
        messages.success(
            request,
            gettext("“%(titel)s” staat als gelezen in je leercyclus.") % {"titel": self.title},
        )
        return redirect(terugweg(request, request.POST.get("volgende"), self.get_url(request)))

    @path("wijzigingen/", name="wijzigingen")
    def wijzigingen(self, request):
        from kennisbank.handreiking import selectors

        return self.render(
            request,
            template="handreiking/wijzigingen.html",
            context_overrides=selectors.wijzigingen_context(self, request),
        )
