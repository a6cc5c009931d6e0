"""Pure Dutch analysis and query planning (no database)."""

import pytest

from search import analysis
from search.query import (
    AllOf,
    SynonymTable,
    Term,
    Vocabulary,
    plan_query,
    to_fts5,
    to_tsquery,
    without_phrases,
)


def test_fold_removes_accents_and_case():
    assert analysis.fold("Café Ëën ĲSSELMEER Straße") == "cafe een ijsselmeer strasse"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("aanvragen", "aanvraag"),
        ("paspoorten", "paspoort"),
        ("rijbewijzen", "rijbewijs"),
        ("rijbewys", "rijbewijs"),
        ("verhuizing", "verhuizen"),
    ],
)
def test_word_forms_share_a_term(a, b):
    assert analysis.analyse(a) == analysis.analyse(b)


def test_stop_words_are_dropped():
    assert analysis.analyse("Hoe vraag ik een paspoort aan voor mijn kind?") == [
        analysis.stem("vraag"),
        "paspoort",
        "kind",
    ]


def test_split_compound_uses_the_vocabulary():
    known = {t: 5 for t in analysis.analyse("afval container identiteit kaart rij bewijs")}
    assert analysis.split_compound("afvalcontainer", known.get) == ("afval", "container")
    assert analysis.split_compound("identiteitskaart", known.get) == (
        analysis.stem("identiteit"),
        "kaart",
    )
    assert analysis.split_compound("rijbewijs", known.get) == ("ry", analysis.stem("bewijs"))
    assert analysis.split_compound("zonnebloem", lambda t: 0) is None


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [
        ("paspoort", "paspoort", 0),
        ("paspoot", "paspoort", 1),
        ("papsoort", "paspoort", 1),
        ("pasport", "paspoort", 1),
        ("woonbaot", "woonboot", 1),
        ("abc", "xyz", 3),
    ],
)
def test_damerau_levenshtein(a, b, distance):
    assert analysis.damerau_levenshtein(a, b, limit=3) == distance


def test_typo_index_finds_nearest_frequent_terms():
    index = analysis.TypoIndex({"paspoort": 50, "paspoorten": 1, "rybewys": 20, "kind": 9})
    assert index.lookup("paspoot")[0][0] == "paspoort"
    assert index.lookup("papsoort")[0][0] == "paspoort"
    assert index.lookup("kid") == []  # too short to correct


@pytest.mark.parametrize("text", [None, "", "   ", "\x00\x01", "x" * 501])
def test_clean_query_rejects_unusable_input(text):
    with pytest.raises(analysis.QueryError) as error:
        analysis.clean_query(text)
    assert str(error.value)  # a Dutch message for the user


def test_clean_query_strips_control_characters():
    assert analysis.clean_query(" pas\x00poort\tkwijt\n ") == "pas poort kwijt"


def test_highlight_marks_word_forms_and_escapes_html():
    highlighter = analysis.Highlighter(frozenset(analysis.analyse("aanvragen")))
    snippet, matched = highlighter.snippet("<b>U</b> kunt de aanvraag online doen & betalen.")
    assert matched and "<mark>aanvraag</mark>" in snippet
    assert "&lt;b&gt;" in snippet and "&amp;" in snippet


def test_highlight_window_centres_on_matches():
    text = "Inleiding. " * 60 + "Hier staat het paspoort. " + "Slot. " * 60
    snippet, matched = analysis.Highlighter(frozenset(["paspoort"])).snippet(text, length=80)
    assert matched and "<mark>paspoort</mark>" in snippet and snippet.startswith("…")
    assert len(snippet) < 200


def vocabulary(*words):
    terms = {}
    for w in words:
        for t in analysis.analyse(w):
            terms[t] = terms.get(t, 0) + 10
    return Vocabulary(terms)


def test_plan_corrects_unknown_words_and_joins_split_words():
    plan = plan_query("paspoot rij bewijs", vocabulary("paspoort", "rijbewijs", "rij", "bewijs"))
    assert plan.corrected_text == "paspoort rij bewijs"
    expression = to_fts5(plan.strict())
    assert '"paspoort"' in expression and '"rybewys"' in expression


def test_plan_applies_synonym_phrases():
    table = SynonymTable.from_texts([(["ID-kaart", "identiteitskaart", "eID"], False)])
    plan = plan_query("id kaart kind", vocabulary("kind", "id", "kaart"), table)
    expression = to_fts5(plan.strict())
    assert '"identiteitskaart"' in expression and '"eid"' in expression and '"kind"' in expression
    assert '"id" AND "kaart"' in expression


def test_phrases_render_as_and_and_drop_out_of_the_certain_part():
    table = SynonymTable.from_texts([(["ID-kaart", "eID"], False)])
    plan = plan_query("eid kind", vocabulary("kind", "eid"), table)
    assert "('id' <-> 'kaart')" in to_tsquery(plan.strict())
    assert "('id' & 'kaart')" in to_tsquery(plan.strict(), phrases=False)
    assert to_tsquery(without_phrases(plan.strict())) == "('eid' & 'kind')"
    assert without_phrases(Term(("id", "kaart"))) is None
    assert without_phrases(AllOf((Term(("kind",)), Term(("id", "kaart"))))) is None


def test_one_way_synonyms_only_widen_the_narrower_word():
    table = SynonymTable.from_texts([(["gebak", "koffiekoek"], True)])
    gebak = analysis.stem("gebak")
    assert f'"{gebak}"' in to_fts5(plan_query("koffiekoek", Vocabulary({}), table).strict())
    assert "koffiekoek" not in to_fts5(plan_query("gebak", Vocabulary({}), table).strict())


@pytest.mark.parametrize(
    "text", ['"*():^-NEAR', "a:b OR NOT c", "NEAR(x y, 2)", "{title}: x", "x' | 'y & !z:*"]
)
def test_rendered_queries_hold_only_analysed_terms(text):
    plan = plan_query(text, Vocabulary({}))
    for expression in (to_fts5(plan.strict()), to_tsquery(plan.strict())) if plan.groups else ():
        inner = expression.replace('"', " ").replace("'", " ")
        for token in inner.replace("(", " ").replace(")", " ").replace("*", " ").split():
            assert token.isalnum() or token in {"AND", "OR", "&", "|", "<->", ":"}, expression
