"""Dutch analysis: the same stem for the forms a consulent types."""

import time

import pytest

from cms.search.nederlands import alle_delen, analyseer, delen, markeer_fragment, woordenlijst


def stammen(tekst):
    return [s[0] for s in analyseer(tekst)]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("interventies", "interventie"),  # Snowball leaves these apart
        ("strategieën", "strategie"),
        ("cliënten", "client"),
        ("Cliënt", "clienten"),
        ("reïntegratie", "reintegratie"),
        ("re-integratie", "reintegratie"),
        ("auto's", "auto"),
        ("werkt", "werken"),
        ("gewerkt", "werk"),
        ("wordt", "worden"),
        ("plangesprekken", "plangesprek"),
        ("jongeren", "jongere"),
        ("gesproken", "spreekt"),
        ("taalcafés", "taalcafe"),
        ("re-integratiebedrijven", "reïntegratiebedrijf"),
        ("jobcoaches", "jobcoach"),
        ("markten", "markt"),
        ("consulenten", "consulent"),
        ("huizen", "huis"),
    ],
)
def test_forms_share_a_stem(a, b):
    assert stammen(a) == stammen(b)


# Singular and plural (and the fase/fases, methode/methodes, ...).
MEERVOUDEN = [
    ("fase", "fases"),
    ("methode", "methodes"),
    ("periode", "periodes"),
    ("casus", "casussen"),
    ("idee", "ideeën"),
    ("interventie", "interventies"),
    ("strategie", "strategieën"),
    ("cliënt", "cliënten"),
    ("consulent", "consulenten"),
    ("klant", "klanten"),
    ("jongere", "jongeren"),
    ("gemeente", "gemeenten"),
    ("gemeente", "gemeentes"),
    ("uitkering", "uitkeringen"),
    ("begeleiding", "begeleidingen"),
    ("werkgever", "werkgevers"),
    ("werknemer", "werknemers"),
    ("gesprek", "gesprekken"),
    ("plangesprek", "plangesprekken"),
    ("afspraak", "afspraken"),
    ("traject", "trajecten"),
    ("opleiding", "opleidingen"),
    ("cursus", "cursussen"),
    ("training", "trainingen"),
    ("vaardigheid", "vaardigheden"),
    ("mogelijkheid", "mogelijkheden"),
    ("doelgroep", "doelgroepen"),
    ("schuld", "schulden"),
    ("regel", "regels"),
    ("plan", "plannen"),
    ("stap", "stappen"),
    ("week", "weken"),
    ("maand", "maanden"),
    ("jaar", "jaren"),
    ("dag", "dagen"),
    ("vraag", "vragen"),
    ("antwoord", "antwoorden"),
    ("oefening", "oefeningen"),
    ("hoofdstuk", "hoofdstukken"),
    ("techniek", "technieken"),
    ("valkuil", "valkuilen"),
    ("voorbeeld", "voorbeelden"),
    ("team", "teams"),
    ("teamchef", "teamchefs"),
    ("coach", "coaches"),
    ("jobcoach", "jobcoaches"),
    ("taalcafé", "taalcafés"),
    ("auto", "auto's"),
    ("bedrijf", "bedrijven"),
    ("huis", "huizen"),
    ("markt", "markten"),
    ("kind", "kinderen"),
    ("vrijwilliger", "vrijwilligers"),
    ("statushouder", "statushouders"),
    ("nieuwkomer", "nieuwkomers"),
    ("werkplek", "werkplekken"),
    ("werkervaringsplek", "werkervaringsplekken"),
    ("stage", "stages"),
    ("sollicitatie", "sollicitaties"),
    ("vacature", "vacatures"),
    ("baan", "banen"),
    ("beslismoment", "beslismomenten"),
    ("leerpunt", "leerpunten"),
    ("actiepunt", "actiepunten"),
    ("sessie", "sessies"),
    ("verslag", "verslagen"),
    ("groep", "groepen"),
    ("intervisiegroep", "intervisiegroepen"),
    ("taak", "taken"),
    ("doel", "doelen"),
    ("resultaat", "resultaten"),
    ("ervaring", "ervaringen"),
    ("situatie", "situaties"),
    ("relatie", "relaties"),
    ("organisatie", "organisaties"),
    ("instantie", "instanties"),
    ("partner", "partners"),
    ("aanbieder", "aanbieders"),
    ("instrument", "instrumenten"),
    ("subsidie", "subsidies"),
    ("toeslag", "toeslagen"),
    ("regeling", "regelingen"),
    ("voorziening", "voorzieningen"),
    ("beperking", "beperkingen"),
    ("probleem", "problemen"),
    ("oorzaak", "oorzaken"),
    ("signaal", "signalen"),
    ("risico", "risico's"),
    ("kans", "kansen"),
    ("keuze", "keuzes"),
    ("motivatie", "motivaties"),
    ("gedachte", "gedachten"),
    ("gevoel", "gevoelens"),
    ("reactie", "reacties"),
    ("netwerk", "netwerken"),
    ("collega", "collega's"),
    ("familie", "families"),
    ("school", "scholen"),
    ("diploma", "diploma's"),
    ("certificaat", "certificaten"),
    ("module", "modules"),
    ("fragment", "fragmenten"),
    ("casusoefening", "casusoefeningen"),
    ("voornemen", "voornemens"),
    ("reflectie", "reflecties"),
    ("teamplan", "teamplannen"),
    ("thema", "thema's"),
    ("vaardigheid", "vaardigheden"),
]

# Infinitive and present tense or past participle.
WERKWOORDSVORMEN = [
    ("maken", "maakt"),
    ("maken", "gemaakt"),
    ("geven", "geeft"),
    ("geven", "gegeven"),
    ("verwijzen", "verwijst"),
    ("werken", "werkt"),
    ("werken", "gewerkt"),
    ("worden", "wordt"),
    ("zoeken", "zoekt"),
    ("zoeken", "gezocht"),
    ("spreken", "spreekt"),
    ("spreken", "gesproken"),
    ("helpen", "helpt"),
    ("leren", "leert"),
    ("leren", "geleerd"),
    ("bellen", "gebeld"),
    ("praten", "praat"),
    ("vragen", "vraagt"),
    ("nemen", "neemt"),
    ("begeleiden", "begeleidt"),
    ("begeleiden", "begeleid"),
    ("bespreken", "bespreekt"),
    ("oefenen", "oefent"),
    ("oefenen", "geoefend"),
    ("solliciteren", "solliciteert"),
    ("solliciteren", "gesolliciteerd"),
    ("motiveren", "motiveert"),
    ("informeren", "informeert"),
    ("informeren", "geïnformeerd"),
    ("reflecteren", "reflecteert"),
    ("stoppen", "stopt"),
    ("kiezen", "kiest"),
    ("schrijven", "schrijft"),
    ("delen", "deelt"),
    ("delen", "gedeeld"),
    ("gaan", "gaat"),
    ("gaan", "gegaan"),
    ("komen", "komt"),
    ("komen", "gekomen"),
    ("krijgen", "krijgt"),
    ("krijgen", "gekregen"),
    ("vinden", "vindt"),
    ("vinden", "gevonden"),
    ("denken", "denkt"),
    ("denken", "gedacht"),
    ("werken", "werkend"),
    ("registreren", "registreert"),
    ("evalueren", "evalueert"),
    ("toetsen", "toetst"),
    ("bereiken", "bereikt"),
    ("ondersteunen", "ondersteunt"),
    ("coachen", "coacht"),
    ("luisteren", "luistert"),
    ("veranderen", "verandert"),
    ("samenvatten", "samenvat"),
    ("verwijzen", "verwezen"),
    ("beslissen", "beslist"),
]

# Verb and its noun: solliciteren/sollicitatie, communiceren/communicatie.
AFLEIDINGEN = [
    ("solliciteren", "sollicitatie"),
    ("communiceren", "communicatie"),
    ("informeren", "informatie"),
    ("motiveren", "motivatie"),
    ("registreren", "registratie"),
    ("evalueren", "evaluatie"),
    ("organiseren", "organisatie"),
    ("presenteren", "presentatie"),
    ("integreren", "integratie"),
    ("reïntegreren", "reïntegratie"),
    ("participeren", "participatie"),
    ("stimuleren", "stimulatie"),
    ("implementeren", "implementatie"),
    ("signaleren", "signalering"),
    ("interpreteren", "interpretatie"),
    ("documenteren", "documentatie"),
    ("uitkeren", "uitkering"),
    ("begeleiden", "begeleiding"),
]

# Accents, diaeresis, hyphens and case.
SPELLING = [
    ("Cliënt", "client"),
    ("reïntegratie", "reintegratie"),
    ("re-integratie", "reintegratie"),
    ("ideeën", "ideeen"),
    ("taalcafé", "taalcafe"),
    ("coördinator", "coordinator"),
    ("financiën", "financien"),
    ("efficiënt", "efficient"),
    ("CLIËNT", "cliënt"),
    ("Consulent", "consulent"),
]

# Words that look alike and must stay apart (beleid is not begeleiding).
NIET_GELIJK = [
    ("beleid", "begeleiding"),
    ("beleid", "begeleid"),
    ("plan", "plant"),
    ("gezin", "zin"),
    ("gesprek", "spreek"),
    ("gemeente", "menen"),
    ("gemeente", "gemeen"),
    ("geloof", "loof"),
    ("gezondheid", "zon"),
    ("gedachte", "dacht"),
    ("uitkering", "kering"),
    ("verloop", "loop"),
    ("beroep", "roep"),
    ("opleiding", "leiding"),
    ("aanpak", "pak"),
    ("werkgever", "werknemer"),
    ("bijstand", "stand"),
    ("vertrouwen", "trouwen"),
    ("voorbereiding", "bereiding"),
    ("ondersteuning", "steun"),
    ("gebied", "bieden"),
    ("geluk", "luk"),
    ("gedrag", "drag"),
    ("gebruik", "bruik"),
    ("kust", "kussen"),
    ("werk", "werf"),
    ("gegevens", "geven"),
    ("klant", "kant"),
    ("taal", "tal"),
    ("fase", "fas"),
    ("team", "term"),
    ("regel", "regen"),
    ("school", "schol"),
    ("baan", "bank"),
    ("kans", "kant"),
    ("zorg", "zorgvuldig"),
    ("huis", "huisarts"),
    ("kind", "kinderlijk"),
    ("uitstroom", "instroom"),
    ("ouder", "oud"),
    ("coaching", "coach"),
]


@pytest.mark.parametrize(("a", "b"), MEERVOUDEN + WERKWOORDSVORMEN + AFLEIDINGEN + SPELLING)
def test_table_pairs_meet(a, b):
    assert stammen(a) == stammen(b)


@pytest.mark.parametrize(("a", "b"), NIET_GELIJK)
def test_table_pairs_stay_apart(a, b):
    assert stammen(a) != stammen(b)


def test_the_tables_are_a_few_hundred_pairs():
    meet = MEERVOUDEN + WERKWOORDSVORMEN + AFLEIDINGEN + SPELLING
    assert len(meet) + len(NIET_GELIJK) >= 230 and len(NIET_GELIJK) >= 40


@pytest.mark.parametrize(
    ("woord", "verwacht"),
    [
        ("verslavingszorg", ("verslaving", "zorg")),  # linking -s-
        ("terugvalpreventie", ("terugval", "preventie")),
        ("beroepskeuzetest", ("beroep", "keuze", "test")),
        ("werkervaringsplaats", ("werkervaring", "plaats")),
        ("werkervaringsplekken", ("werkervaring", "plekken")),  # an inflected last part
        ("contactfrequentie", ("contact", "frequentie")),
        ("jongerencoach", ("jongeren", "coach")),  # linking -en-
        ("participatiewet", ("participatie", "wet")),
        ("kinderopvang", ("kinder", "opvang")),  # linking -er-
        # Not compounds, or not ones to split: a prefix, a particle, a verb, a short tail.
        ("uitkering", ()),
        ("begeleiding", ()),
        ("verslaving", ()),
        ("gemeente", ()),
        ("consulent", ()),
        ("gesprek", ()),
        ("formuleren", ()),
        ("waardering", ()),
        ("beleid", ()),
    ],
)
def test_compounds_split_into_dictionary_words(woord, verwacht):
    assert delen(woord) == verwacht


def test_parts_of_parts_are_found_too():
    assert alle_delen("werkervaringsplaats") == ["werkervaring", "plaats", "werk", "ervaring"]
    assert "hulp" in alle_delen("schuldhulpverlening")


def test_compound_parts_are_indexed_beside_the_word_and_marked():
    (stammen_zorg,) = analyseer("verslavingszorg", met_delen=True)
    assert stammen_zorg[0] == stammen("verslavingszorg")[0]
    assert {"+" + stammen("verslaving")[0], "+" + stammen("zorg")[0]} <= set(stammen_zorg)


def test_word_list_loads_fast_enough_for_first_use():
    woordenlijst.cache_clear()
    begin = time.perf_counter()
    onderdelen, werkwoorden = woordenlijst()
    assert len(onderdelen) > 30_000 and len(werkwoorden) > 10_000
    assert "uit" not in onderdelen and "verslaving" in onderdelen
    assert time.perf_counter() - begin < 2  # ~40 ms; a wide bound for a busy machine


def test_stop_words_are_dropped_and_distinct_words_stay_apart():
    assert stammen("de klant en het werk") == stammen("klant werk")
    assert stammen("plan") != stammen("plein")


def test_fragment_marks_compounds_both_ways():
    assert "<mark>contactfrequentie</mark>" in markeer_fragment(
        "Spreek een contactfrequentie af.", "contact"
    )
    fragment = markeer_fragment("Zij doen werkervaring op.", "werkervaringsplaats")
    assert "<mark>werkervaring</mark>" in fragment


def test_fragment_marks_inflections_and_compounds_and_escapes_html():
    fragment = markeer_fragment(
        "In de <b>zoekperiode</b> zoeken cliënten zelf.", "periode clienten"
    )
    assert "<mark>zoekperiode</mark>" in fragment
    assert "<mark>cliënten</mark>" in fragment
    assert "&lt;b&gt;" in fragment
