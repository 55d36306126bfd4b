"""References back to a named actor (compare/analyze/framing/coref.py): "he", "the senator",
"the magazine", "their"; and the tone they carry into the framing."""

from __future__ import annotations

from compare.analyze.framing import _default_quotes, _read_article
from compare.analyze.framing.aliases import alias_matches, compile_aliases
from compare.analyze.framing.attribution import Sent, is_speaker
from compare.analyze.framing.coref import profiles, references
from compare.analyze.framing.names import learn_names
from compare.analyze.framing.tokens import tokens
from compare.lexicon import load_lexicon
from compare.settings import Settings
from tests.test_stance import framed, make_article


def resolved(*texts: str, window: int = 3) -> list[list[tuple[str, str]]]:
    """For each sentence of article "a" (the first text): (the referring words, the actor meant)."""
    lexicon = load_lexicon()
    articles = [make_article(chr(ord("a") + n), text) for n, text in enumerate(texts)]
    aliases = compile_aliases(lexicon)
    sentences = [s for a in articles for s in a.sentences]
    matches = {s.id: alias_matches(tokens(s.text), aliases) for s in sentences}
    names = learn_names(sentences, matches, lexicon.actors)
    read = [_read_article(a, matches, names, _default_quotes()(a)) for a in articles]
    refs = references(read[0], profiles(read), window)
    return [
        [(s.sentence.text[s.toks[r.first].start : s.toks[r.last].end], r.actors[0]) for r in found]
        for s, found in zip(read[0], refs, strict=True)
    ]


def test_a_pronoun_and_a_title_refer_to_the_person_named_before() -> None:
    got = resolved("Sen. Tom Harkin criticised the plan on Monday. He said it was wrong. The senator voted no.")
    assert got == [[], [("He", "Tom Harkin")], [("The senator", "Tom Harkin")]]


def test_a_pronoun_takes_a_person_of_its_gender() -> None:
    got = resolved("Ms. Jane Doe met Mr. Asa Hutchinson on Monday. She praised him.")
    assert got[1] == [("She", "Jane Doe"), ("him", "Asa Hutchinson")]


def test_an_object_pronoun_is_not_the_subject_of_its_own_clause() -> None:
    got = resolved("Mr. Joe Sestak said Mr. Bill Clinton called him last summer.")
    assert got == [[("him", "Joe Sestak")]]


def test_an_object_pronoun_after_that_may_be_the_person_before_it() -> None:
    """ "the steps he took that allowed him to avoid Vietnam": "that" opens a clause of its own,
    and "him" is the "he" before it, not the person of the sentence before (BASIL dev: NYT's
    Blumenthal sentences went to Senator Dodd, whose seat he sought)."""
    got = resolved(
        "Mr. Richard Blumenthal is seeking the seat vacated by Senator Christopher Dodd. "
        "What is striking is Mr. Blumenthal's record and the steps he took that allowed him to avoid the war."
    )
    assert got[1] == [("he", "Richard Blumenthal"), ("him", "Richard Blumenthal")], got
    assert resolved("Mr. Joe Sestak said that Mr. Bill Clinton called him.") == [[("him", "Joe Sestak")]]


def test_a_title_that_introduces_somebody_else_refers_to_nobody() -> None:
    got = resolved(
        "President Barack Obama spoke on Monday. The crowd cheered Obama. "
        "The president of the group answered. The president left."
    )
    assert got == [[], [], [], [("The president", "Barack Obama")]]


def test_a_person_without_that_title_is_not_meant_by_it() -> None:
    assert resolved("Mitt Romney spoke on Monday. The governor left.") == [[], []]


def test_an_organisation_noun_refers_to_the_organisation_named_last() -> None:
    got = resolved(
        "Newsweek ran a cover of Michele Bachmann. Newsweek has defended it. The magazine defended the photo. "
        "The National Association for the Advancement of Colored People objected."
    )
    assert got[2] == [("The magazine", "Newsweek")]
    assert not any(actor == "Newsweek" for _, actor in got[3])  # a capitalised name is no "association"


def test_their_refers_to_a_group_not_to_a_country() -> None:
    got = resolved("Republicans blocked the bill. Their leaders met the United States envoy. They left.")
    assert got[1] == [("Their", "Republicans")]
    assert got[2] == []  # the United States was named after the Republicans: "they" are not sure


def test_a_reference_reaches_back_only_within_the_window() -> None:
    text = "Sen. Tom Harkin spoke on Monday. The vote came. Rain fell. Nobody came. Then he left."
    assert resolved(text, window=3)[4] == []
    assert resolved(text, window=4)[4] == [("he", "Tom Harkin")]


def _first_sentence(text: str) -> Sent:
    lexicon = load_lexicon()
    article = make_article("a", text)
    aliases = compile_aliases(lexicon)
    matches = {s.id: alias_matches(tokens(s.text), aliases) for s in article.sentences}
    names = learn_names(list(article.sentences), matches, lexicon.actors)
    return _read_article(article, matches, names, _default_quotes()(article))[0]


def test_the_speaker_of_a_quotation_is_not_what_it_is_about() -> None:
    for text in (
        '"This is a disgrace and a shameful failure," said Mr. Smith.',
        '"This is a disgrace and a shameful failure," Mr. Smith said on Monday.',
    ):
        sent = _first_sentence(text)
        smith = next(m for m in sent.mentions if m.actor == "Smith")
        assert is_speaker(sent, smith.anchor, smith.last), text
    for text in (
        "Mr. Smith is a disgrace and a shameful failure.",
        'Mr. Jones said Mr. Smith "is a disgrace and a shameful failure."',
    ):
        sent = _first_sentence(text)
        smith = next(m for m in sent.mentions if m.actor == "Smith")
        assert not is_speaker(sent, smith.anchor, smith.last), text


def test_a_sentence_that_refers_to_an_actor_gives_it_its_tone() -> None:
    text = (
        "Sen. Tom Harkin arrived in Ohio on Tuesday. "
        "He was widely condemned as corrupt, dishonest and a disgraceful failure. "
        "The senator's disastrous, shameful plan was a corrupt scandal."
    )
    # the two referring sentences are the only unfavourable ones: they make the portrayal when two suffice
    stances = framed(text, "Sen. Tom Harkin met voters in Ohio.", settings=Settings(tone_unfavourable_net=2, tone_unfavourable_net_named=2))
    harkin = stances[("Tom Harkin", "a")]
    assert harkin.tone == "unfavourable"
    assert {"a:1", "a:2"} <= set(harkin.tone_evidence)


def test_the_vice_president_is_not_the_president() -> None:
    got = resolved(
        "Vice President Joe Biden met President Barack Obama on Monday. The crowd cheered Obama and Biden. "
        "The vice president spoke first. The president spoke last."
    )
    assert got[2] == [("The vice president", "Joe Biden")]
    assert got[3] == [("The president", "Barack Obama")]


def test_a_pronoun_follows_the_person_the_last_sentence_called_he() -> None:
    got = resolved(
        "Unlike the courtly Mr. Lloyd Bentsen, Mr. Joe Biden raised his voice. His barrage was relentless. "
        "Bentsen said little."
    )
    assert got[0] == [("his", "Joe Biden")]
    assert got[1] == [("His", "Joe Biden")]


def test_an_owner_named_in_passing_is_not_what_a_later_his_means() -> None:
    got = resolved(
        "Mr. Joe Biden met Mr. Paul Ryan on Monday. Biden spoke first. "
        "He laughed at Mr. Ryan's remarks and mocked his opponent."
    )
    assert got[2] == [("He", "Joe Biden"), ("his", "Joe Biden")]


def test_he_inside_a_quotation_is_not_its_speaker() -> None:
    got = resolved(
        "Rep. Todd Akin spoke on Sunday. Sen. Mitch McConnell answered on Monday. "
        '"What he said is just flat wrong," McConnell said.'
    )
    assert got[2] == [("he", "Todd Akin")]


def test_a_title_used_once_in_passing_does_not_make_its_holder() -> None:
    got = resolved(
        "President Barack Obama spoke on Monday. President Obama left. President Obama returned. "
        "The crowd cheered Obama. Mitt Romney said a President Romney would act. The president answered."
    )
    assert got[5] == [("The president", "Barack Obama")]


def test_a_name_that_only_modifies_a_noun_is_not_what_he_means() -> None:
    got = resolved(
        "Mr. Paul Ryan spoke on Monday. Amplifying the Romney campaign message, he said the economy was weak. "
        "Mitt Romney agreed."
    )
    assert got[1] == [("he", "Paul Ryan")]


def test_he_who_says_something_of_a_person_named_before_him_is_not_that_person() -> None:
    # a keynote speech reported sentence by sentence ("..., he said"): the person named in what he
    # said is not the speaker, nor the "he" of the next sentence
    got = resolved(
        "Mr. Glenn Beck gave the keynote speech on Saturday. Beck spoke for an hour. "
        "Saying President Barack Obama, he said, was \u201ctoo simple an answer.\u201d "
        "He held the audience spellbound."
    )
    assert got[2] == [("he", "Glenn Beck")]
    assert got[3] == [("He", "Glenn Beck")]


def test_a_speaker_named_in_the_sentence_is_still_the_he_that_speaks() -> None:
    got = resolved(
        "Mr. Mitt Romney spoke in Ohio on Monday. "
        '"We will win," Romney said, and then he said, "We will win Ohio."'
    )
    assert got[1] == [("he", "Mitt Romney")]


def test_the_subject_of_an_if_clause_is_not_the_one_the_next_he_follows() -> None:
    got = resolved(
        "Mr. Joe Biden debated Mr. Paul Ryan on Thursday. "
        "If Mr. Barack Obama was too cold, Biden at times bordered on too hot, analysts said afterward. "
        "He chuckled and smirked through many of Ryan's responses."
    )
    assert got[2] == [("He", "Joe Biden")]


def test_he_after_two_people_named_alike_as_subjects_takes_the_first_not_a_later_one() -> None:
    # both main-clause subjects: nothing tells them apart but the order, as before
    got = resolved(
        "Mr. Joe Biden debated Mr. Paul Ryan on Thursday. "
        "Biden attacked and Ryan answered. "
        "He smiled."
    )
    assert got[2] == [("He", "Joe Biden")]


def test_he_refers_to_no_organisation() -> None:
    # "he" after an organisation only: no person to mean, so the sentence is credited to nobody
    got = resolved("Wal-Mart Stores said on Monday that sales rose. He said the results were strong.")
    assert got == [[], []]


def test_a_sentence_that_only_says_who_spoke_does_not_dilute_the_tone() -> None:
    # '"...," Smith said' says nothing of Smith: only the sentence about him makes his tone (1 of 1)
    stances = framed(
        "Mr. Joe Smith won wide praise for his brave and successful leadership of Ohio on Monday. "
        '"We will keep going," Smith said.',
        "Mr. Joe Smith met voters in Ohio.",
        settings=Settings(tone_favourable_share=0.6),
    )
    smith = stances[("Joe Smith", "a")]
    assert (smith.tone, smith.tone_score, smith.tone_evidence) == ("favourable", 1.0, ("a:0",))


def test_praise_in_the_actors_own_words_about_others_is_no_favourable_portrayal() -> None:
    # what he says of the groups is his view of them, not the outlet's of him; the same praise
    # said of him in the outlet's words is
    other = "Mr. Benjamin Jealous met voters in Ohio."
    his = framed(
        "Mr. Benjamin Jealous met reporters on Tuesday. "
        "But he said the groups needed to do more to build a brave, honest and successful movement.",
        other,
    )[("Benjamin Jealous", "a")]
    assert (his.tone, his.tone_evidence) == ("neutral", ())
    of_him = framed(
        "Mr. Benjamin Jealous met reporters on Tuesday. He won wide praise for his brave and successful leadership.",
        other,
    )[("Benjamin Jealous", "a")]
    assert (of_him.tone, of_him.tone_evidence) == ("favourable", ("a:1",))
