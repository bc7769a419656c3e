"""Leernetwerk: voornemens, intervisiegroepen, methodes, sessies and the access log.

Intervisie content (casus, hulpvraag, notes, leerpunten, actiepunten, procesverslag) is
confidential to the group: read it through leernetwerk.selectors, never with a bare queryset in
a view. Attendance and hours are participation facts and may be shown to teamchefs.
"""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from modelsearch.queryset import SearchableQuerySetMixin
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.search import index

from cms.privacy import geen_persoonsgegevens
from leernetwerk.panels import LidmaatschappenPanel


class Voornemen(models.Model):
    """The interventie a consulent chooses to try in the coming period, and what came of it."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        AFGEROND = "afgerond", _("afgerond")

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("consulent"),
        on_delete=models.CASCADE,
        related_name="voornemens",
    )
    interventie = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("interventie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bijeenkomst = models.ForeignKey(
        "leernetwerk.Intervisiesessie",
        verbose_name=_("gekozen in leernetwerkbijeenkomst"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="voornemens",
        help_text=_("De bijeenkomst waarin dit voornemen gekozen is; de volgende bespreekt het."),
    )
    titel = models.CharField(_("wat ga ik proberen"), max_length=255)
    toelichting = models.TextField(_("toelichting"), blank=True, validators=[geen_persoonsgegevens])
    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    tot = models.DateField(_("proberen tot"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default="open")
    reflectie_gedaan = models.TextField(
        _("wat heb ik gedaan"), blank=True, validators=[geen_persoonsgegevens]
    )
    reflectie_werkte = models.TextField(
        _("wat werkte, wat niet"), blank=True, validators=[geen_persoonsgegevens]
    )
    afgerond = models.DateTimeField(_("afgerond op"), null=True, blank=True)

    class Meta:
        ordering = ["status", "-aangemaakt"]
        verbose_name = _("voornemen")
        verbose_name_plural = _("voornemens")

    def __str__(self):
        return self.titel


class Reflectievorm(models.TextChoices):
    """The forms of reflection professional registers count (Registerplein, SKJ and the like)."""

    INTERVISIE = "intervisie", _("intervisie")
    SUPERVISIE = "supervisie", _("supervisie")
    CASUISTIEKBESPREKING = "casuistiekbespreking", _("casuïstiekbespreking")
    INTERCOLLEGIALE_CONSULTATIE = "intercollegiale_consultatie", _("intercollegiale consultatie")


def _onderwerp_controleren(waarde):
    """A topic line is one line: a title for the register, never the case itself."""
    if "\n" in waarde or "\r" in waarde:
        raise ValidationError(
            _("Schrijf het onderwerp op één regel, als titel: de casus zelf hoort hier niet."),
            code="onderwerp_regels",
        )


class Intervisiemethode(ClusterableModel):
    """A structured way to run a session, with ordered steps (reference data, editable)."""

    naam = models.CharField(_("naam"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    is_leernetwerk = models.BooleanField(
        _("leernetwerkbijeenkomst"),
        default=False,
        help_text=_("Met agenda, procesverslag, schemawijzigingen en voornemens."),
    )
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    reflectievorm = models.CharField(
        _("vorm van reflectie"),
        max_length=30,
        choices=Reflectievorm.choices,
        default=Reflectievorm.INTERVISIE,
        help_text=_("Wat een sessie met deze methode voor een beroepsregister is (voorstel)."),
    )

    panels = [
        FieldPanel("naam"),
        FieldPanel("slug"),
        FieldPanel("omschrijving"),
        FieldPanel("is_leernetwerk"),
        FieldPanel("reflectievorm"),
        FieldPanel("volgorde"),
        InlinePanel("stappen", label=_("Stappen"), min_num=1),
    ]

    class Meta:
        ordering = ["volgorde", "naam"]
        verbose_name = _("intervisiemethode")
        verbose_name_plural = _("intervisiemethodes")

    def __str__(self):
        return self.naam

    @property
    def totaal_minuten(self):
        return sum(s.minuten for s in self.stappen.all())


class Methodestap(Orderable):
    methode = ParentalKey(Intervisiemethode, on_delete=models.CASCADE, related_name="stappen")
    titel = models.CharField(_("titel"), max_length=150)
    minuten = models.PositiveSmallIntegerField(_("minuten"), default=10)
    begeleiding = models.TextField(
        _("aanwijzing voor de gespreksleider"),
        help_text=_("Wat de gespreksleider in deze stap doet en bewaakt."),
    )

    panels = [FieldPanel("titel"), FieldPanel("minuten"), FieldPanel("begeleiding")]

    class Meta(Orderable.Meta):
        verbose_name = _("stap")
        verbose_name_plural = _("stappen")

    def __str__(self):
        return self.titel


def minuten_als_uren(minuten):
    """Minutes as hours with two decimals: 90 -> 1.50, 20 -> 0.33."""
    return (Decimal(minuten) / Decimal(60)).quantize(Decimal("0.01"))


class Intervisiegroep(models.Model):
    """A fixed group that meets with a cadence: within one organisation or across several."""

    class Soort(models.TextChoices):
        INTERVISIEGROEP = "intervisiegroep", _("intervisiegroep")
        LEERNETWERK = "leernetwerk", _("leernetwerk (over organisaties heen)")

    naam = models.CharField(_("naam"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    soort = models.CharField(
        _("soort"), max_length=20, choices=Soort.choices, default=Soort.INTERVISIEGROEP
    )
    organisaties = models.ManyToManyField(
        "cms.Organisatie",
        verbose_name=_("organisaties"),
        related_name="intervisiegroepen",
        help_text=_("Eén organisatie, of meerdere bij een gezamenlijk leernetwerk."),
    )
    # Written only through leernetwerk.services (groepslid_toevoegen/_verwijderen): each
    # membership records since when, by whom and why; the admin shows them read-only.
    leden = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("leden"),
        related_name="intervisiegroepen",
        blank=True,
        through="Groepslidmaatschap",
        through_fields=("groep", "persoon"),
    )
    gespreksleiders = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gespreksleiders"),
        related_name="geleide_intervisiegroepen",
        blank=True,
        through="Gespreksleiderschap",
        through_fields=("groep", "persoon"),
    )
    cadans_weken = models.PositiveSmallIntegerField(
        _("om de hoeveel weken"), default=4, help_text=_("Bijvoorbeeld 4: elke vier weken.")
    )
    standaard_methode = models.ForeignKey(
        Intervisiemethode,
        verbose_name=_("standaardmethode"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("naam"),
        FieldPanel("slug"),
        FieldPanel("soort"),
        FieldPanel("organisaties"),
        LidmaatschappenPanel(heading=_("Leden en gespreksleiders")),
        FieldPanel("cadans_weken"),
        FieldPanel("standaard_methode"),
    ]

    class Meta:
        ordering = ["naam"]
        verbose_name = _("intervisiegroep")
        verbose_name_plural = _("intervisiegroepen")

    def __str__(self):
        return self.naam

    def get_absolute_url(self):
        return reverse("intervisiegroep", args=[self.pk])


class Groepstoegang(models.Model):
    """One person's place in a group: since when, added by whom and why.

    A person added later reads only the sessions from their join date on, unless an earlier
    member of the group shares the group's history with them (`ziet_eerdere_sessies`).
    """

    sinds = models.DateField(_("lid sinds"), default=timezone.localdate)
    toegevoegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("toegevoegd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reden = models.TextField(_("reden"), blank=True)
    ziet_eerdere_sessies = models.BooleanField(
        _("ziet sessies van vóór de toetreding"),
        default=False,
        help_text=_("Alleen een eerder lid van de groep deelt de geschiedenis van de groep."),
    )
    eerdere_sessies_gedeeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("eerdere sessies gedeeld door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.persoon} · {self.groep}"


class Groepslidmaatschap(Groepstoegang):
    rol = "lid"
    rol_naam = _("lid")

    groep = models.ForeignKey(
        Intervisiegroep,
        verbose_name=_("groep"),
        on_delete=models.CASCADE,
        related_name="lidmaatschappen",
    )
    persoon = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lid"),
        on_delete=models.CASCADE,
        related_name="intervisie_lidmaatschappen",
    )

    class Meta:
        ordering = ["sinds", "pk"]
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [
            models.UniqueConstraint(fields=["groep", "persoon"], name="groepslidmaatschap_uniek")
        ]


class Gespreksleiderschap(Groepstoegang):
    rol = "gespreksleider"
    rol_naam = _("gespreksleider")

    groep = models.ForeignKey(
        Intervisiegroep,
        verbose_name=_("groep"),
        on_delete=models.CASCADE,
        related_name="leiderschappen",
    )
    persoon = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gespreksleider"),
        on_delete=models.CASCADE,
        related_name="intervisie_leiderschappen",
    )

    class Meta:
        ordering = ["sinds", "pk"]
        verbose_name = _("gespreksleiderschap")
        verbose_name_plural = _("gespreksleiderschappen")
        constraints = [
            models.UniqueConstraint(fields=["groep", "persoon"], name="gespreksleiderschap_uniek")
        ]


class SessieQuerySet(SearchableQuerySetMixin, models.QuerySet):
    """Sessions can be searched: Intervisiesessie.objects.filter(...).search(q)."""


class Intervisiesessie(index.Indexed, models.Model):
    """One meeting of a group: its participation facts and its confidential record."""

    class Vorm(models.TextChoices):
        LIVE = "live", _("in persoon")
        ONLINE = "online", _("online met beeld")

    class Status(models.TextChoices):
        GEPLAND = "gepland", _("gepland")
        BEZIG = "bezig", _("bezig")
        AFGEROND = "afgerond", _("afgerond")

    # Fields emptied by the retention command; everything else is participation data.
    INHOUD_VELDEN = ("casus", "hulpvraag", "leerpunten", "agenda", "procesverslag")

    groep = models.ForeignKey(
        Intervisiegroep, verbose_name=_("groep"), on_delete=models.CASCADE, related_name="sessies"
    )
    methode = models.ForeignKey(
        Intervisiemethode, verbose_name=_("methode"), on_delete=models.PROTECT, related_name="+"
    )
    datum = models.DateField(_("datum"))
    start = models.TimeField(_("begintijd"))
    eind = models.TimeField(_("eindtijd"))
    vorm = models.CharField(
        _("in persoon of online"),
        max_length=10,
        choices=Vorm.choices,
        default="live",
        help_text=_("Online telt voor registers alleen met beeld (video)."),
    )
    pauze_minuten = models.PositiveSmallIntegerField(
        _("pauze (minuten)"),
        default=0,
        validators=[MaxValueValidator(600)],
        help_text=_("Alle pauzes samen. Ze tellen niet mee als reflectie-uren, net als reistijd."),
    )
    reflectievorm = models.CharField(
        _("vorm van reflectie"),
        max_length=30,
        choices=Reflectievorm.choices,
        default=Reflectievorm.INTERVISIE,
    )
    onderwerp = models.CharField(
        _("onderwerp (voor je register)"),
        max_length=120,
        blank=True,
        validators=[geen_persoonsgegevens, _onderwerp_controleren],
        help_text=_(
            "Eén regel, niet inhoudelijk, bijvoorbeeld “Motivatie bij jongeren”. Komt op het "
            "bewijs voor je register: nooit de casus, namen of andere gegevens van een klant."
        ),
    )
    begeleider_extern = models.CharField(
        _("externe begeleider of supervisor"),
        max_length=150,
        blank=True,
        help_text=_("Alleen als de sessie geleid werd door iemand van buiten de groep."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.GEPLAND
    )
    huidige_stap = models.PositiveSmallIntegerField(_("huidige stap"), default=0)
    gespreksleider = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gespreksleider"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    notulist = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("notulist"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    inbrenger = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("inbrenger"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    casus = models.TextField(
        _("casus"),
        blank=True,
        validators=[geen_persoonsgegevens],
        help_text=_("Anoniem: geen naam, BSN, adres, telefoonnummer of geboortedatum."),
    )
    hulpvraag = models.TextField(_("hulpvraag"), blank=True, validators=[geen_persoonsgegevens])
    leerpunten = models.TextField(_("leerpunten"), blank=True, validators=[geen_persoonsgegevens])
    agenda = models.TextField(_("agenda"), blank=True, validators=[geen_persoonsgegevens])
    procesverslag = models.TextField(
        _("procesverslag"), blank=True, validators=[geen_persoonsgegevens]
    )
    procesverslag_auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("schrijver procesverslag"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    interventies = models.ManyToManyField(
        "kennisbank.InterventiePage",
        verbose_name=_("besproken interventies"),
        blank=True,
        related_name="+",
    )
    schemawijzigingen = models.ManyToManyField(
        "kennisbank.InterventiePage",
        verbose_name=_("aangepast of toegevoegd in het interventieschema"),
        blank=True,
        related_name="+",
    )
    fases = models.ManyToManyField(
        "cms.Fase", verbose_name=_("fases"), blank=True, related_name="+"
    )
    doelgroepen = models.ManyToManyField(
        "cms.Doelgroep", verbose_name=_("doelgroepen"), blank=True, related_name="+"
    )
    versie = models.PositiveIntegerField(_("versie"), default=1)
    inhoud_verwijderd = models.DateTimeField(_("inhoud verwijderd op"), null=True, blank=True)
    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    gewijzigd = models.DateTimeField(_("gewijzigd"), auto_now=True)

    objects = SessieQuerySet.as_manager()

    search_fields = [
        index.SearchField("casus"),
        index.SearchField("hulpvraag"),
        index.SearchField("leerpunten"),
        index.SearchField("agenda"),
        index.SearchField("procesverslag"),
        index.RelatedFields("methode", [index.SearchField("naam")]),
        index.RelatedFields("fases", [index.SearchField("naam"), index.FilterField("slug")]),
        index.RelatedFields("doelgroepen", [index.SearchField("naam"), index.FilterField("slug")]),
        index.FilterField("groep_id"),
        index.FilterField("datum"),
        index.FilterField("inhoud_verwijderd"),
    ]

    class Meta:
        ordering = ["-datum", "-start"]
        verbose_name = _("intervisiesessie")
        verbose_name_plural = _("intervisiesessies")
        indexes = [models.Index(fields=["groep", "datum"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(eind__gt=models.F("start")), name="sessie_eind_na_start"
            )
        ]

    def __str__(self):
        # Never content: this string goes into the leercyclus ledger and search results.
        return _("%(methode)s, %(groep)s, %(datum)s") % {
            "methode": self.methode.naam,
            "groep": self.groep.naam,
            "datum": self.datum.strftime("%d-%m-%Y"),
        }

    def get_absolute_url(self):
        return reverse("intervisiesessie", args=[self.pk])

    def clean(self):
        super().clean()
        tijden = self.datum and self.start and self.eind and self.eind > self.start
        if tijden and self.pauze_minuten and self.pauze_minuten >= self.bruto_minuten:
            raise ValidationError(
                {
                    "pauze_minuten": _(
                        "De pauze (%(pauze)d minuten) moet korter zijn dan de sessie "
                        "(%(duur)d minuten van begin tot einde)."
                    )
                    % {"pauze": self.pauze_minuten, "duur": self.bruto_minuten}
                }
            )

    @property
    def bruto_minuten(self):
        """Minutes from start to end, breaks included."""
        begin = datetime.datetime.combine(self.datum, self.start)
        einde = datetime.datetime.combine(self.datum, self.eind)
        return int((einde - begin).total_seconds() // 60)

    @property
    def netto_minuten(self):
        """Minutes of reflection: start to end without the breaks (what registers count)."""
        return max(0, self.bruto_minuten - (self.pauze_minuten or 0))

    @property
    def uren(self):
        """Net hours, two decimals: breaks excluded (1 net hour is 1 register point)."""
        return minuten_als_uren(self.netto_minuten)

    @property
    def is_leernetwerk(self):
        return self.methode.is_leernetwerk

    @property
    def bevestigd_aanwezig(self):
        """Participants who confirmed; uses prefetched aanwezigheden (with deelnemer)."""
        return [a.deelnemer for a in self.aanwezigheden.all() if a.bevestigd]


class Sessiestap(models.Model):
    """A method step as run in one session, with its notes (copied so later edits don't move it)."""

    sessie = models.ForeignKey(Intervisiesessie, on_delete=models.CASCADE, related_name="stappen")
    volgorde = models.PositiveSmallIntegerField(_("volgorde"))
    titel = models.CharField(_("titel"), max_length=150)
    minuten = models.PositiveSmallIntegerField(_("minuten"))
    begeleiding = models.TextField(_("aanwijzing voor de gespreksleider"), blank=True)
    notitie = models.TextField(_("notities"), blank=True, validators=[geen_persoonsgegevens])

    class Meta:
        ordering = ["sessie", "volgorde"]
        verbose_name = _("stap van een sessie")
        verbose_name_plural = _("stappen van een sessie")
        constraints = [
            models.UniqueConstraint(fields=["sessie", "volgorde"], name="sessiestap_uniek")
        ]

    def __str__(self):
        return self.titel


class Actiepunt(models.Model):
    sessie = models.ForeignKey(
        Intervisiesessie, on_delete=models.CASCADE, related_name="actiepunten"
    )
    omschrijving = models.CharField(
        _("actiepunt"), max_length=300, validators=[geen_persoonsgegevens]
    )
    eigenaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("eigenaar"),
        on_delete=models.CASCADE,
        related_name="actiepunten",
    )
    deadline = models.DateField(_("klaar op"), null=True, blank=True)
    afgerond = models.DateTimeField(_("afgerond op"), null=True, blank=True)
    afgerond_in = models.ForeignKey(
        Intervisiesessie,
        verbose_name=_("afgesloten in sessie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="afgesloten_actiepunten",
    )

    class Meta:
        ordering = ["afgerond", "deadline", "pk"]
        verbose_name = _("actiepunt")
        verbose_name_plural = _("actiepunten")

    def __str__(self):
        return self.omschrijving


class Aanwezigheid(models.Model):
    """Who took part. Only the participant confirms their own attendance; that counts as hours."""

    sessie = models.ForeignKey(
        Intervisiesessie, on_delete=models.CASCADE, related_name="aanwezigheden"
    )
    deelnemer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("deelnemer"),
        on_delete=models.CASCADE,
        related_name="intervisie_aanwezigheden",
    )
    bevestigd = models.DateTimeField(_("bevestigd op"), null=True, blank=True)

    class Meta:
        ordering = ["sessie", "deelnemer__first_name", "deelnemer__last_name"]
        verbose_name = _("aanwezigheid")
        verbose_name_plural = _("aanwezigheden")
        constraints = [
            models.UniqueConstraint(fields=["sessie", "deelnemer"], name="aanwezigheid_uniek")
        ]

    def __str__(self):
        return f"{self.deelnemer} · {self.sessie_id}"


class ToegangsLog(models.Model):
    """Audit trail: every refused look at intervisie content and every beheerder's reasoned look."""

    class Soort(models.TextChoices):
        GEWEIGERD = "geweigerd", _("geweigerd")
        BEHEERDER = "beheerder", _("geopend door beheerder met reden")

    moment = models.DateTimeField(_("moment"), auto_now_add=True)
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    sessie = models.ForeignKey(
        Intervisiesessie,
        verbose_name=_("sessie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    groep = models.ForeignKey(
        Intervisiegroep,
        verbose_name=_("groep"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    pad = models.CharField(_("adres"), max_length=300)
    reden = models.TextField(_("reden"), blank=True)

    class Meta:
        ordering = ["-moment"]
        verbose_name = _("toegangslog intervisie")
        verbose_name_plural = _("toegangslog intervisie")

    def __str__(self):
        return f"{self.moment:%d-%m-%Y %H:%M} · {self.gebruiker} · {self.get_soort_display()}"


def jaren_later(begin, jaren):
    """The same day `jaren` years later (29 February into a year without it: 1 March)."""
    try:
        return begin.replace(year=begin.year + jaren)
    except ValueError:
        return begin.replace(year=begin.year + jaren, day=28) + datetime.timedelta(days=1)


class Registerperiode(models.Model):
    """A person's own five-year registration period and the reflection hours it asks for.

    Set by the person (only they see it); the hours evidence counts against it.
    """

    gebruiker = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        on_delete=models.CASCADE,
        related_name="registerperiode",
    )
    register = models.CharField(
        _("register"),
        max_length=100,
        help_text=_("Bijvoorbeeld Registerplein (Register Sociaal Werkers) of SKJ."),
    )
    registratienummer = models.CharField(
        _("registratienummer"), max_length=40, blank=True, help_text=_("Optioneel.")
    )
    begin = models.DateField(
        _("begin van de registerperiode"),
        help_text=_("De periode duurt vijf jaar vanaf deze datum."),
    )
    minimum_uren = models.DecimalField(
        _("minimum reflectie-uren in de periode"),
        max_digits=5,
        decimal_places=1,
        validators=[MinValueValidator(Decimal("1")), MaxValueValidator(Decimal("1000"))],
        help_text=_(
            "Zoals je register het vraagt voor vijf jaar. Eén netto uur is één punt; pauzes en "
            "reistijd tellen niet mee."
        ),
    )
    bijgewerkt = models.DateTimeField(_("bijgewerkt"), auto_now=True)

    class Meta:
        verbose_name = _("registerperiode")
        verbose_name_plural = _("registerperiodes")

    def __str__(self):
        return f"{self.register} {self.begin:%d-%m-%Y}–{self.eind:%d-%m-%Y}"

    @property
    def eind(self):
        """The last day of the five years."""
        return jaren_later(self.begin, 5) - datetime.timedelta(days=1)

    def jaren(self):
        """The five registration years of the period as (first day, last day) pairs."""
        dag = datetime.timedelta(days=1)
        return [
            (jaren_later(self.begin, i), jaren_later(self.begin, i + 1) - dag) for i in range(5)
        ]


# --- Koppels: two consulenten who watch each other's client conversations ---------------------


class Koppel(models.Model):
    """Two consulenten who sit in on each other's client conversations, about every four weeks.

    Formed by a trainer or beheerder as part of the leercyclus: in the research the pairs were
    the organisation's plan, and where they were left to the two alone they lapsed in the rush
    of the day (seeds/000 L1575-L1597). The observations are for the pair only (selectors).
    """

    eerste = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("consulent"),
        on_delete=models.CASCADE,
        related_name="koppels_als_eerste",
    )
    tweede = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("collega"),
        on_delete=models.CASCADE,
        related_name="koppels_als_tweede",
    )
    cadans_weken = models.PositiveSmallIntegerField(
        _("om de hoeveel weken"), default=4, help_text=_("Bijvoorbeeld 4: elke vier weken.")
    )
    gevormd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gevormd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    gevormd = models.DateField(_("gevormd op"), default=timezone.localdate)

    class Meta:
        ordering = ["-gevormd", "pk"]
        verbose_name = _("koppel")
        verbose_name_plural = _("koppels")
        constraints = [
            # One row per pair, whatever order the two were chosen in (services sort them).
            models.CheckConstraint(
                condition=models.Q(eerste__lt=models.F("tweede")), name="koppel_geordend"
            ),
            models.UniqueConstraint(fields=["eerste", "tweede"], name="koppel_uniek"),
        ]

    def __str__(self):
        # Names only, never content: this string goes into the leercyclus ledger.
        return _("Koppel %(a)s en %(b)s") % {
            "a": self.eerste.get_full_name() or self.eerste.get_username(),
            "b": self.tweede.get_full_name() or self.tweede.get_username(),
        }

    def get_absolute_url(self):
        return reverse("koppel", args=[self.pk])

    @property
    def leden(self):
        return [self.eerste, self.tweede]

    def collega_van(self, user):
        return self.tweede if user.pk == self.eerste_id else self.eerste


class Koppelobservatie(models.Model):
    """What one of the pair saw in a client conversation of the other. For the pair only."""

    koppel = models.ForeignKey(
        Koppel, verbose_name=_("koppel"), on_delete=models.CASCADE, related_name="observaties"
    )
    observator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("meegekeken door"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    datum = models.DateField(_("datum van het gesprek"))
    technieken = models.ManyToManyField(
        "cms.Basismethodiek",
        verbose_name=_("gebruikte technieken"),
        blank=True,
        related_name="+",
        limit_choices_to={"soort": "techniek"},
    )
    valkuilen = models.JSONField(_("valkuilen"), default=list, blank=True)
    ging_goed = models.TextField(_("wat ging goed"), validators=[geen_persoonsgegevens])
    tip = models.TextField(_("één tip"), validators=[geen_persoonsgegevens])
    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    class Meta:
        ordering = ["-datum", "-aangemaakt"]
        verbose_name = _("koppelobservatie")
        verbose_name_plural = _("koppelobservaties")
        indexes = [models.Index(fields=["koppel", "datum"])]

    def __str__(self):
        return _("Meekijken op %(datum)s") % {"datum": self.datum.strftime("%d-%m-%Y")}

    @property
    def geobserveerde(self):
        return self.koppel.collega_van(self.observator)

    @property
    def valkuil_labels(self):
        from oefeningen.blocks import VALKUILEN

        namen = dict(VALKUILEN)
        return [namen.get(slug, slug) for slug in self.valkuilen]


# --- Eigen casus in de intervisiegroep --------------------------------------------------------


class Groepsbijdrage(models.Model):
    """An anonymised case from a member's own practice, brought to the group for reflection.

    Visible to the group's members and gespreksleiders only (selectors), like a session record.
    """

    groep = models.ForeignKey(
        Intervisiegroep,
        verbose_name=_("intervisiegroep"),
        on_delete=models.CASCADE,
        related_name="bijdragen",
    )
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingebracht door"),
        on_delete=models.CASCADE,
        related_name="groepsbijdragen",
    )
    titel = models.CharField(_("titel"), max_length=150, validators=[geen_persoonsgegevens])
    casus = models.TextField(
        _("de casus"),
        validators=[geen_persoonsgegevens],
        help_text=_("Anoniem: geen naam, BSN, adres, telefoonnummer of geboortedatum."),
    )
    reflectie = models.TextField(
        _("mijn reflectie en vraag aan de groep"), validators=[geen_persoonsgegevens]
    )
    aangemaakt = models.DateTimeField(_("ingebracht op"), auto_now_add=True)

    class Meta:
        ordering = ["-aangemaakt", "-pk"]
        verbose_name = _("eigen casus")
        verbose_name_plural = _("eigen casussen")

    def __str__(self):
        return self.titel
