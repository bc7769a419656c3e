"""Kennisbank: the interventieschema (interventies by fase, laag and onderdeel) and beslismomenten.

The handreiking (the method book) lives in the sub-app kennisbank.handreiking.
Every searchable page here exposes `fases` and `doelgroepen`, which search uses for badges
and facets.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.beoordeling import Beoordeelbaar
from cms.inhoudcache import BeperkingenUitCache
from cms.models import Organisatie
from cms.privacy import controleer_tekst

RICHTEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "h3", "h4"]


class Laag(models.TextChoices):
    STANDAARD = "standaard", _("standaard werkwijze")
    HOUDING = "houding", _("houding / benadering")
    TOOLBOX = "toolbox", _("toolbox")


class Onderdeel(models.TextChoices):
    BESPREKEN = "bespreken", _("bespreken")
    DOEN = "doen", _("doen")
    HOE = "hoe", _("hoe")
    BENADERING = "benadering", _("benadering")
    AFSTEMMING = "afstemming", _("afstemming")


class Bewijsniveau(models.TextChoices):
    NIET_BEOORDEELD = "niet_beoordeeld", _("niet beoordeeld")
    GOED_BESCHREVEN = "goed_beschreven", _("goed beschreven")
    GOED_ONDERBOUWD = "goed_onderbouwd", _("goed onderbouwd")
    EFFECTIEF_EERSTE = "effectief_eerste", _("effectief: eerste aanwijzingen")
    EFFECTIEF_GOEDE = "effectief_goede", _("effectief: goede aanwijzingen")
    EFFECTIEF_STERKE = "effectief_sterke", _("effectief: sterke aanwijzingen")


class Status(models.TextChoices):
    BESCHIKBAAR = "beschikbaar", _("beschikbaar")
    PILOT = "pilot", _("pilot")
    GEPLAND = "gepland", _("gepland")
    ONTBREKEND = "ontbrekend", _("ontbrekend")


class Verplichting(models.TextChoices):
    VRIJWILLIG = "vrijwillig", _("vrijwillig")
    VERPLICHT = "verplicht", _("verplicht")
    BEIDE = "beide", _("vrijwillig of verplicht")


class Herkomst(models.Model):
    """Where an interventie came from: literatuur, focusgroep cliënten, consulenten, ..."""

    naam = models.CharField(_("naam"), max_length=80)
    slug = models.SlugField(_("slug"), unique=True)
    volgorde = models.PositiveIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["volgorde"]
        verbose_name = _("herkomst")
        verbose_name_plural = _("herkomsten")

    def __str__(self):
        return self.naam


class AanpakBlock(blocks.StreamBlock):
    tekst = blocks.RichTextBlock(features=RICHTEXT_FEATURES, label=_("tekst"))
    stappen = blocks.ListBlock(
        blocks.CharBlock(label=_("stap")), label=_("stappen"), icon="list-ol"
    )
    voorbeeld = blocks.StructBlock(
        [
            ("consulent", blocks.TextBlock(label=_("consulent zegt"))),
            ("klant", blocks.TextBlock(label=_("klant zegt"), required=False)),
        ],
        label=_("voorbeeldzin"),
        icon="openquote",
    )
    tip = blocks.TextBlock(label=_("tip"), icon="help")


class InterventieTag(TaggedItemBase):
    content_object = ParentalKey(
        "kennisbank.InterventiePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class InterventieschemaPage(BeperkingenUitCache, RoutablePageMixin, Page):
    """The schema: all interventies and beslismomenten live below this page."""

    intro = RichTextField(_("introductie"), blank=True, features=RICHTEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["kennisbank.InterventiePage", "kennisbank.BeslismomentPage"]
    max_count = 1

    class Meta:
        verbose_name = _("interventieschema")

    # The views live in kennisbank.views; these routes only hand them the page. The exports
    # (export.csv, export.xlsx) are plain Django URLs in kennisbank/urls.py, because Wagtail
    # only routes paths ending in a slash.
    @path("")
    def schema(self, request):
        from kennisbank import views

        return views.schema(request, self)

    @path("lijst/")
    def lijst(self, request):
        from kennisbank import views

        return views.lijst(request, self)

    @path("hiaten/")
    def hiaten(self, request):
        from kennisbank import views

        return views.hiaten(request, self)

    @path("importeren/")
    def importeren(self, request):
        from kennisbank import views

        return views.importeren(request, self)

    @path("importeren/<int:pk>/")
    def importtaak(self, request, pk):
        from kennisbank import views

        return views.importtaak(request, self, pk)

    @path("importeren/<int:pk>/voortgang/")
    def importtaak_voortgang(self, request, pk):
        from kennisbank import views

        return views.importtaak_voortgang(request, self, pk)

    @path("voorstellen/")
    def mijn_voorstellen(self, request):
        from kennisbank import views

        return views.mijn_voorstellen(request, self)

    @path("voorstellen/nieuw/")
    def voorstel_nieuw(self, request):
        from kennisbank import views

        return views.voorstel_maken(request, self)

    @path("voorstellen/wijziging/<int:pk>/")
    def voorstel_wijziging(self, request, pk):
        from kennisbank import views

        return views.voorstel_maken(request, self, interventie_pk=pk)


class InterventiePage(BeperkingenUitCache, Beoordeelbaar, Page):
    samenvatting = models.TextField(_("samenvatting"), max_length=600)
    fases = ParentalManyToManyField("cms.Fase", verbose_name=_("fases"), related_name="+")
    laag = models.CharField(_("laag"), max_length=20, choices=Laag.choices, default=Laag.TOOLBOX)
    onderdeel = models.CharField(
        _("onderdeel"), max_length=20, choices=Onderdeel.choices, blank=True
    )
    doelgroepen = ParentalManyToManyField(
        "cms.Doelgroep", verbose_name=_("doelgroepen"), blank=True, related_name="+"
    )
    treden = ParentalManyToManyField(
        "cms.Trede", verbose_name=_("treden"), blank=True, related_name="+"
    )
    klanttypen = ParentalManyToManyField(
        "cms.Klanttype", verbose_name=_("klanttypen"), blank=True, related_name="+"
    )
    werkzame_elementen = ParentalManyToManyField(
        "cms.WerkzaamElement", verbose_name=_("werkzame elementen"), blank=True, related_name="+"
    )
    basismethodieken = ParentalManyToManyField(
        "cms.Basismethodiek",
        verbose_name=_("basismethodiek of techniek"),
        blank=True,
        related_name="+",
    )
    aanpak = StreamField(AanpakBlock(), verbose_name=_("aanpak"), blank=True)
    onderbouwing = RichTextField(_("onderbouwing"), blank=True, features=RICHTEXT_FEATURES)
    bronnen = models.TextField(_("bronnen"), blank=True, help_text=_("Eén bron per regel."))
    herkomst = ParentalManyToManyField(
        Herkomst, verbose_name=_("herkomst"), blank=True, related_name="+"
    )
    bewijsniveau = models.CharField(
        _("bewijsniveau"),
        max_length=30,
        choices=Bewijsniveau.choices,
        default=Bewijsniveau.NIET_BEOORDEELD,
    )
    bewijs_beoordeeld_op = models.DateField(_("bewijsniveau beoordeeld op"), null=True, blank=True)
    bewijs_beoordeeld_door = models.CharField(
        _("bewijsniveau beoordeeld door"),
        max_length=200,
        blank=True,
        help_text=_(
            "Een erkenningsniveau is het oordeel van een erkenningscommissie over een interventie "
            "met een eigen handboek, bijvoorbeeld de Erkenningscommissie Interventies."
        ),
    )
    bewijs_bron = models.CharField(
        _("bron van het oordeel"),
        max_length=500,
        blank=True,
        help_text=_("Waar het oordeel te vinden is, bijvoorbeeld de pagina in een databank."),
    )
    aanbieder = models.CharField(_("aanbieder"), max_length=200, blank=True)
    duur = models.CharField(_("duur"), max_length=120, blank=True)
    kosten = models.CharField(_("kosten"), max_length=120, blank=True)
    verplichting = models.CharField(
        _("vrijwillig of verplicht"), max_length=20, choices=Verplichting.choices, blank=True
    )
    verwijsroute = models.TextField(_("verwijsroute"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.BESCHIKBAAR
    )
    hiaat_eigenaar = models.CharField(
        _("eigenaar van het hiaat"),
        max_length=200,
        blank=True,
        help_text=_("Bij status ontbrekend: wie zorgt dat dit aanbod er komt."),
    )
    tags = ClusterTaggableManager(through=InterventieTag, blank=True, verbose_name=_("tags"))

    content_panels = Page.content_panels + [
        FieldPanel("samenvatting"),
        MultiFieldPanel(
            [
                FieldPanel("fases", widget=forms.CheckboxSelectMultiple),
                FieldPanel("laag"),
                FieldPanel("onderdeel"),
            ],
            heading=_("Plaats in het schema"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("doelgroepen", widget=forms.CheckboxSelectMultiple),
                FieldPanel("treden", widget=forms.CheckboxSelectMultiple),
                FieldPanel("klanttypen", widget=forms.CheckboxSelectMultiple),
                FieldPanel("werkzame_elementen", widget=forms.CheckboxSelectMultiple),
                FieldPanel("basismethodieken", widget=forms.CheckboxSelectMultiple),
                FieldPanel("tags"),
            ],
            heading=_("Voor wie en waarom"),
        ),
        FieldPanel("aanpak"),
        MultiFieldPanel(
            [
                FieldPanel("onderbouwing"),
                FieldPanel("bronnen"),
                FieldPanel("herkomst", widget=forms.CheckboxSelectMultiple),
                FieldPanel("bewijsniveau"),
                FieldPanel("bewijs_beoordeeld_op"),
                FieldPanel("bewijs_beoordeeld_door"),
                FieldPanel("bewijs_bron"),
            ],
            heading=_("Onderbouwing en bewijs"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("aanbieder"),
                FieldPanel("duur"),
                FieldPanel("kosten"),
                FieldPanel("verplichting"),
                FieldPanel("verwijsroute"),
                FieldPanel("status"),
                FieldPanel("hiaat_eigenaar"),
            ],
            heading=_("Programma en beschikbaarheid"),
        ),
        InlinePanel("notities", label=_("Notities per gemeente")),
        MultiFieldPanel(Beoordeelbaar.beoordeling_panels, heading=_("Beheer")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("samenvatting"),
        index.SearchField("aanpak"),
        index.SearchField("onderbouwing"),
        index.SearchField("aanbieder"),
        index.AutocompleteField("title"),
        index.FilterField("laag"),
        index.FilterField("onderdeel"),
        index.FilterField("status"),
        index.FilterField("bewijsniveau"),
        index.FilterField("volgende_beoordeling"),
        index.RelatedFields("fases", [index.SearchField("naam"), index.FilterField("slug")]),
        index.RelatedFields("doelgroepen", [index.SearchField("naam"), index.FilterField("slug")]),
        index.RelatedFields("basismethodieken", [index.SearchField("naam")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    parent_page_types = ["kennisbank.InterventieschemaPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("interventie")
        verbose_name_plural = _("interventies")

    def clean(self):
        """Refuse client data in the practice parts of the aanpak (examples, tips, steps)."""
        super().clean()
        try:
            controleer_tekst("\n".join(_aanpak_teksten(self.aanpak)))
        except ValidationError as fout:
            raise ValidationError({"aanpak": fout}) from None

    def get_context(self, request, *args, **kwargs):
        """Everything but the voornemen form is the same for every reader: it comes rendered
        from the content cache (cms.inhoudcache), once per content version."""
        from django.utils import timezone

        from cms.inhoudcache import fragment

        context = super().get_context(request, *args, **kwargs)
        context["gedeeld"] = fragment(
            ("interventie", self.pk, self.latest_revision_id, timezone.localdate()),
            self._gedeeld_renderen,
            request=request,
        )
        # Per reader: the button to propose a change (not through get_parent(): a preview of
        # a page not yet in the tree has none).
        from kennisbank import selectors

        schema = selectors.schema_pagina() if selectors.mag_voorstellen(request.user) else None
        if schema is not None and self.pk:
            context["voorstel_url"] = schema.url + schema.reverse_subpage(
                "voorstel_wijziging", args=[self.pk]
            )
        return context

    def _gedeeld_renderen(self):
        from django.template.loader import render_to_string

        from kennisbank import selectors

        context = {
            "page": self,
            "gerelateerd": selectors.gerelateerde_interventies(self),
            "verwijzingen": selectors.verwijzingen_naar(self),
            "notities": list(self.notities.select_related("organisatie")),
        }
        return {
            deel: render_to_string(f"kennisbank/_interventie_{deel}.html", context)
            for deel in ("kruimels", "kop", "inhoud")
        }


class InterventieNotitie(Orderable):
    """Gemeente-specific notes: local forms, routes, contact points."""

    interventie = ParentalKey(InterventiePage, on_delete=models.CASCADE, related_name="notities")
    organisatie = models.ForeignKey(
        Organisatie, verbose_name=_("gemeente"), on_delete=models.CASCADE, related_name="+"
    )
    tekst = models.TextField(_("notitie"))

    panels = [FieldPanel("organisatie"), FieldPanel("tekst")]

    class Meta(Orderable.Meta):
        verbose_name = _("notitie per gemeente")

    def clean(self):
        """Practice notes describe real cases: refuse client data, with the message at the field."""
        super().clean()
        try:
            controleer_tekst(self.tekst)
        except ValidationError as fout:
            raise ValidationError({"tekst": fout}) from None


def _aanpak_teksten(aanpak):
    """The plain text of every block of an aanpak StreamField."""
    for blok in aanpak or []:
        waarde = blok.value
        if blok.block_type == "voorbeeld":
            yield from (str(waarde.get("consulent") or ""), str(waarde.get("klant") or ""))
        elif blok.block_type == "stappen":
            yield from (str(stap) for stap in waarde)
        elif blok.block_type == "tekst":
            yield strip_tags(waarde.source)
        else:
            yield str(waarde or "")


class BeslisOptieBlock(blocks.StructBlock):
    optie = blocks.CharBlock(label=_("optie"))
    criteria = blocks.RichTextBlock(features=RICHTEXT_FEATURES, label=_("wanneer kies je dit"))
    interventies = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="kennisbank.InterventiePage"),
        label=_("interventies die passen"),
        required=False,
    )

    class Meta:
        icon = "fork"
        label = _("optie")


class BeslismomentPage(BeperkingenUitCache, Page):
    """A decision point: the question, its options with criteria and fitting interventies."""

    vraag = models.CharField(_("vraag"), max_length=255)
    toelichting = RichTextField(_("toelichting"), blank=True, features=RICHTEXT_FEATURES)
    opties = StreamField([("optie", BeslisOptieBlock())], verbose_name=_("opties"), min_num=2)
    fases = ParentalManyToManyField("cms.Fase", verbose_name=_("fases"), related_name="+")
    doelgroepen = ParentalManyToManyField(
        "cms.Doelgroep", verbose_name=_("doelgroepen"), blank=True, related_name="+"
    )

    content_panels = Page.content_panels + [
        FieldPanel("vraag"),
        FieldPanel("toelichting"),
        FieldPanel("opties"),
        FieldPanel("fases", widget=forms.CheckboxSelectMultiple),
        FieldPanel("doelgroepen", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("vraag"),
        index.SearchField("toelichting"),
        index.SearchField("opties"),
        index.AutocompleteField("title"),
        index.RelatedFields("fases", [index.SearchField("naam"), index.FilterField("slug")]),
        index.RelatedFields("doelgroepen", [index.SearchField("naam"), index.FilterField("slug")]),
    ]
    parent_page_types = ["kennisbank.InterventieschemaPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("beslismoment")
        verbose_name_plural = _("beslismomenten")

    def get_context(self, request, *args, **kwargs):
        from kennisbank import selectors

        context = super().get_context(request, *args, **kwargs)
        context["beslisopties"] = selectors.beslisopties(self)
        context["verwijzingen"] = selectors.verwijzingen_naar(self)
        return context


class ImportTaak(models.Model):
    """One real (not dry-run) import of interventies, run as a background task.

    Holds the uploaded file until the task is done (then it is emptied), the progress the status
    page shows, and the outcome: counts, or the errors that refused the file.
    """

    class Toestand(models.TextChoices):
        WACHTEND = "wachtend", _("wacht op zijn beurt")
        BEZIG = "bezig", _("bezig")
        KLAAR = "klaar", _("klaar")
        GEWEIGERD = "geweigerd", _("geweigerd, niets opgeslagen")
        MISLUKT = "mislukt", _("afgebroken door een fout")

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bestandsnaam = models.CharField(_("bestand"), max_length=255)
    inhoud = models.BinaryField(_("inhoud"), blank=True, editable=False)
    toestand = models.CharField(
        _("toestand"), max_length=20, choices=Toestand.choices, default=Toestand.WACHTEND
    )
    totaal = models.PositiveIntegerField(_("rijen"), default=0)
    verwerkt = models.PositiveIntegerField(_("verwerkt"), default=0)
    nieuw = models.PositiveIntegerField(_("nieuw"), default=0)
    gewijzigd = models.PositiveIntegerField(_("gewijzigd"), default=0)
    ongewijzigd = models.PositiveIntegerField(_("ongewijzigd"), default=0)
    fouten = models.JSONField(_("fouten"), default=list, blank=True)
    meldingen = models.JSONField(_("meldingen"), default=list, blank=True)
    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    bijgewerkt = models.DateTimeField(_("bijgewerkt"), auto_now=True)

    class Meta:
        verbose_name = _("import van interventies")
        verbose_name_plural = _("imports van interventies")
        ordering = ["-aangemaakt"]

    def __str__(self):
        return f"{self.bestandsnaam} ({self.get_toestand_display()})"

    @property
    def loopt(self):
        return self.toestand in (self.Toestand.WACHTEND, self.Toestand.BEZIG)

    @property
    def procent(self):
        return round(100 * self.verwerkt / self.totaal) if self.totaal else 0


class Voorstel(models.Model):
    """A consulent's proposal for a new interventie or a change to one, waiting for review.

    The leernetwerk added to the schema after every meeting: anyone who works with the schema
    proposes; a kennisbeheerder takes it over (a draft page or a draft revision, published
    through Wagtail's own moderation) or declines it with a reason the proposer reads.
    """

    class Soort(models.TextChoices):
        NIEUW = "nieuw", _("nieuwe interventie")
        WIJZIGING = "wijziging", _("wijziging")

    class Toestand(models.TextChoices):
        INGEDIEND = "ingediend", _("wacht op beoordeling")
        OVERGENOMEN = "overgenomen", _("overgenomen")
        AFGEWEZEN = "afgewezen", _("afgewezen")

    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    interventie = models.ForeignKey(
        InterventiePage,
        verbose_name=_("interventie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="voorstellen",
        help_text=_("Bij een wijziging: de interventie die het voorstel verandert."),
    )
    indiener = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingediend door"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    titel = models.CharField(_("titel"), max_length=255)
    samenvatting = models.TextField(_("samenvatting"), max_length=600)
    fases = models.ManyToManyField("cms.Fase", verbose_name=_("fases"), related_name="+")
    laag = models.CharField(_("laag"), max_length=20, choices=Laag.choices, default=Laag.TOOLBOX)
    doelgroepen = models.ManyToManyField(
        "cms.Doelgroep", verbose_name=_("doelgroepen"), blank=True, related_name="+"
    )
    aanpak = models.TextField(_("aanpak"), max_length=4000, blank=True)
    bronnen = models.TextField(_("bronnen"), max_length=2000, blank=True)
    toelichting = models.TextField(_("waarom dit voorstel"), max_length=2000)
    toestand = models.CharField(
        _("toestand"), max_length=20, choices=Toestand.choices, default=Toestand.INGEDIEND
    )
    reden = models.TextField(_("reden"), max_length=2000, blank=True)
    beoordelaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beoordeeld door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    beoordeeld_op = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)
    pagina = models.ForeignKey(
        InterventiePage,
        verbose_name=_("concept"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("De conceptpagina of gewijzigde pagina die uit het voorstel kwam."),
    )
    aangemaakt = models.DateTimeField(_("ingediend op"), auto_now_add=True)

    # A proposal points at pages but is no content of them: keep it out of the reference index.
    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-aangemaakt"]
        verbose_name = _("voorstel")
        verbose_name_plural = _("voorstellen")

    def __str__(self):
        return f"{self.get_soort_display()}: {self.titel}"

    @property
    def open(self):
        return self.toestand == self.Toestand.INGEDIEND
