"""Every installation gets /interventieschema/: the schema page directly under the home page."""

from django.db import migrations

ALFABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STAPLENGTE = 4


def _volgende_stap(pad):
    """Treebeard's next sibling path segment (base 36, four characters)."""
    getal = 0
    for teken in pad:
        getal = getal * 36 + ALFABET.index(teken)
    getal += 1
    tekens = ""
    for _i in range(STAPLENGTE):
        getal, rest = divmod(getal, 36)
        tekens = ALFABET[rest] + tekens
    return tekens


def schema_maken(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    HomePage = apps.get_model("cms.HomePage")
    InterventieschemaPage = apps.get_model("kennisbank.InterventieschemaPage")

    if InterventieschemaPage.objects.exists():
        return
    home = HomePage.objects.order_by("path").first()
    if home is None:
        return
    kinderen = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1)
    laatste = kinderen.order_by("-path").values_list("path", flat=True).first()
    stap = _volgende_stap(laatste[-STAPLENGTE:]) if laatste else "0001"
    content_type, _ = ContentType.objects.get_or_create(
        app_label="kennisbank", model="interventieschemapage"
    )
    InterventieschemaPage.objects.create(
        title="Interventieschema",
        draft_title="Interventieschema",
        slug="interventieschema",
        content_type=content_type,
        path=home.path + stap,
        depth=home.depth + 1,
        numchild=0,
        url_path=f"{home.url_path}interventieschema/",
        locale_id=home.locale_id,
        live=True,
        intro=(
            "<p>Wat consulenten doen, per fase van het traject: de standaard werkwijze, de "
            "houding en de toolbox. Filter op doelgroep, trede of werkzaam element en kies "
            "wat je de komende periode gaat proberen.</p>"
        ),
    )
    Page.objects.filter(pk=home.pk).update(numchild=kinderen.count())


class Migration(migrations.Migration):
    dependencies = [
        ("kennisbank", "0002_herkomst"),
        ("cms", "0003_startpagina"),
    ]

    operations = [migrations.RunPython(schema_maken, migrations.RunPython.noop)]
