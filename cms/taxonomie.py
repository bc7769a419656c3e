"""Controlled vocabularies shared by every app (Wagtail snippets, ordered, with slug)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Taxonomie(index.Indexed, models.Model):
    """Base for one controlled list: a name, a slug, a short description and an order."""

    naam = models.CharField(_("naam"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    omschrijving = models.TextField(_("korte omschrijving"), blank=True)
    volgorde = models.PositiveIntegerField(_("volgorde"), default=0)

    panels = [
        FieldPanel("naam"),
        FieldPanel("slug"),
        FieldPanel("omschrijving"),
        FieldPanel("volgorde"),
    ]
    search_fields = [
        index.SearchField("naam"),
        index.AutocompleteField("naam"),
        index.SearchField("omschrijving"),
    ]

    class Meta:
        abstract = True
        ordering = ["volgorde", "naam"]

    def __str__(self):
        return self.naam


class FaseReeks(Taxonomie):
    """A series of phases: trajectfasen (default), gedragsfasen, methodisch handelen, or own."""

    standaard = models.BooleanField(
        _("standaardreeks"),
        default=False,
        help_text=_("De reeks waarop het interventieschema is geordend."),
    )

    panels = Taxonomie.panels + [FieldPanel("standaard")]

    class Meta(Taxonomie.Meta):
        verbose_name = _("fasereeks")
        verbose_name_plural = _("fasereeksen")


class Fase(Taxonomie):
    reeks = models.ForeignKey(
        FaseReeks, verbose_name=_("reeks"), on_delete=models.PROTECT, related_name="fases"
    )

    panels = Taxonomie.panels + [FieldPanel("reeks")]

    class Meta:
        ordering = ["reeks__volgorde", "volgorde", "naam"]
        verbose_name = _("fase")
        verbose_name_plural = _("fases")


class Doelgroep(Taxonomie):
    bovenliggend = models.ForeignKey(
        "self",
        verbose_name=_("valt onder"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="subgroepen",
    )

    panels = Taxonomie.panels + [FieldPanel("bovenliggend")]

    class Meta(Taxonomie.Meta):
        verbose_name = _("doelgroep")
        verbose_name_plural = _("doelgroepen")


class Ladder(Taxonomie):
    """A participatieladder: the VNG ladder (default) or a gemeente's own, as its own series.

    Local subtreden belong to their own gemeente's ladder, never under a VNG trede: a gemeente
    that divides its trede 2 means something other than the VNG's "sociale contacten".
    """

    standaard = models.BooleanField(
        _("standaardladder"),
        default=False,
        help_text=_("De ladder die het platform standaard toont (de VNG-participatieladder)."),
    )

    panels = Taxonomie.panels + [FieldPanel("standaard")]

    class Meta(Taxonomie.Meta):
        verbose_name = _("participatieladder")
        verbose_name_plural = _("participatieladders")


def standaard_ladder():
    """The ladder a new trede gets unless another is chosen: the default (VNG) ladder."""
    ladder = Ladder.objects.filter(standaard=True).first()
    if ladder is None:
        ladder, _nieuw = Ladder.objects.get_or_create(
            slug="participatieladder-vng",
            defaults={"naam": "Participatieladder (VNG)", "standaard": True, "volgorde": 1},
        )
    return ladder.pk


class Trede(Taxonomie):
    """A rung of a participatieladder (1-6 on the VNG ladder), or a subtrede below one."""

    ladder = models.ForeignKey(
        Ladder,
        verbose_name=_("ladder"),
        on_delete=models.PROTECT,
        related_name="treden",
        default=standaard_ladder,
    )
    code = models.CharField(_("code"), max_length=10, help_text=_("Bijvoorbeeld 2 of 2.3."))
    bovenliggend = models.ForeignKey(
        "self",
        verbose_name=_("subtrede van"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="subtreden",
    )

    panels = Taxonomie.panels + [
        FieldPanel("ladder"),
        FieldPanel("code"),
        FieldPanel("bovenliggend"),
    ]

    class Meta:
        ordering = ["ladder__volgorde", "volgorde", "naam"]
        verbose_name = _("trede")
        verbose_name_plural = _("treden")

    def __str__(self):
        return f"{self.code}. {self.naam}"

    def clean(self):
        super().clean()
        if self.bovenliggend_id and self.bovenliggend.ladder_id != self.ladder_id:
            raise ValidationError(
                {
                    "bovenliggend": _(
                        "Een subtrede hoort bij een trede van dezelfde ladder. Maak voor een "
                        "eigen indeling van de gemeente een eigen ladder."
                    )
                }
            )


class Klanttype(Taxonomie):
    class Meta(Taxonomie.Meta):
        verbose_name = _("klanttype")
        verbose_name_plural = _("klanttypen")


class WerkzaamElement(Taxonomie):
    class Meta(Taxonomie.Meta):
        verbose_name = _("werkzaam element")
        verbose_name_plural = _("werkzame elementen")


class Basismethodiek(Taxonomie):
    class Soort(models.TextChoices):
        BASISMETHODIEK = "basismethodiek", _("basismethodiek")
        TECHNIEK = "techniek", _("gesprekstechniek")

    soort = models.CharField(
        _("soort"), max_length=20, choices=Soort.choices, default=Soort.BASISMETHODIEK
    )

    panels = Taxonomie.panels + [FieldPanel("soort")]

    class Meta(Taxonomie.Meta):
        verbose_name = _("basismethodiek of techniek")
        verbose_name_plural = _("basismethodieken en technieken")
