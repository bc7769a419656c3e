"""Site-wide search as a consulent uses it: page, JSON and autocomplete."""

import pytest
from django.contrib.auth import get_user_model

from cms.search import selectors
from cms.search.models import Synoniem
from cms.search.registry import ZoekType
from kennisbank.models import BeslismomentPage
from tests.search.conftest import INTERVENTIE, INTERVENTIES, interventie_maken


def api(client, **params):
    response = client.get("/api/zoeken/", params)
    assert response.status_code == 200
    return response.json()


def titels(data):
    return [r["titel"] for r in data["resultaten"]]


# The demo queries (first five) and more, on realistic fixture interventies.
DEMO_ZOEKVRAGEN = [
    ("interventies jongeren", {"Zelf zoeken in de eerste vier weken", "Terug naar school"}),
    ("periode", {"Zelf zoeken in de eerste vier weken"}),  # only "zoekperiode" in the text
    ("MI", {"Motiverende gespreksvoering in het eerste gesprek"}),
    ("clienten", {"Budgetcoaching"}),  # text says "Cliënten"
    ("plangesprekken", {"Netwerkkaart als voorbereiding", "Terug naar school"}),
    ("gesprek", {"Netwerkkaart als voorbereiding"}),  # fase "plangesprek"
    ("reintegratie", {"Reïntegratie na langdurige ziekte"}),
    ("re-integratie", {"Reïntegratie na langdurige ziekte"}),
    ("LVB", {"Werkervaringsplek bij een sociale onderneming"}),
    ("ASS", {"Jobcoaching op de werkvloer"}),
]


def test_demo_queries_find_the_expected_items_in_the_top_five(
    client_als, whoosh, interventies, zoektypen
):
    client = client_als("demo-consulent")
    for zoekterm, verwacht in DEMO_ZOEKVRAGEN:
        gevonden = titels(api(client, q=zoekterm))[:5]
        assert verwacht <= set(gevonden), (zoekterm, gevonden)


def test_json_has_the_documented_shape(client_als, zoekbackend, interventies, zoektypen):
    data = api(client_als("demo-consulent"), q="jongeren")
    assert set(data) >= {"query", "totaal", "resultaten", "facetten", "suggestie"}
    assert data["query"] == "jongeren" and data["totaal"] == len(data["resultaten"]) == 4
    resultaat = next(r for r in data["resultaten"] if r["titel"] == "Terug naar school")
    assert resultaat["type"] == "interventie"
    assert resultaat["url"] == interventies["Terug naar school"].url
    assert resultaat["fases"] == ["plangesprek"] and resultaat["doelgroepen"] == ["jongeren"]
    assert "<mark>Jongeren</mark>" in resultaat["fragment"]
    assert set(data["facetten"]) == {"type", "doelgroep", "fase"}


def test_every_facet_count_equals_the_results_it_narrows_to(
    client_als, zoekbackend, interventies, zoektypen
):
    client = client_als("demo-consulent")
    for zoekterm in ["werk", "jongeren"]:
        basis = api(client, q=zoekterm)
        assert basis["totaal"] > 1
        for naam, waarden in basis["facetten"].items():
            assert waarden, naam
            for slug, aantal in waarden.items():
                smaller = api(client, q=zoekterm, **{naam: slug})
                assert smaller["totaal"] == aantal, (zoekterm, naam, slug)
                # Narrowing again keeps counts consistent with a second filter.
                for naam2, waarden2 in smaller["facetten"].items():
                    if naam2 == naam:
                        continue
                    for slug2, aantal2 in waarden2.items():
                        nog_smaller = api(client, q=zoekterm, **{naam: slug, naam2: slug2})
                        assert nog_smaller["totaal"] == aantal2


def test_many_hits_give_the_same_answer_as_few(
    client_als, zoekbackend, interventies, zoektypen, monkeypatch
):
    """From many hits on, links and keys are read whole and filtered in Python: same answer."""
    from cms.search import selectors

    client = client_als("demo-consulent")
    vragen = [{"q": "werk"}, {"q": "jongeren", "fase": "verloop"}, {"q": "werk", "pagina": 2}]
    weinig = [api(client, **v) for v in vragen]
    monkeypatch.setattr(selectors, "VEEL_TREFFERS", 0)
    assert [api(client, **v) for v in vragen] == weinig
    assert weinig[0]["totaal"] > 1 and weinig[0]["facetten"]["fase"]


def test_page_shows_type_fragment_badges_facets_and_paginates(
    client_als, zoekbackend, interventies, zoektypen
):
    client = client_als("demo-consulent")
    response = client.get("/zoeken/", {"q": "werk"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Interventie" in html and "<mark>" in html
    assert 'class="badge badge--fase">Verloop<' in html
    assert "?q=werk&amp;doelgroep=schulden" in html  # a facet link that narrows
    smaller = client.get("/zoeken/", {"q": "werk", "doelgroep": "schulden"}).content.decode()
    assert "Budgetcoaching" in smaller and "Zelf zoeken in de eerste vier weken" not in smaller
    assert 'aria-current="true"' in smaller


def test_pagination_splits_results_over_pages(client_als, zoekbackend, schema, zoektypen):
    for i in range(13):
        interventie_maken(
            schema, f"Sollicitatietraining {i}", "Oefenen met sollicitatiebrieven.", ["verloop"], []
        )
    client = client_als("demo-consulent")
    eerste, tweede = (
        api(client, q="sollicitatietraining"),
        api(client, q="sollicitatietraining", pagina=2),
    )
    assert eerste["totaal"] == 13 and len(eerste["resultaten"]) == 10
    assert len(tweede["resultaten"]) == 3
    assert not set(titels(eerste)) & set(titels(tweede))
    assert client.get("/zoeken/", {"q": "sollicitatietraining", "pagina": "x"}).status_code == 200


@pytest.mark.parametrize("aantal", [2, 25])
def test_page_query_count_does_not_grow_with_results(
    client_als, zoekbackend, schema, zoektypen, django_assert_max_num_queries, aantal, monkeypatch
):
    # 25 hits take the path of thousands (whole link tables read, filtered here).
    monkeypatch.setattr(selectors, "VEEL_TREFFERS", 10)
    for i in range(aantal):
        interventie_maken(
            schema,
            f"Werkfit traject {i}",
            "Werkfit maken voor een baan.",
            ["verloop", "nazorg"],
            ["jongeren", "lvb"],
        )
    client = client_als("demo-consulent")
    client.get("/zoeken/", {"q": "werkfit"})  # warm caches (site root paths)
    # The SQLite database backend reads ranks and index entries apart (two queries more).
    with django_assert_max_num_queries(8 if zoekbackend == "whoosh" else 10):
        response = client.get("/zoeken/", {"q": "werkfit", "doelgroep": "jongeren"})
    assert response.status_code == 200
    assert response.context["uitkomst"].totaal == aantal


def test_other_groups_records_never_show(
    client_als, zoekbackend, schema, zoektypen, demo_gebruikers
):
    User = get_user_model()
    consulent = demo_gebruikers["demo-consulent"]
    eigen_team = consulent.teams.first()
    ander_team_lid = (
        User.objects.exclude(teams__in=consulent.teams.all()).filter(teams__isnull=False).first()
    )
    assert eigen_team and ander_team_lid
    collega = eigen_team.leden.exclude(pk=consulent.pk).first() or consulent
    eigen = interventie_maken(
        schema,
        "Verslag casusbespreking schuldenaanpak",
        "Wat wij leerden over schuldhulp.",
        ["verloop"],
        [],
        owner=collega,
    )
    vreemd = interventie_maken(
        schema,
        "Verslag casusbespreking geheim",
        "Vertrouwelijk verslag over schuldhulp.",
        ["verloop"],
        [],
        owner=ander_team_lid,
    )
    client = client_als("demo-consulent")
    page = client.get("/zoeken/", {"q": "casusbespreking"}).content.decode()
    data = api(client, q="casusbespreking")
    auto = client.get("/api/zoeken/suggesties/", {"q": "Versl"}).json()
    for inhoud in (page, str(data), str(auto)):
        assert eigen.title in inhoud
        assert vreemd.title not in inhoud and vreemd.url not in inhoud
    assert data["facetten"]["type"] == {"intervisie": 1}
    # The other team sees only its own record.
    client.force_login(ander_team_lid)
    assert titels(api(client, q="casusbespreking")) == [vreemd.title]


def test_delete_and_unpublish_remove_results_at_once(
    client_als, zoekbackend, interventies, zoektypen
):
    client = client_als("demo-consulent")
    assert "Budgetcoaching" in titels(api(client, q="schulden"))
    interventies["Budgetcoaching"].unpublish()
    assert "Budgetcoaching" not in titels(api(client, q="schulden"))
    assert "Taalmaatje" in titels(api(client, q="statushouders"))
    interventies["Taalmaatje"].delete()
    assert api(client, q="statushouders")["totaal"] == 0
    assert client.get("/api/zoeken/suggesties/", {"q": "Taalm"}).json()["resultaten"] == []


def test_autocomplete_answers_the_search_box(client_als, zoekbackend, interventies, zoektypen):
    data = client_als("demo-consulent").get("/api/zoeken/suggesties/", {"q": "jobc"}).json()
    assert data["resultaten"] == [
        {
            "titel": "Jobcoaching op de werkvloer",
            "url": interventies["Jobcoaching op de werkvloer"].url,
        }
    ]


def test_unknown_type_filter_is_ignored_with_a_message(
    client_als, zoekbackend, interventies, zoektypen
):
    response = client_als("demo-consulent").get("/zoeken/", {"q": "jongeren", "type": "xyz"})
    assert response.status_code == 200
    assert "Een onbekend filter is genegeerd." in response.content.decode()
    assert response.context["uitkomst"].totaal == 4


def test_search_requires_login(client, db):
    assert client.get("/api/zoeken/", {"q": "werk"}).status_code == 302


def test_kennisbeheerder_adds_a_synonym_that_works_at_once(
    client_als, whoosh, interventies, zoektypen, demo_gebruikers
):
    assert demo_gebruikers["demo-kennisbeheerder"].has_perm("zoeken.add_synoniem")
    assert not demo_gebruikers["demo-consulent"].has_perm("zoeken.add_synoniem")
    client = client_als("demo-consulent")
    assert api(client, q="BC")["totaal"] == 0
    Synoniem.objects.create(term="BC", betekenis="budgetcoaching")
    assert titels(api(client, q="BC")) == ["Budgetcoaching"]


def test_a_misspelled_word_shows_the_corrected_results_at_once(
    client_als, whoosh, interventies, zoektypen
):
    client = client_als("demo-consulent")
    data = api(client, q="werkervaringsplke")
    assert data["verbeterd"] == "werkervaringsplek" and data["suggestie"] is None
    assert titels(data) == ["Werkervaringsplek bij een sociale onderneming"]
    # The page says so, and its link searches the word as typed, keeping the filters.
    html = client.get("/zoeken/", {"q": "werkervaringsplke", "doelgroep": "lvb"}).content.decode()
    assert "Resultaten voor <em>werkervaringsplek</em>; zoek in plaats daarvan naar" in html
    assert 'href="?q=werkervaringsplke&amp;doelgroep=lvb&amp;exact=1"' in html
    # Asked for exactly that: no results, and the correction as a question.
    exact = api(client, q="werkervaringsplke", exact="1")
    assert exact["totaal"] == 0 and exact["verbeterd"] is None
    assert exact["suggestie"] == "werkervaringsplek"
    html = client.get("/zoeken/", {"q": "werkervaringsplke", "exact": "1"}).content.decode()
    assert 'Bedoelde u <a href="?q=werkervaringsplek">werkervaringsplek</a>?' in html


def test_seeded_synonyms_exist(db):
    assert Synoniem.objects.filter(term="P-wet", betekenis="Participatiewet").exists()
    assert Synoniem.objects.filter(term="PVA", betekenis="plan van aanpak").exists()


def test_all_fixture_interventies_are_findable_by_title(
    client_als, zoekbackend, interventies, zoektypen
):
    client = client_als("demo-consulent")
    for titel, *_ in INTERVENTIES:
        assert titel in titels(api(client, q=titel)), titel


# --- no dead ends ---


def test_question_words_are_never_required(client_als, zoekbackend, interventies, zoektypen):
    data = api(client_als("demo-consulent"), q="Welke budgetcoaching?")
    assert titels(data) == ["Budgetcoaching"] and data["deels"] is None


def test_several_words_without_a_common_hit_show_results_for_some_of_them(
    client_als, zoekbackend, interventies, zoektypen
):
    client = client_als("demo-consulent")
    data = api(client, q="welke jobcoach helpt bij autisme op school")
    assert data["deels"] == {
        "gebruikt": ["jobcoach", "helpt", "autisme", "school"],
        "niet_gevonden": [],
    }
    # The one result with two of the words comes first.
    assert titels(data)[0] == "Jobcoaching op de werkvloer"
    assert {"Budgetcoaching", "Terug naar school"} <= set(titels(data))
    html = client.get("/zoeken/", {"q": "jobcoach autisme xyzzyq"}).content.decode()
    assert (
        "Resultaten voor een deel van de woorden: <strong>jobcoach, autisme</strong>; "
        "niet gevonden: <strong>xyzzyq</strong>"
    ) in html
    assert "Jobcoaching op de werkvloer" in html


def test_results_with_more_of_the_words_come_first(client_als, whoosh, schema, zoektypen):
    # One word, rare and everywhere in one page, scores higher in BM25 than two common ones.
    interventie_maken(
        schema,
        "Schuldhulpmaatje",
        "Een schuldhulpmaatje opent samen de post. Het schuldhulpmaatje komt thuis; een "
        "schuldhulpmaatje belt de schuldeiser.",
        [],
        [],
    )
    for i in range(8):
        interventie_maken(schema, f"Buurtaanbod {i}", "Een activiteit in de wijk.", [], [])
        interventie_maken(schema, f"Baanaanbod {i}", "Een gesprek met een werkgever.", [], [])
    interventie_maken(
        schema,
        "Leerwerkplek",
        "Een leerwerkplek bij een werkgever in de eigen wijk, met een vaste begeleider die "
        "meekijkt, wekelijks bijstuurt en na drie maanden evalueert met de deelnemer.",
        [],
        [],
    )
    data = api(client_als("demo-consulent"), q="schuldhulpmaatje wijk werkgever")
    assert data["deels"]["niet_gevonden"] == []
    assert titels(data)[:2] == ["Leerwerkplek", "Schuldhulpmaatje"]


@pytest.mark.parametrize("aantal", [2, 25])
def test_fallback_page_query_count_does_not_grow_with_results(
    client_als, zoekbackend, schema, zoektypen, django_assert_max_num_queries, aantal
):
    for i in range(aantal):
        interventie_maken(
            schema, f"Werkfit traject {i}", "Werkfit maken.", ["verloop"], ["jongeren"]
        )
        interventie_maken(schema, f"Taalcursus {i}", "Taal leren.", ["nazorg"], ["lvb"])
    client = client_als("demo-consulent")
    client.get("/zoeken/", {"q": "werkfit taal"})  # warm caches (site root paths)
    with django_assert_max_num_queries(16 if zoekbackend == "whoosh" else 20):
        response = client.get("/zoeken/", {"q": "werkfit taal xyzzyq", "doelgroep": "lvb"})
    assert response.context["uitkomst"].deels.gebruikt == ["werkfit", "taal"]
    assert response.context["uitkomst"].totaal == aantal


# --- one honest ranking ---

BESLISMOMENT = ZoekType(
    slug="beslismoment",
    label="Beslismoment",
    model=BeslismomentPage,
    zichtbaar_voor=lambda user: BeslismomentPage.objects.live(),
)


def test_five_relevant_interventies_are_not_pushed_below_one_weak_beslismoment(
    client_als, zoekbackend, schema, monkeypatch
):
    monkeypatch.setattr(selectors, "zoekbare_typen", lambda: [INTERVENTIE, BESLISMOMENT])
    for onderdeel in [
        "de opening",
        "lastige vragen over een gat in je cv",
        "je kwaliteiten",
        "salaris en arbeidsvoorwaarden bespreken",
        "de afsluiting en het bedankje achteraf",
    ]:
        interventie_maken(
            schema,
            f"Sollicitatiegesprek oefenen: {onderdeel}",
            f"Oefen het sollicitatiegesprek, met {onderdeel}: een sollicitatiegesprek "
            "naspelen met de consulent.",
            [],
            [],
        )
    schema.add_child(
        instance=BeslismomentPage(
            title="Zelf begeleiden of doorverwijzen",
            vraag="Begeleid je de klant zelf, of verwijs je door naar een partner?",
            toelichting="<p>"
            + " ".join(
                [
                    "Kijk naar wat de klant nodig heeft, wat jij kunt bieden en wat er al loopt.",
                    "Bespreek het met de klant en met het team voordat je een keuze maakt.",
                ]
                * 4
            )
            + " Soms helpt het om eerst een sollicitatiegesprek samen voor te bereiden.</p>",
            opties=[
                ("optie", {"optie": "Zelf", "criteria": "<p>Kort</p>", "interventies": []}),
                ("optie", {"optie": "Partner", "criteria": "<p>Lang</p>", "interventies": []}),
            ],
        )
    )
    data = api(client_als("demo-consulent"), q="sollicitatiegesprek")
    assert [r["type"] for r in data["resultaten"]] == ["interventie"] * 5 + ["beslismoment"]


# --- highlights explain the hit ---


def test_a_hit_through_a_synonym_compound_or_taxonomy_value_says_so(
    client_als, whoosh, interventies, zoektypen
):
    client = client_als("demo-consulent")

    def via(q):
        return {r["titel"]: r["gevonden_via"] for r in api(client, q=q)["resultaten"]}

    assert via("MI")["Motiverende gespreksvoering in het eerste gesprek"] == [
        "Motiverende gespreksvoering (MI)"
    ]
    assert via("periode")["Zelf zoeken in de eerste vier weken"] == ["zoekperiode (periode)"]
    gevonden = via("plangesprek")
    assert gevonden["Terug naar school"] == ["fase: Tweede gesprek / plangesprek"]
    assert gevonden["Netwerkkaart als voorbereiding"] == []  # the text says it
    html = client.get("/zoeken/", {"q": "MI"}).content.decode()
    assert "gevonden via: Motiverende gespreksvoering (MI)" in html


def test_the_explanation_names_the_parts_of_a_split_compound(db):
    assert selectors.uitleg("werkervaringsplaats", "Werkervaring opdoen op een plaats.", [])[0] == [
        "Werkervaring, plaats (werkervaringsplaats)"
    ]
    assert selectors.uitleg("re-integratie", "Terug naar werk met integratie.", [])[0] == [
        "integratie (re-integratie)"
    ]
    # The word itself in the text: nothing to explain; a doelgroep that has it: that.
    assert selectors.uitleg("jongeren", "Voor jongeren.", [("doelgroep", "Jongeren")])[0] == []
    assert selectors.uitleg("jongeren", "Voor wie.", [("doelgroep", "Jongeren")])[0] == [
        "doelgroep: Jongeren"
    ]


def test_the_word_itself_outranks_its_synonyms_also_in_long_chapters(
    client_als, whoosh, schema, monkeypatch
):
    # werkcoach, klantmanager and jongerencoach are seeded synonyms (zoeken.0003). Short texts
    # that say only a synonym, several times, against long texts that say the word once.
    monkeypatch.setattr(selectors, "zoekbare_typen", lambda: [INTERVENTIE, BESLISMOMENT])
    opvulling = " ".join(
        [
            "Kijk naar wat de klant nodig heeft, wat jij kunt bieden en wat er al loopt.",
            "Bespreek het met de klant en met het team voordat je een keuze maakt.",
            "Leg afspraken vast en kom er in het volgende gesprek op terug.",
        ]
        * 6
    )
    for titel, wie in [("Eerste afspraak", "klantmanager"), ("Terugkomdag", "jongerencoach")]:
        interventie_maken(
            schema,
            titel,
            f"De {wie} plant het gesprek; de {wie} belt vooraf en de {wie} schrijft het verslag.",
            [],
            [],
        )
    interventie_maken(
        schema, "Warme overdracht", f"{opvulling} Daarna neemt de werkcoach het over.", [], []
    )
    schema.add_child(
        instance=BeslismomentPage(
            title="Zelf begeleiden of doorverwijzen",
            vraag="Begeleid je de klant zelf, of verwijs je door?",
            toelichting=f"<p>{opvulling} {opvulling} Vraag het de werkcoach.</p>",
            opties=[],
        )
    )
    gevonden = titels(api(client_als("demo-consulent"), q="werkcoach"))
    assert set(gevonden[:2]) == {"Warme overdracht", "Zelf begeleiden of doorverwijzen"}, gevonden
    assert set(gevonden[2:]) == {"Eerste afspraak", "Terugkomdag"}, gevonden  # still found
