"""Framing rows an editor would not sign (issue 15, session 22): names that are no actors, an
actor's own feelings read as praise of it, an office read as its country, the rest of a clause
credited to the agent of a noun, praise that others are only told to think.  Real sentences of
news reports (FNC-1 bodies, BASIL dev, the example story)."""

from __future__ import annotations

from compare.analyze.framing.aliases import alias_matches, compile_aliases
from compare.analyze.framing.bystander import bystander
from compare.analyze.framing.names import learn_names
from compare.analyze.framing.scoring import SentenceTone, _tone
from compare.analyze.framing.tokens import tokens
from compare.analyze.framing.voice import OWN, QUOTE, REPORTED
from compare.lexicon import load_lexicon
from compare.settings import Settings
from tests.test_framing import _said
from tests.test_stance import make_article


def _names(*texts: str) -> set[str]:
    """Every actor the name runs of one article's ``texts`` make (people and organisations)."""
    lexicon = load_lexicon()
    article = make_article("a", " ".join(texts))
    matches = {s.id: alias_matches(tokens(s.text), compile_aliases(lexicon)) for s in article.sentences}
    names = learn_names(article.sentences, matches, lexicon.actors)
    return {*names.aliases, *(p for people in names.people.values() for p in people.values())}


def test_a_verb_opening_the_sentence_is_no_given_name() -> None:
    """FNC-1 body 1116: "Praising James Foley as ..." made a person "Praising James Foley"."""
    found = _names(
        "Praising James Foley as “an extraordinary son, brother, journalist and person,” she asked that the "
        "family’s privacy be respected.",
        "Officials said Foley was killed in August.",
    )
    assert "James Foley" in found
    assert not any(name.startswith("Praising") for name in found)


def test_a_name_written_capitalised_inside_a_sentence_stays_a_name() -> None:
    found = _names(
        "Channing Tatum stars in the film.", "The studio said Channing Tatum would return.", "Tatum said he was pleased."
    )
    assert "Channing Tatum" in found


def test_a_name_that_only_opens_sentences_stays_a_name_where_its_verb_follows() -> None:
    """The reviewer's finding on the verb-opener rule: a company or person named only at the start of
    sentences ("Boeing said", "Boeing shares fell") vanished from the framing."""
    found = _names(
        "Boeing shares fell 3 percent on Monday.",
        "Boeing was harshly criticized by pilots.",
        "Boeing said it would review the design.",
    )
    assert "Boeing" in found
    assert "Boeing" in _names("Boeing's shares fell 3 percent.", "Boeing's pilots were angry.", "Boeing's chief said so.")
    # an object after the opener still makes it a verb
    assert not any(name.startswith("Choosing") for name in _names("Choosing DeGeneres was a safe bet, critics said."))


def test_an_award_is_nobodys_surname() -> None:
    """"a Primetime Emmy nomination": "Emmy" written alone elsewhere is still no person."""
    found = _names(
        "The singer received a Primetime Emmy nomination in 2010.",
        "She earned an Emmy nomination for the role, and a Grammy nomination too.",
    )
    assert not any("Emmy" in name for name in found)


def test_a_place_after_in_is_nobodys_surname() -> None:
    """A region written "in Marche" and "the region of Le Marche" made a person "Le Marche", whom a
    later "she" was taken to mean."""
    found = _names(
        "The nun belongs to an order in Macerata, in the eastern Italian region of Le Marche.",
        "Another case took place in 2011 in Marche, when a nun gave birth in Pesaro.",
    )
    assert "Le Marche" not in found


def test_an_actors_own_feeling_is_not_said_of_it() -> None:
    """FNC-1 bodies 610, 1699, 2137, 2181 (ESPN's statement) and BASIL dev (a spokesman's): how the
    actor feels about its work or an invitation, no praise of it; a plain description still is."""
    text = "ESPN is proud of the work it has done covering the issue of domestic violence, and is committed to continued coverage."
    assert _said(text, "ESPN") == []
    assert _said("Chairman Ryan remains grateful for Georgetown's invitation to advance a thoughtful dialogue.", "Ryan") == []
    assert _said("The senator is a good and decent man.", "The senator") == ["good"]


def test_the_agent_of_a_noun_gets_only_that_nouns_words() -> None:
    """"a less provocative choice ... after a ribald performance by X": the praise is of the choice;
    what is said of X is "crude" (before: "welcome" and "crude")."""
    text = (
        "The network picked a comedian, in a move widely seen as a safer, more welcome choice after a "
        "crude performance by Seth MacFarlane."
    )
    assert _said(text, "Seth MacFarlane") == ["crude"]
    assert _said(text, "MacFarlane") == ["crude"]  # the surname alone, as a later mention is found
    assert _said("It was a brilliant speech by Obama.", "Obama") == ["brilliant"]


def test_a_country_before_an_office_is_the_persons_title() -> None:
    """The example story: "U.S. Secretary of State Hillary Clinton ... strongly endorsed" says
    nothing of the United States; "U.S. troops" is not an office."""
    text = (
        "Earlier, U.S. Secretary of State Hillary Clinton -- who attended the meeting -- strongly endorsed "
        "NATO plans to build cooperation with Russia on missile defense."
    )
    at = text.index("U.S.")
    assert bystander(text, at, at + 4, "favourable") == "office"
    text = "U.S. troops were praised for their courage."
    assert bystander(text, 0, 4, "favourable") is None


def _tones(*voices: str) -> list[SentenceTone]:
    return [SentenceTone(f"a:{n}", n, "favourable", 0.8, True, False, voice) for n, voice in enumerate(voices)]


def test_praise_others_are_only_told_to_think_is_no_portrayal() -> None:
    """FNC-1: "Locals believe snake wine helps ...", "When he came back, LeFevre said, Rob was visibly
    happy": reported speech or thought; a quotation the outlet chose, or its own words, still count."""
    settings = Settings()
    assert _tone(_tones(REPORTED), settings)[0] == "neutral"
    assert _tone(_tones(REPORTED, REPORTED), settings)[0] == "neutral"
    assert _tone(_tones(QUOTE), settings)[0] == "favourable"
    assert _tone(_tones(REPORTED, OWN), settings)[0] == "favourable"


def test_a_word_that_names_an_awards_show_is_no_praise() -> None:
    """FNC-1 bodies 322 and 514: "at Sunday night's Grammy awards" said nothing good of Kanye West;
    "the Academy's next awards show" nothing of the Academy.  A prize won still is."""
    text = (
        "Rapper Kanye West reprised his most infamous stunt at Sunday night's Grammy awards, taking the stage "
        "as Beck was accepting the album of the year award."
    )
    assert _said(text, "Kanye West") == []
    assert _said("The change signals that the Academy's next awards show will have a different tone.", "Academy") == []
    assert _said("Beck won the award for album of the year.", "Beck") == ["won", "award"]
    assert _said('Obama has acknowledged he had a "bad night" in his debate last week.', "Obama") == ["bad"]


def test_a_currency_is_no_organisation() -> None:
    """FNC-1 bodies 1384 and 1784: "RMB 70,000 (US$11,200)" made an organisation "RMB"."""
    found = _names(
        "Getting into the top 10 free apps costs RMB 70,000 (US$11,200), and keeping it there will cost you "
        "another RMB 405,000 (US$65,000) per week."
    )
    assert "RMB" not in found


def test_the_reviewers_cases_of_an_office_a_feeling_and_a_prize() -> None:
    """A headline's verb is no part of an office; "eager to block" is the actor's own act; a named
    prize the actor won is still said of it (the reviewer's findings on the session-22 rules)."""
    assert bystander("Trump Attacks Senator McCain Over Health Care Vote", 0, 5, "unfavourable") is None
    assert bystander("Russia Rebuffs President Obama on Missile Shield", 0, 6, "unfavourable") is None
    # a body named after a title is no office: what is said of it is said of the body's country
    assert bystander("The U.S. Justice Department was sharply criticized.", 4, 8, "unfavourable") is None
    assert bystander("Israel General Staff officers were accused.", 0, 6, "unfavourable") is None
    assert _said("The senator is eager to block the bill.", "The senator") == ["eager", "block"]
    assert _said("Obama won the Nobel Peace Prize.", "Obama") == ["won", "peace", "prize"]
    assert _said("The Academy announced its next awards show.", "Academy") == []
