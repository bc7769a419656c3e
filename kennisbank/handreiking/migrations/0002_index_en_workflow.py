"""Every installation gets /handreiking/ and its review workflow.

The index page sits directly under the home page. The workflow "Handreiking beoordelen" has one
GroupApprovalTask for the Kennisbeheerder group and is assigned to the index, so every book and
chapter below it goes through review: a trainer submits, a kennisbeheerder approves or asks for
changes.
"""

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


def index_maken(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    HomePage = apps.get_model("cms.HomePage")
    HandreikingIndexPage = apps.get_model("handreiking.HandreikingIndexPage")

    index = HandreikingIndexPage.objects.first()
    if index is None:
        home = HomePage.objects.order_by("path").first()
        if home is None:
            return
        kinderen = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1)
        laatste = kinderen.order_by("-path").values_list("path", flat=True).first()
        stap = _volgende_stap(laatste[-STAPLENGTE:]) if laatste else "0001"
        content_type, _ = ContentType.objects.get_or_create(
            app_label="handreiking", model="handreikingindexpage"
        )
        index = HandreikingIndexPage.objects.create(
            title="Handreiking",
            draft_title="Handreiking",
            slug="handreiking",
            content_type=content_type,
            path=home.path + stap,
            depth=home.depth + 1,
            numchild=0,
            url_path=f"{home.url_path}handreiking/",
            locale_id=home.locale_id,
            live=True,
            intro=(
                "De methodiek als boek: lees hoofdstuk voor hoofdstuk, zoek een begrip op, "
                "oefen wat je leest en druk het af voor onderweg."
            ),
        )
        Page.objects.filter(pk=home.pk).update(numchild=kinderen.count())
    workflow_koppelen(apps, index)


def workflow_koppelen(apps, index):
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")

    if WorkflowPage.objects.filter(page_id=index.pk).exists():
        return
    kennisbeheerder, _ = Group.objects.get_or_create(name="Kennisbeheerder")
    workflow, _ = Workflow.objects.get_or_create(
        name="Handreiking beoordelen", defaults={"active": True}
    )
    taak = GroupApprovalTask.objects.filter(name="Beoordeling door kennisbeheerder").first()
    if taak is None:
        content_type, _ = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        taak = GroupApprovalTask.objects.create(
            name="Beoordeling door kennisbeheerder", active=True, content_type=content_type
        )
    taak.groups.add(kennisbeheerder)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=taak, defaults={"sort_order": 0})
    WorkflowPage.objects.create(page_id=index.pk, workflow=workflow)


class Migration(migrations.Migration):
    dependencies = [
        ("handreiking", "0001_initial"),
        ("cms", "0003_startpagina"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(index_maken, migrations.RunPython.noop)]
