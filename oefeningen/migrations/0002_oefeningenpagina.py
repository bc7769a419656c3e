"""Put the oefeningen overview at /oefeningen/, below the home page (cms 0003)."""

from django.db import migrations


def oefeningenpagina_maken(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    HomePage = apps.get_model("cms.HomePage")
    OefeningenIndexPage = apps.get_model("oefeningen.OefeningenIndexPage")

    home = HomePage.objects.first()
    if home is None or OefeningenIndexPage.objects.exists():
        return
    if Page.objects.filter(depth=home.depth + 1, path__startswith=home.path, slug="oefeningen").exists():
        return
    content_type, _ = ContentType.objects.get_or_create(
        model="oefeningenindexpage", app_label="oefeningen"
    )
    kinderen = Page.objects.filter(depth=home.depth + 1, path__startswith=home.path)
    laatste = kinderen.order_by("-path").values_list("path", flat=True).first()
    volgnummer = int(laatste[-4:], 36) + 1 if laatste else 1
    stap = ""
    alfabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    n = volgnummer
    for _i in range(4):
        stap = alfabet[n % 36] + stap
        n //= 36
    OefeningenIndexPage.objects.create(
        title="Oefeningen",
        draft_title="Oefeningen",
        slug="oefeningen",
        content_type=content_type,
        path=home.path + stap,
        depth=home.depth + 1,
        numchild=0,
        url_path=f"{home.url_path}oefeningen/",
        locale_id=home.locale_id,
        live=True,
        intro=(
            "Oefen met situaties uit de praktijk: herken het klanttype, kies bij een beslismoment, "
            "stel interventies samen en beoordeel gespreksfragmenten. Vaak zijn meerdere antwoorden "
            "te verdedigen: lees daarom vooral de uitleg."
        ),
    )
    Page.objects.filter(pk=home.pk).update(numchild=kinderen.count())


class Migration(migrations.Migration):
    dependencies = [
        ("oefeningen", "0001_initial"),
        ("cms", "0003_startpagina"),
    ]

    operations = [migrations.RunPython(oefeningenpagina_maken, migrations.RunPython.noop)]
