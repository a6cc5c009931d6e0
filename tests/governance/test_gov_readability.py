"""Dutch readability: syllables, sentences, Flesch-Douma and long sentences."""

import pytest

from catalogue.domain.readability import (
    B1_TARGET,
    assess,
    count_syllables,
    flesch_douma,
    level,
    split_sentences,
    words,
)


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("paspoort", 2),
        ("gemeente", 3),
        ("aanvragen", 3),
        ("identiteitskaart", 5),
        ("burgerzaken", 4),
        ("informatie", 4),
        ("situatie", 4),
        ("theater", 3),  # "ea" is two vowels in Dutch
        ("nieuwe", 2),  # "ieu" is one
        ("draaien", 2),  # "aai" is one
        ("mooie", 2),
        ("bijenkorf", 3),  # "ij" is one vowel
        ("zijn", 1),
        ("ideeën", 3),  # a trema starts a new syllable
        ("geïnteresseerd", 5),
        ("België", 3),
        ("coöperatie", 5),
        ("januari", 4),
        ("KCC", 1),  # no vowels: still one syllable
        ("2027", 1),
    ],
)
def test_dutch_syllables(word, syllables):
    assert count_syllables(word) == syllables


def test_words_skip_links_and_markup():
    text = "Lees **meer** op https://www.heuvelrode.example.nl/paspoort of mail info@heuvelrode.nl."
    assert words(text) == ["Lees", "meer", "op", "of", "mail"]


def test_sentences_respect_abbreviations_and_lines():
    text = "U betaalt bijv. € 75,35 aan de balie. Klaar!\n- Neem een pasfoto mee\nKomt u ca. een week later? Prima."
    sentences = [s.text for s in split_sentences(text)]
    assert sentences == [
        "U betaalt bijv. € 75,35 aan de balie.",
        "Klaar!",
        "- Neem een pasfoto mee",
        "Komt u ca. een week later?",
        "Prima.",
    ]
    first = split_sentences(text)[0]
    assert text[first.start : first.end] == first.text


def test_flesch_douma_formula():
    # 206.84 - 0.77 * (150 syllables per 100 words) - 0.93 * (10 words per sentence)
    assert flesch_douma(100, 10, 150) == pytest.approx(206.84 - 115.5 - 9.3)
    assert flesch_douma(0, 0, 0) is None


def test_plain_text_reaches_b1_and_dense_text_does_not():
    plain = "U vraagt een paspoort aan bij de balie. Neem een pasfoto mee. Het kost geld."
    dense = (
        "Belanghebbenden dienen voorafgaand aan de indiening van de aanvraag tot verlening "
        "van een omgevingsvergunning de noodzakelijke bescheiden, waaronder een "
        "constructieberekening en een situatietekening, digitaal beschikbaar te stellen."
    )
    assert assess(plain).score >= B1_TARGET
    result = assess(dense)
    assert result.score < B1_TARGET
    assert result.sentences == 1 and result.words == 27
    assert [s.words for s in result.long_sentences] == [27]
    assert assess(plain).long_sentences == ()


def test_long_sentence_limit_is_configurable():
    text = "Een twee drie vier vijf zes. Een twee drie."
    assert [s.text for s in assess(text, long_sentence_words=5).long_sentences] == [
        "Een twee drie vier vijf zes."
    ]


def test_levels():
    assert level(65) == "normaal"
    assert level(20) == "zeer moeilijk"
    assert level(None) == "geen tekst"
    assert assess("").score is None and assess("").meets()
