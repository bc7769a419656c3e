"""Oefeningen: casus-based exercises, attempts and answers, trainer feedback, leermodules."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.inhoudcache import BeperkingenUitCache
from cms.privacy import controleer_tekst, geen_persoonsgegevens
from cms.rollen import TRAINER, heeft_rol
from oefeningen.blocks import EINDE, StappenBlock


class OefeningenIndexPage(BeperkingenUitCache, Page):
    """/oefeningen/: all oefeningen with filters and the user's progress, and the leermodules."""

    intro = models.TextField(_("introductie"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["oefeningen.OefeningPage", "oefeningen.LeermodulePage"]
    max_count = 1

    class Meta:
        verbose_name = _("oefeningenoverzicht")

    def get_context(self, request, *args, **kwargs):
        from oefeningen import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(
            selectors.oefeningen_overzicht(user=request.user, index=self, filters=request.GET)
        )
        context["modules"] = selectors.module_voortgang(request.user)
        context["is_trainer"] = heeft_rol(request.user, TRAINER)
        return context


class OefeningPage(BeperkingenUitCache, Page):
    casus_profiel = models.CharField(
        _("profiel"),
        max_length=255,
        help_text=_(
            "Anoniem, bijv. 'jongen van 19, geen startkwalificatie, woont bij zijn moeder'."
        ),
    )
    casus = models.TextField(
        _("casus"),
        help_text=_("Het verhaal, anoniem: geen namen, BSN, adres, telefoon of geboortedatum."),
    )
    fases = ParentalManyToManyField(
        "cms.Fase", verbose_name=_("fases"), blank=True, related_name="+"
    )
    doelgroepen = ParentalManyToManyField(
        "cms.Doelgroep", verbose_name=_("doelgroepen"), blank=True, related_name="+"
    )
    klanttypen = ParentalManyToManyField(
        "cms.Klanttype", verbose_name=_("klanttypen"), blank=True, related_name="+"
    )
    technieken = ParentalManyToManyField(
        "cms.Basismethodiek", verbose_name=_("technieken"), blank=True, related_name="+"
    )
    duur_minuten = models.PositiveSmallIntegerField(_("geschatte duur (minuten)"), default=15)
    stappen = StreamField(StappenBlock(), verbose_name=_("stappen"))
    debrief = models.TextField(
        _("nabespreking"), blank=True, help_text=_("Slottekst na de laatste stap.")
    )
    opnieuw_toegestaan = models.BooleanField(
        _("opnieuw maken toegestaan"),
        default=False,
        help_text=_("Iedereen mag de oefening na afronden opnieuw maken."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("casus_profiel"), FieldPanel("casus")], heading=_("Casus (anoniem)")
        ),
        MultiFieldPanel(
            [
                FieldPanel("fases", widget=forms.CheckboxSelectMultiple),
                FieldPanel("doelgroepen", widget=forms.CheckboxSelectMultiple),
                FieldPanel("klanttypen", widget=forms.CheckboxSelectMultiple),
                FieldPanel("technieken", widget=forms.CheckboxSelectMultiple),
                FieldPanel("duur_minuten"),
            ],
            heading=_("Kenmerken"),
        ),
        FieldPanel("stappen"),
        FieldPanel("debrief"),
        FieldPanel("opnieuw_toegestaan"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("casus_profiel"),
        index.SearchField("casus"),
        index.AutocompleteField("title"),
        index.RelatedFields("fases", [index.SearchField("naam"), index.FilterField("slug")]),
        index.RelatedFields("doelgroepen", [index.SearchField("naam"), index.FilterField("slug")]),
    ]
    parent_page_types = ["oefeningen.OefeningenIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("oefening")
        verbose_name_plural = _("oefeningen")

    def clean(self):
        super().clean()
        fouten = {}
        for veld in ("casus_profiel", "casus", "debrief"):
            try:
                controleer_tekst(getattr(self, veld))
            except ValidationError as fout:
                fouten[veld] = fout
        if fouten:
            raise ValidationError(fouten)

    def get_context(self, request, *args, **kwargs):
        from oefeningen import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.oefening_voor(user=request.user, oefening=self))
        context["is_trainer"] = heeft_rol(request.user, TRAINER)
        return context

    def serve(self, request, *args, **kwargs):
        from oefeningen import services

        response = super().serve(request, *args, **kwargs)
        if hasattr(response, "render"):
            response.render()  # show "new" feedback once, then mark it read
        services.feedback_gelezen(gebruiker=request.user, oefening=self)
        return response

    # Steps: navigation through the stream, by stable id.

    def stap(self, stap_id):
        """(index, StreamChild) of the step with this id, or (None, None)."""
        for i, stap in enumerate(self.stappen):
            if stap.id == stap_id:
                return i, stap
        return None, None

    def eerste_stap_id(self):
        return self.stappen[0].id if len(self.stappen) else ""

    def volgende_stap_id(self, stap_id, gekozen=""):
        """The step after this one: a branch's target, the step's 'daarna', or the next in order.

        Returns "" at the end.
        """
        index, stap = self.stap(stap_id)
        if stap is None:
            return ""
        doel = (gekozen or stap.value["daarna"] or "").strip()
        if doel == EINDE:
            return ""
        if doel:
            for kandidaat in self.stappen[index + 1 :]:
                if (kandidaat.value["sleutel"] or "").strip() == doel:
                    return kandidaat.id
        return self.stappen[index + 1].id if index + 1 < len(self.stappen) else ""


class Poging(models.Model):
    """One attempt of one user at one oefening. At most one open attempt per user and oefening."""

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        on_delete=models.CASCADE,
        related_name="pogingen",
    )
    oefening = models.ForeignKey(
        OefeningPage, verbose_name=_("oefening"), on_delete=models.CASCADE, related_name="pogingen"
    )
    nummer = models.PositiveSmallIntegerField(_("poging"), default=1)
    gestart = models.DateTimeField(_("gestart"), default=timezone.now)
    afgerond = models.DateTimeField(_("afgerond"), null=True, blank=True)
    huidige_stap = models.CharField(_("huidige stap"), max_length=64, blank=True)
    stap_sinds = models.DateTimeField(_("huidige stap sinds"), default=timezone.now)
    score = models.FloatField(_("score"), null=True, blank=True)
    max_score = models.FloatField(_("maximale score"), null=True, blank=True)
    herkansing_toegestaan = models.BooleanField(
        _("trainer staat een nieuwe poging toe"), default=False
    )

    class Meta:
        ordering = ["-gestart"]
        verbose_name = _("poging")
        verbose_name_plural = _("pogingen")
        constraints = [
            models.UniqueConstraint(
                fields=["gebruiker", "oefening", "nummer"], name="poging_nummer_uniek"
            ),
            models.UniqueConstraint(
                fields=["gebruiker", "oefening"],
                condition=models.Q(afgerond__isnull=True),
                name="poging_een_open_per_oefening",
            ),
        ]

    def __str__(self):
        return f"{self.oefening} · {self.gebruiker} · {self.nummer}"

    def get_absolute_url(self):
        return reverse("oefeningen:poging", args=[self.pk])

    @property
    def percentage(self):
        if not self.max_score:
            return None
        return round(100 * (self.score or 0) / self.max_score)


class Antwoord(models.Model):
    """The answer to one step in one attempt, with when and how long it took."""

    poging = models.ForeignKey(
        Poging, verbose_name=_("poging"), on_delete=models.CASCADE, related_name="antwoorden"
    )
    stap_id = models.CharField(_("stap"), max_length=64)
    stap_type = models.CharField(_("soort stap"), max_length=20)
    stap_titel = models.CharField(_("titel van de stap"), max_length=120, blank=True)
    keuzes = models.JSONField(_("keuzes"), default=dict, blank=True)
    tekst = models.TextField(_("antwoord"), blank=True)
    score = models.FloatField(_("score"), null=True, blank=True)
    max_score = models.FloatField(_("maximale score"), null=True, blank=True)
    beantwoord = models.DateTimeField(_("beantwoord"), default=timezone.now)
    seconden = models.PositiveIntegerField(_("tijd (seconden)"), default=0)
    zelfbeoordeling = models.JSONField(_("zelfbeoordeling"), default=dict, blank=True)
    feedback_gevraagd = models.DateTimeField(_("feedback gevraagd"), null=True, blank=True)

    class Meta:
        ordering = ["beantwoord", "pk"]
        verbose_name = _("antwoord")
        verbose_name_plural = _("antwoorden")
        constraints = [
            models.UniqueConstraint(fields=["poging", "stap_id"], name="antwoord_eenmaal_per_stap")
        ]
        indexes = [models.Index(fields=["stap_id"])]

    def __str__(self):
        return f"{self.poging} · {self.stap_titel}"


class Feedback(models.Model):
    """A trainer's feedback on one open answer. One per answer."""

    antwoord = models.OneToOneField(
        Antwoord, verbose_name=_("antwoord"), on_delete=models.CASCADE, related_name="feedback"
    )
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainer"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    tekst = models.TextField(_("feedback"))
    gegeven = models.DateTimeField(_("gegeven"), default=timezone.now)
    gelezen = models.DateTimeField(_("gelezen"), null=True, blank=True)

    class Meta:
        ordering = ["-gegeven"]
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")

    def __str__(self):
        return f"{_('Feedback')} · {self.antwoord}"


class LeermodulePage(BeperkingenUitCache, Page):
    """A module a trainer publishes: ordered items, assigned to teams with a due date."""

    class Afronding(models.TextChoices):
        ALLES = "alles", _("alle onderdelen")
        MINIMUM = "minimum", _("een minimum aantal onderdelen")

    intro = models.TextField(_("introductie"), blank=True)
    onderdelen = StreamField(
        [
            (
                "hoofdstuk",
                blocks.PageChooserBlock(label=_("hoofdstuk van de handreiking"), icon="doc-full"),
            ),
            (
                "oefening",
                blocks.PageChooserBlock(page_type="oefeningen.OefeningPage", label=_("oefening")),
            ),
            (
                "intervisie",
                blocks.StructBlock(
                    [
                        (
                            "aantal",
                            blocks.IntegerBlock(min_value=1, default=1, label=_("aantal keer")),
                        ),
                        ("toelichting", blocks.CharBlock(required=False, label=_("toelichting"))),
                    ],
                    label=_("intervisie bijwonen"),
                    icon="group",
                ),
            ),
        ],
        verbose_name=_("onderdelen"),
    )
    afronding = models.CharField(
        _("afgerond als"), max_length=10, choices=Afronding.choices, default=Afronding.ALLES
    )
    minimum = models.PositiveSmallIntegerField(
        _("minimum aantal onderdelen"), null=True, blank=True
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("onderdelen"),
        MultiFieldPanel([FieldPanel("afronding"), FieldPanel("minimum")], heading=_("Afronding")),
        InlinePanel("toewijzingen", label=_("Toegewezen aan teams"), min_num=0),
    ]
    parent_page_types = ["oefeningen.OefeningenIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("leermodule")
        verbose_name_plural = _("leermodules")

    def clean(self):
        super().clean()
        if self.afronding == self.Afronding.MINIMUM and not self.minimum:
            raise ValidationError(
                {"minimum": _("Geef aan hoeveel onderdelen minimaal nodig zijn.")}
            )

    def get_context(self, request, *args, **kwargs):
        from oefeningen import selectors

        context = super().get_context(request, *args, **kwargs)
        context["voortgang"] = selectors.module_voortgang(request.user, module=self)
        return context


class LeermoduleToewijzing(Orderable):
    module = ParentalKey(LeermodulePage, on_delete=models.CASCADE, related_name="toewijzingen")
    team = models.ForeignKey(
        "cms.Team", verbose_name=_("team"), on_delete=models.CASCADE, related_name="+"
    )
    vanaf = models.DateField(_("vanaf"), default=timezone.localdate)
    deadline = models.DateField(_("afronden voor"))

    panels = [FieldPanel("team"), FieldPanel("vanaf"), FieldPanel("deadline")]

    class Meta(Orderable.Meta):
        verbose_name = _("toewijzing")
        constraints = [
            models.UniqueConstraint(fields=["module", "team"], name="leermodule_team_eenmaal")
        ]


class Oefeningconcept(models.Model):
    """A consulent's anonymised case from practice, offered as a draft oefening.

    A trainer adopts it into a real OefeningPage or returns it with a comment; a returned
    draft can be changed and offered again. Staff found generic exercises artificial
    (seeds/000 L1469-L1477): this is how their own practice gets in.
    """

    class Status(models.TextChoices):
        INGEDIEND = "ingediend", _("ingediend, wacht op een trainer")
        TERUGGEGEVEN = "teruggegeven", _("teruggegeven met opmerking")
        OVERGENOMEN = "overgenomen", _("overgenomen als oefening")

    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingebracht door"),
        on_delete=models.CASCADE,
        related_name="oefeningconcepten",
    )
    titel = models.CharField(_("titel"), max_length=150, validators=[geen_persoonsgegevens])
    casus_profiel = models.CharField(
        _("profiel"),
        max_length=255,
        validators=[geen_persoonsgegevens],
        help_text=_(
            "Anoniem, bijv. 'vrouw van 34, twee kinderen, wil werken maar heeft geen opvang'."
        ),
    )
    casus = models.TextField(
        _("de casus"),
        validators=[geen_persoonsgegevens],
        help_text=_("Anoniem: geen naam, BSN, adres, telefoonnummer of geboortedatum."),
    )
    vraag = models.TextField(
        _("de vraag aan wie de oefening maakt"), validators=[geen_persoonsgegevens]
    )
    eigen_aanpak = models.TextField(
        _("wat ik deed en wat ik ervan leerde"),
        blank=True,
        validators=[geen_persoonsgegevens],
        help_text=_("Helpt de trainer bij het modelantwoord."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.INGEDIEND
    )
    opmerking = models.TextField(_("opmerking van de trainer"), blank=True)
    beoordeeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    beoordeeld = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)
    oefening = models.ForeignKey(
        OefeningPage,
        verbose_name=_("oefening"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    ingediend = models.DateTimeField(_("ingediend op"), default=timezone.now)

    class Meta:
        ordering = ["-ingediend", "-pk"]
        verbose_name = _("concept-oefening")
        verbose_name_plural = _("concept-oefeningen")

    def __str__(self):
        return self.titel
