"""Reference data every installation needs: the taxonomies named in DOMAIN.md."""

from django.db import migrations

REEKSEN = [
    ("trajectfasen", "Trajectfasen", True, "De fasen van een traject, van voorbereiding tot nazorg; de ordening van het interventieschema.", [
        ("voorafgaand", "Voorafgaand", "Wat er gebeurt voordat de consulent de klant voor het eerst spreekt."),
        ("eerste-gesprek", "Eerste gesprek", "Kennismaking, verwachtingen en rechten en plichten."),
        ("zoekperiode", "Zoekperiode (4 weken)", "De vier weken waarin de klant eerst zelf naar werk of school zoekt."),
        ("plangesprek", "Tweede gesprek / plangesprek", "Samen de uitkomst van de zoekperiode bespreken en een plan maken."),
        ("verloop", "Verloop", "Begeleiding, contact en bijsturen tijdens het traject."),
        ("nazorg", "Nazorg", "Contact na uitstroom, zodat het resultaat blijft staan."),
    ]),
    ("gedragsfasen", "Gedragsfasen", False, "Fasen van gedragsverandering (stages of change).", [
        ("voorbeschouwing", "Voorbeschouwing", "De klant ziet nog geen reden om iets te veranderen."),
        ("overpeinzing", "Overpeinzing", "De klant twijfelt en weegt voor- en nadelen af."),
        ("voorbereiding-beslissing", "Voorbereiding / beslissing", "De klant besluit en maakt plannen."),
        ("actieve-verandering", "Actieve verandering", "De klant is bezig met het nieuwe gedrag."),
        ("bestendiging", "Bestendiging", "Het nieuwe gedrag vasthouden en terugval voorkomen."),
    ]),
    ("methodisch-handelen", "Methodisch handelen", False, "De stappen van methodisch handelen van de consulent.", [
        ("screening-diagnose", "Screening en diagnose", "Informatie verzamelen en de situatie in kaart brengen."),
        ("oordeelsvorming", "Oordeelsvorming", "De informatie wegen en tot een professioneel oordeel komen."),
        ("besluitvorming", "Besluitvorming", "Besluiten over aanpak, voorziening of traject."),
        ("monitoring-coaching", "Monitoring en coaching", "Volgen, coachen en bijsturen."),
    ]),
]

DOELGROEPEN = [
    ("jongeren", "Jongeren 18-27", None, "Jongeren tot 27 jaar met een uitkering of die er een aanvragen."),
    ("jongeren-zonder-startkwalificatie", "Jongeren zonder startkwalificatie", "jongeren", "Jongeren zonder diploma op minimaal mbo-2-, havo- of vwo-niveau."),
    ("statushouders", "Statushouders", None, "Mensen met een verblijfsvergunning asiel, vaak nog in de inburgering."),
    ("lvb", "LVB (licht verstandelijke beperking)", None, "Mensen met een licht verstandelijke beperking, vaak niet direct herkenbaar."),
    ("ass", "ASS (autismespectrumstoornis)", None, "Mensen met autisme."),
    ("multiproblematiek", "Multiproblematiek", None, "Meerdere problemen tegelijk, zoals schulden, huisvesting en gezondheid."),
    ("laaggeletterden", "Laaggeletterden (NT1/NT2)", None, "Moeite met lezen en schrijven, in de moedertaal (NT1) of in het Nederlands als tweede taal (NT2)."),
    ("50-plus", "50-plussers", None, "Werkzoekenden van vijftig jaar en ouder."),
    ("kwetsbaar", "Psychisch of fysiek kwetsbaar", None, "Mensen met psychische of lichamelijke beperkingen."),
    ("verslaving", "Verslaving", None, "Mensen met een verslavingsproblematiek."),
    ("ouders-zonder-kinderopvang", "Ouders zonder kinderopvang", None, "Ouders voor wie de zorg voor kinderen werk of scholing in de weg staat."),
    ("schulden", "Schulden", None, "Mensen met problematische schulden."),
]

TREDEN = [
    ("1", "trede-1", "Geïsoleerd", None, "Weinig of geen sociale contacten buiten het eigen huishouden."),
    ("1R", "trede-1-rust", "Rust (tijdelijk)", "trede-1", "Lokale subtrede: de klant heeft tijdelijk rust nodig om problemen op te lossen."),
    ("2", "trede-2", "Sociale contacten buitenshuis", None, "Af en toe contact en activiteiten buiten de deur."),
    ("2.1", "trede-2-1", "Sociale activering zonder directe groei naar werk", "trede-2", "Lokale subtrede: hulp bij problemen staat voorop."),
    ("2.2", "trede-2-2", "Oplossingsgericht traject", "trede-2", "Lokale subtrede: de klant volgt een activeringstraject."),
    ("2.3", "trede-2-3", "Tegenprestatie", "trede-2", "Lokale subtrede: af en toe een tegenprestatie."),
    ("2.4", "trede-2-4", "Vrijwilligerswerk als hoogst haalbare", "trede-2", "Lokale subtrede: vrijwilligerswerk, nog niet beschikbaar voor regulier werk."),
    ("2.5", "trede-2-5", "Voortraject re-integratie", "trede-2", "Lokale subtrede: voorbereiding op deeltijdwerk."),
    ("2.6", "trede-2-6", "Deeltijd als hoogst haalbare", "trede-2", "Lokale subtrede: deeltijdwerk, met werken aan belastbaarheid."),
    ("3", "trede-3", "Deelname aan georganiseerde activiteiten", None, "Bijvoorbeeld een cursus, opleiding of lidmaatschap van een vereniging."),
    ("4", "trede-4", "Onbetaald werk", None, "Vrijwilligerswerk, stage of werken met behoud van uitkering."),
    ("5", "trede-5", "Betaald werk met ondersteuning", None, "Betaald werk met een aanvullende uitkering of begeleiding."),
    ("6", "trede-6", "Betaald werk", None, "Betaald werk zonder ondersteuning, ook als zelfstandige."),
]

KLANTTYPEN = [
    ("toetser", "Toetser", "Wacht af wat de gemeente vraagt en toetst of dat redelijk is; weinig eigen initiatief."),
    ("co-producent", "Co-producent", "Werkt mee en neemt deels zelf initiatief, met steun van de consulent."),
    ("regievoerder", "Regievoerder", "Neemt zelf de regie en heeft vooral ruimte en af en toe een duw nodig."),
]

WERKZAME_ELEMENTEN = [
    ("vertrouwen", "Vertrouwen", "Een werkrelatie waarin de klant zich gezien en serieus genomen voelt."),
    ("kwaliteiten", "Kwaliteiten", "Uitgaan van wat de klant kan en wil."),
    ("persoonlijke-situatie", "Persoonlijke situatie", "Aandacht voor gezondheid, geld, wonen en gezin."),
    ("netwerk", "Netwerk", "Het sociale netwerk van de klant benutten en versterken."),
    ("vaardigheden", "Vaardigheden", "Werknemers- en sollicitatievaardigheden ontwikkelen."),
    ("onderwijs-op-maat", "Onderwijs op maat", "Scholing die past bij niveau en doel."),
    ("werkgevers", "Werkgevers", "Samenwerken met werkgevers."),
    ("werkvloer", "Werkvloer", "Begeleiding en ervaring op de werkplek zelf."),
]

METHODIEKEN = [
    ("motiverende-gespreksvoering", "Motiverende gespreksvoering", "basismethodiek", "Gespreksstijl die de eigen motivatie van de klant voor verandering versterkt."),
    ("oplossingsgericht-coachen", "Oplossingsgericht coachen", "basismethodiek", "Werken vanuit wat al lukt en kleine volgende stappen."),
    ("stress-sensitieve-benadering", "Stress-sensitieve benadering", "basismethodiek", "Rekening houden met de invloed van stress, bijvoorbeeld door geldzorgen, op denken en doen."),
    ("neutraal-informeren", "Neutraal informeren", "techniek", "Informatie geven zonder oordeel of druk (de N van NORBS)."),
    ("open-vragen", "Open vragen", "techniek", "Vragen die uitnodigen tot vertellen (de O van NORBS)."),
    ("reflecteren", "Reflecteren", "techniek", "Teruggeven wat je hoort, inhoud of gevoel (de R van NORBS)."),
    ("bevestigen", "Bevestigen", "techniek", "Waardering uitspreken voor inzet en sterke kanten (de B van NORBS)."),
    ("samenvatten", "Samenvatten", "techniek", "De kern bundelen en het gesprek richting geven (de S van NORBS)."),
]


def laden(apps, schema_editor):
    FaseReeks = apps.get_model("cms", "FaseReeks")
    Fase = apps.get_model("cms", "Fase")
    Doelgroep = apps.get_model("cms", "Doelgroep")
    Trede = apps.get_model("cms", "Trede")
    Klanttype = apps.get_model("cms", "Klanttype")
    WerkzaamElement = apps.get_model("cms", "WerkzaamElement")
    Basismethodiek = apps.get_model("cms", "Basismethodiek")

    for r_volgorde, (slug, naam, standaard, omschrijving, fases) in enumerate(REEKSEN, start=1):
        reeks, _ = FaseReeks.objects.update_or_create(
            slug=slug,
            defaults={"naam": naam, "standaard": standaard, "omschrijving": omschrijving, "volgorde": r_volgorde},
        )
        for volgorde, (f_slug, f_naam, f_omschrijving) in enumerate(fases, start=1):
            Fase.objects.update_or_create(
                slug=f_slug,
                defaults={"naam": f_naam, "omschrijving": f_omschrijving, "volgorde": volgorde, "reeks": reeks},
            )

    for volgorde, (slug, naam, ouder, omschrijving) in enumerate(DOELGROEPEN, start=1):
        Doelgroep.objects.update_or_create(
            slug=slug,
            defaults={
                "naam": naam,
                "omschrijving": omschrijving,
                "volgorde": volgorde,
                "bovenliggend": Doelgroep.objects.get(slug=ouder) if ouder else None,
            },
        )

    for volgorde, (code, slug, naam, ouder, omschrijving) in enumerate(TREDEN, start=1):
        Trede.objects.update_or_create(
            slug=slug,
            defaults={
                "code": code,
                "naam": naam,
                "omschrijving": omschrijving,
                "volgorde": volgorde,
                "bovenliggend": Trede.objects.get(slug=ouder) if ouder else None,
            },
        )

    for model, rijen in ((Klanttype, KLANTTYPEN), (WerkzaamElement, WERKZAME_ELEMENTEN)):
        for volgorde, (slug, naam, omschrijving) in enumerate(rijen, start=1):
            model.objects.update_or_create(
                slug=slug, defaults={"naam": naam, "omschrijving": omschrijving, "volgorde": volgorde}
            )

    for volgorde, (slug, naam, soort, omschrijving) in enumerate(METHODIEKEN, start=1):
        Basismethodiek.objects.update_or_create(
            slug=slug,
            defaults={"naam": naam, "soort": soort, "omschrijving": omschrijving, "volgorde": volgorde},
        )


class Migration(migrations.Migration):
    dependencies = [("cms", "0001_initial")]

    operations = [migrations.RunPython(laden, migrations.RunPython.noop)]
