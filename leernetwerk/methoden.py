"""The intervisie methods Leernetwerk ships with, written in our own words.

Loaded by data migration 0003 and editable by beheerders afterwards (snippet). Each step:
(titel, minuten, aanwijzing voor de gespreksleider).
"""

METHODEN = [
    {
        "slug": "incidentmethode",
        "naam": "Incidentmethode",
        "omschrijving": (
            "Eén deelnemer brengt een kort, concreet voorval in waar hij of zij mee zit. De groep "
            "stelt eerst alleen informatieve vragen en pas daarna analyse en advies."
        ),
        "stappen": [
            (
                "Incident kiezen en vertellen",
                10,
                "Vraag wie een voorval van de afgelopen weken wil inbrengen. De inbrenger vertelt "
                "in een paar minuten wat er gebeurde, tot het moment waarop hij of zij moest "
                "handelen. Laat niemand onderbreken.",
            ),
            (
                "Informatieve vragen",
                15,
                "Deelnemers stellen alleen vragen naar feiten: wie, wat, wanneer, hoe ging het "
                "gesprek. Geen adviezen vermomd als vraag (\u201cheb je al eens\u2026?\u201d).",
            ),
            (
                "Wat zou jij doen?",
                10,
                "Ieder schrijft voor zich op wat hij of zij op het beslismoment zou hebben gedaan "
                "en waarom. Laat dit kort en concreet opschrijven.",
            ),
            (
                "Rondje oplossingen",
                15,
                "Iedereen leest voor; de inbrenger luistert en reageert nog niet. Vat samen welke "
                "lijnen terugkomen.",
            ),
            (
                "Reactie van de inbrenger",
                10,
                "De inbrenger vertelt wat hij of zij werkelijk deed en wat de rondes opleverden. "
                "Vraag wat de inbrenger meeneemt.",
            ),
            (
                "Leerpunten en afspraken",
                10,
                "Maak met de groep de leerpunten expliciet en leg actiepunten vast met eigenaar en "
                "datum. Koppel waar het kan een interventie uit het schema.",
            ),
        ],
    },
    {
        "slug": "balint",
        "naam": "Balintmethode",
        "omschrijving": (
            "Gericht op de relatie tussen consulent en klant: wat roept deze klant bij jou op, en "
            "wat doet dat met de samenwerking?"
        ),
        "stappen": [
            (
                "Casus vertellen",
                10,
                "De inbrenger vertelt vrij over een klant die hem of haar bezighoudt, ook over het "
                "eigen gevoel daarbij.",
            ),
            (
                "Verhelderende vragen",
                10,
                "Alleen korte vragen om het beeld compleet te krijgen. Bewaak dat niemand al gaat "
                "adviseren.",
            ),
            (
                "Inbrenger luistert mee",
                25,
                "De inbrenger schuift iets naar achteren en zwijgt. De groep praat over wat de "
                "casus bij hen oproept: gevoelens, beelden, vermoedens over de relatie.",
            ),
            (
                "Inbrenger doet weer mee",
                10,
                "De inbrenger vertelt wat hij of zij hoorde en wat raakte of juist niet herkend "
                "wordt.",
            ),
            (
                "Afronding",
                5,
                "Vraag wat de inbrenger in het volgende gesprek anders gaat doen. Noteer "
                "leerpunten, niet het hele gesprek.",
            ),
        ],
    },
    {
        "slug": "roddelmethode",
        "naam": "Roddelmethode",
        "omschrijving": (
            "De groep praat over de casus alsof de inbrenger er niet bij is. Dat geeft ruimte "
            "voor hypotheses die je in het gezicht van een collega niet snel uitspreekt."
        ),
        "stappen": [
            (
                "Probleem inbrengen",
                10,
                "De inbrenger schetst de situatie en formuleert een hulpvraag aan de groep.",
            ),
            (
                "Vragen stellen",
                10,
                "De groep stelt open vragen. Check aan het eind of de hulpvraag nog klopt.",
            ),
            (
                "Roddelen",
                20,
                "De inbrenger draait zich om of zet de camera uit en luistert. De groep praat over "
                "de inbrenger en de casus in de derde persoon: wat speelt er, wat zou helpen? "
                "Houd het respectvol en concreet.",
            ),
            (
                "Reactie van de inbrenger",
                10,
                "De inbrenger draait terug en vertelt wat bruikbaar was en wat niet.",
            ),
            (
                "Afspraken",
                5,
                "Leg vast wat de inbrenger gaat doen en wanneer de groep ernaar terugvraagt.",
            ),
        ],
    },
    {
        "slug": "vijfstappenmethode",
        "naam": "Vijfstappenmethode",
        "omschrijving": (
            "Een eenvoudige, strakke structuur voor groepen die net beginnen met intervisie."
        ),
        "stappen": [
            (
                "Inbreng",
                10,
                "De inbrenger vertelt de casus en sluit af met een concrete hulpvraag.",
            ),
            (
                "Verhelderen",
                15,
                "Vragen om de situatie te begrijpen. Schrijf de hulpvraag zichtbaar op en pas hem "
                "zo nodig aan.",
            ),
            (
                "Analyseren",
                15,
                "Wat speelt er? Zoek samen naar patronen: klanttype, gedragsfase, wat de consulent "
                "zelf inbrengt.",
            ),
            (
                "Adviseren",
                15,
                "Elke deelnemer geeft één concreet advies. De inbrenger luistert en schrijft mee.",
            ),
            (
                "Evalueren",
                5,
                "De inbrenger kiest welk advies hij of zij gaat proberen. Korte terugblik op het "
                "proces.",
            ),
        ],
    },
    {
        "slug": "u-model",
        "naam": "U-model",
        "omschrijving": (
            "Eerst afdalen naar de kern achter het probleem (de linkerkant van de U), dan weer "
            "omhoog naar wat de inbrenger concreet gaat doen (de rechterkant)."
        ),
        "stappen": [
            (
                "Probleem en hulpvraag",
                10,
                "De inbrenger vertelt kort; de groep helpt de hulpvraag scherp te krijgen.",
            ),
            (
                "Afdalen: feiten",
                10,
                "Vragen naar wat er feitelijk gebeurde en wie erbij betrokken waren.",
            ),
            (
                "Afdalen: gedachten en gevoelens",
                10,
                "Vragen naar wat de inbrenger dacht, voelde en wilde op de lastige momenten.",
            ),
            (
                "Kern: waarden en overtuigingen",
                10,
                "Welke overtuiging of waarde van de inbrenger zit hier onder? Laat de inbrenger "
                "zelf de kern benoemen.",
            ),
            (
                "Omhoog: mogelijkheden",
                15,
                "Vanuit de kern: welke andere houding of aanpak is denkbaar? De groep denkt mee.",
            ),
            (
                "Omhoog: concreet plan",
                5,
                "De inbrenger formuleert wat hij of zij als eerste gaat doen en wanneer.",
            ),
        ],
    },
    {
        "slug": "topoi",
        "naam": "TOPOI-model",
        "omschrijving": (
            "Kijkt naar communicatie en misverstanden langs vijf invalshoeken: taal, ordening, "
            "personen, organisatie en inzet. Bruikbaar bij klanten met een andere taal of cultuur."
        ),
        "stappen": [
            (
                "Situatie schetsen",
                10,
                "De inbrenger beschrijft een gesprek waarin het misliep of stroef ging.",
            ),
            (
                "Taal",
                8,
                "Begrepen beide partijen dezelfde woorden op dezelfde manier? Ook non-verbaal.",
            ),
            (
                "Ordening",
                8,
                "Vanuit welk beeld van werk, uitkering of hulp keek ieder naar de situatie?",
            ),
            (
                "Personen",
                8,
                "Hoe zagen consulent en klant elkaar en hun rollen? Welk vertrouwen was er?",
            ),
            (
                "Organisatie",
                8,
                "Welke regels, tijdsdruk en belangen van de gemeente speelden mee?",
            ),
            (
                "Inzet",
                8,
                "Wat wilden beide partijen bereiken, uitgesproken en onuitgesproken?",
            ),
            (
                "Interventies kiezen",
                10,
                "Per invalshoek: wat kan de inbrenger de volgende keer anders doen?",
            ),
        ],
    },
    {
        "slug": "casuistiekbespreking",
        "naam": "Casu\u00efstiekbespreking",
        "omschrijving": (
            "Een inhoudelijke bespreking van een lopend traject, gericht op het besluit dat "
            "genomen moet worden: welke fase, welke interventie, welk beslismoment."
        ),
        "stappen": [
            (
                "Casus en vraag",
                10,
                "De inbrenger schetst het traject tot nu toe en het besluit dat voorligt.",
            ),
            (
                "Aanvullende informatie",
                10,
                "Vragen naar wat nodig is om te besluiten: fase, trede, klanttype, netwerk.",
            ),
            (
                "Opties langs het schema",
                20,
                "Leg het interventieschema ernaast. Welke interventies passen bij deze fase en "
                "doelgroep? Wat zijn de voor- en nadelen?",
            ),
            (
                "Besluit en onderbouwing",
                10,
                "De inbrenger kiest en onderbouwt. Leg vast welke interventies zijn besproken.",
            ),
        ],
    },
    {
        "slug": "leernetwerkbijeenkomst",
        "naam": "Leernetwerkbijeenkomst",
        "omschrijving": (
            "Een bijeenkomst van het leernetwerk, elke vier weken: terugblik op de voornemens, een "
            "thema, aanvullingen op het interventieschema en nieuwe voornemens."
        ),
        "is_leernetwerk": True,
        "stappen": [
            (
                "Terugblik op de voornemens",
                20,
                "Ieder vertelt kort welke interventie hij of zij de afgelopen periode probeerde "
                "en wat het opleverde. Noteer wat opvalt voor het schema.",
            ),
            (
                "Thema van deze bijeenkomst",
                45,
                "Werk het gekozen thema uit met een werkvorm: een geslaagde casus, een proces van "
                "aanmelding tot uitstroom, een beslismoment. Laat onderzoek of literatuur "
                "inbrengen waar dat helpt.",
            ),
            (
                "Aanvullingen op het interventieschema",
                20,
                "Welke interventies kwamen langs die nog niet of anders in het schema staan? "
                "Leg vast wat de begeleiders na afloop beschrijven.",
            ),
            (
                "Nieuwe voornemens",
                10,
                "Ieder kiest uit het schema \u00e9\u00e9n interventie om de komende periode te "
                "proberen. Die komt de volgende keer terug.",
            ),
            (
                "Afspraken en procesverslag",
                5,
                "Spreek af wie het procesverslag schrijft (om de beurt) en wat het thema van de "
                "volgende bijeenkomst wordt.",
            ),
        ],
    },
]


def methoden_laden(methode_model, stap_model):
    """Create the methods that are missing (by slug). Existing ones are left as edited."""
    for volgorde, gegevens in enumerate(METHODEN):
        methode, nieuw = methode_model.objects.get_or_create(
            slug=gegevens["slug"],
            defaults={
                "naam": gegevens["naam"],
                "omschrijving": gegevens["omschrijving"],
                "is_leernetwerk": gegevens.get("is_leernetwerk", False),
                "volgorde": volgorde,
            },
        )
        if nieuw:
            for i, (titel, minuten, begeleiding) in enumerate(gegevens["stappen"]):
                stap_model.objects.create(
                    methode=methode,
                    sort_order=i,
                    titel=titel,
                    minuten=minuten,
                    begeleiding=begeleiding,
                )
