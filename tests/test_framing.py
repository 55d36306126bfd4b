"""Framing on two axes (compare/analyze/framing/): actors found in the text, tone, the JSON and
the reports' marked cue words.  The stance axis and the lexicon: tests/test_stance.py."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from pathlib import Path

import pytest

from compare import Comparison, compare, semantic, target_tone
from compare.analyze.framing import frame
from compare.analyze.framing.scoring import SentenceTone, _tone, criticism
from compare.analyze.framing.tone import (
    TONES,
    features,
    load_layer,
    load_model,
    probabilities,
    sentence_logits,
    tone_at,
)
from compare.lexicon import load_lexicon
from compare.models import Stance
from compare.settings import Settings
from reports.html import render_html
from tests.test_stance import example_articles, framed, make_article

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "nato-russia-2010"


@pytest.fixture(scope="module")
def example() -> Comparison:
    return compare(sorted(str(p) for p in EXAMPLE.glob("*.txt")))


# --- target_tone ------------------------------------------------------------------------


def test_target_tone_is_about_the_target() -> None:
    assert target_tone("Critics slammed Smith for the failed and corrupt plan.", "Smith") == "unfavourable"
    assert target_tone("Smith won wide praise for her brave and successful leadership.", "Smith") == "favourable"
    assert target_tone("Smith will travel to Ohio on Tuesday.", "Smith") == "neutral"
    for sentence in ("", "Smith", "No target here."):
        assert target_tone(sentence, "Jones") in TONES


def test_target_tone_of_something_not_text_is_a_type_error_and_a_lone_surrogate_is_read() -> None:
    """None failed deep inside (AttributeError: 'NoneType' object has no attribute 'find'); a lone
    surrogate stopped the embedding's tokenizer with a TypeError."""
    for sentence, target in ((None, "Smith"), ("Smith is corrupt.", 5), (b"Smith", "Smith")):
        with pytest.raises(TypeError, match=r"target_tone\(\) takes a sentence and a target as strings"):
            target_tone(sentence, target)  # type: ignore[arg-type]
    assert target_tone("Critics slammed Smith \ud800 for the corrupt plan.", "Smith") == target_tone(
        "Critics slammed Smith \ufffd for the corrupt plan.", "Smith"
    )
    assert target_tone("Smith will travel to Ohio.", None) == target_tone("Smith will travel to Ohio.", "")  # type: ignore[arg-type]


def test_tone_marks_the_words_behind_it() -> None:
    text = "Critics slammed Smith for the failed and corrupt plan."
    result = tone_at(text, text.index("Smith"), text.index("Smith") + 5)
    assert result.tone == "unfavourable" and result.score < 0
    words = {text[a:b].lower() for a, b in result.cues}
    assert words and words <= {"critics", "slammed", "failed", "corrupt", "plan"}


def _tones(*labels: str, cued: bool = True) -> list[SentenceTone]:
    return [SentenceTone(f"a:{n}", n, label, 0.0, cued) for n, label in enumerate(labels)]  # type: ignore[arg-type]


def test_tone_cue_words_are_words_of_sentiment_in_the_actors_clause() -> None:
    """The words marked are the sentiment lexicon's, in the target's clause ("is" and "an" were
    marked before); a sentence whose words of that tone all stand in another clause has none."""
    text = "America is an idea that sets people free."
    result = tone_at(text, 0, len("America"))
    assert result.tone == "favourable"
    assert [text[a:b] for a, b in result.cues] == ["free"]
    text = "Whatever we call it -- Afghanistan or Iraq -- we owe our military men and women unconditional support."
    at = text.index("Afghanistan")
    result = tone_at(text, at, at + len("Afghanistan"))
    assert result.cues == ()  # "support" is not said of Afghanistan, whatever the model's tone
    assert [text[a:b] for a, b in tone_at(text, 0, 0).cues] == ["support"]  # no target: the whole sentence


def test_a_tone_needs_a_sentence_with_cue_words_in_the_actors_clause() -> None:
    """Settings.tone_cued_sentences (1): sentences judged favourable without a word of the actor's
    clause saying so count toward the label but are no evidence, and cannot make it alone."""
    settings = Settings()
    assert settings.tone_cued_sentences == 1
    assert _tone(_tones("favourable", cued=False), settings) == ("neutral", 1.0)
    assert _tone(_tones("favourable"), settings) == ("favourable", 1.0)
    uncued = _tones(*["unfavourable"] * 8, cued=False)
    assert _tone(uncued, settings)[0] == "neutral"
    assert _tone([*uncued[:7], *_tones("unfavourable")], settings)[0] == "unfavourable"
    assert _tone(uncued, Settings(tone_cued_sentences=0))[0] == "unfavourable"


def test_an_unfavourable_tone_needs_several_unfavourable_sentences() -> None:
    """Unfavourable: at least Settings.tone_unfavourable_net (8) more unfavourable sentences than
    favourable ones, however many name the actor; one or seven plainly told bad news are not a portrayal
    (these tones refer to the actor by "he" or "she"; one only named keeps 5: the next test)."""
    settings = replace(Settings(), tone_unfavourable_net_named=8)
    assert settings.tone_unfavourable_net == 8
    assert _tone(_tones("unfavourable"), settings) == ("neutral", -1.0)
    assert _tone(_tones(*["unfavourable"] * 7), settings) == ("neutral", -1.0)
    assert _tone(_tones(*["unfavourable"] * 8), settings) == ("unfavourable", -1.0)
    assert _tone(_tones(*["unfavourable"] * 8, *["neutral"] * 24), settings) == ("unfavourable", -0.25)
    assert _tone(_tones(*["unfavourable"] * 9, "favourable", *["neutral"] * 3), settings)[0] == "unfavourable"
    assert _tone(_tones(*["unfavourable"] * 9, "favourable", "favourable"), settings)[0] == "neutral"  # net 7
    assert _tone(_tones(*["unfavourable"] * 2), Settings(tone_unfavourable_net=2, tone_unfavourable_net_named=2))[0] == "unfavourable"
    assert _tone([], settings) == ("neutral", 0.0)


def test_an_unfavourable_tone_goes_to_the_actor_the_article_criticises_most() -> None:
    """An actor is unfavourable only where no other main actor of the article, unfavourable on its
    own sentences, weighs more (``rival``: its criticism(), times Settings.tone_rival_share): ties
    keep both; 0 turns it off; a rival's favourable sentences count against it."""
    settings = replace(Settings(), tone_unfavourable_net=2, tone_unfavourable_net_named=2)
    two = _tones("unfavourable", "unfavourable")
    assert _tone(two, settings, rival=0.0)[0] == "unfavourable"
    assert _tone(two, settings, rival=2.0)[0] == "unfavourable"  # as criticised as the other
    assert _tone(two, settings, rival=3.0) == ("neutral", -1.0)
    assert _tone(two, replace(settings, tone_rival_share=0.0), rival=3.0)[0] == "unfavourable"
    assert _tone(_tones("favourable"), settings, rival=9.0)[0] == "favourable"  # praise is not weighed
    assert criticism(_tones(*["unfavourable"] * 3), settings) == 3.0
    assert criticism(_tones(*["unfavourable"] * 4, "favourable", "favourable"), settings) == 2.0
    assert criticism(_tones(*["unfavourable"] * 3, "favourable", "favourable"), settings) == 0.0  # not unfavourable


def test_the_framing_weighs_each_actor_against_the_others_of_its_article() -> None:
    """Through frame(): in article "a" the outlet's own words criticise Smith three times, Jones
    once; Jones is not unfavourable there (it is without the rule), Smith is; in "b" Jones alone
    is criticised.  A sentence criticising both counts for both (a tie keeps both unfavourable).
    ("Critics slammed Smith for the failed plan" until session 25: "Critics" was a cue word in the
    outlet's own words, and the rest is the critics' charge, :mod:`compare.analyze.framing.voice`.)"""
    a = (
        "Senator Mark Smith pushed the failed and corrupt plan. Smith ran a disastrous and shameful "
        "campaign. Smith defended the failed and corrupt plan. "
        "Governor Ann Jones backed the failed plan. Jones met reporters."
    )
    b = "Governor Ann Jones pushed the failed and corrupt plan. Senator Mark Smith met reporters on Tuesday."
    settings = replace(Settings(), tone_unfavourable_net=1, tone_unfavourable_net_named=1)
    articles = [make_article("a", a), make_article("b", b)]
    tones = {(s.actor, s.article): s.tone for s in frame(articles, load_lexicon(), settings)}
    assert tones[("Mark Smith", "a")] == "unfavourable" and tones[("Ann Jones", "a")] == "neutral", tones
    assert tones[("Ann Jones", "b")] == "unfavourable", tones
    off = frame(articles, load_lexicon(), replace(settings, tone_rival_share=0.0))
    assert {(s.actor, s.article): s.tone for s in off}[("Ann Jones", "a")] == "unfavourable"
    both = "Senator Mark Smith and Governor Ann Jones pushed the failed and corrupt plan. Smith met reporters."
    tones = {(s.actor, s.article): s.tone for s in frame([make_article("a", both), articles[1]], load_lexicon(), settings)}
    assert tones[("Mark Smith", "a")] == tones[("Ann Jones", "a")] == "unfavourable", tones


def test_criticism_the_report_does_not_show_hides_no_other_actor() -> None:
    """The reviewer's case: the outlet's own words criticise Jones; Smith is attacked only in
    quotations, so Smith is not unfavourable (Settings.tone_own_sentences) and is no rival: Jones
    stays unfavourable."""
    a = (
        "Governor Ann Jones pushed the failed and corrupt plan. "
        '"Senator Mark Smith is a corrupt and disgraceful failure," one rival said. '
        '"Smith is a liar and a fraud," another rival said. '
        '"Smith is a shameful, corrupt disaster," a third rival said. '
        "Jones met reporters."
    )
    b = "Senator Mark Smith met reporters on Tuesday. Governor Ann Jones spoke too."
    settings = replace(Settings(), tone_unfavourable_net=1, tone_unfavourable_net_named=1)
    tones = {(s.actor, s.article): s.tone for s in frame([make_article("a", a), make_article("b", b)], load_lexicon(), settings)}
    assert tones[("Mark Smith", "a")] == "neutral" and tones[("Ann Jones", "a")] == "unfavourable", tones


def test_a_favourable_tone_needs_a_share_of_the_sentences() -> None:
    """Favourable: (favourable - unfavourable) / sentences at least Settings.tone_favourable_share (0.4)."""
    settings = Settings()
    assert settings.tone_favourable_share == 0.4
    assert _tone(_tones("favourable"), settings) == ("favourable", 1.0)
    assert _tone(_tones("favourable", "favourable", "neutral", "neutral", "neutral"), settings) == ("favourable", 0.4)
    assert _tone(_tones("favourable", "favourable", "neutral", "neutral", "neutral", "neutral"), settings)[0] == "neutral"
    assert _tone(_tones("favourable", "favourable", "favourable", "unfavourable"), settings) == ("favourable", 0.5)
    assert _tone(_tones("favourable", "unfavourable"), Settings(tone_favourable_share=0.0))[0] == "neutral"  # net 0


def test_marked_praise_outweighing_marked_criticism_is_favourable() -> None:
    """An actor an article covers at length: 3 sentences of marked praise (one in the outlet's own
    words) against 2 of marked criticism and 13 plain ones is favourable (Settings.tone_favourable_marked),
    though the share (net 1 of 18) is far under Settings.tone_favourable_share."""
    settings = Settings()
    assert settings.tone_favourable_marked == 3
    praise = _tones("favourable", "favourable", "favourable", "unfavourable", "unfavourable")
    plain = _tones(*["neutral"] * 13)
    assert _tone(praise + plain, settings)[0] == "favourable"
    assert _tone(praise + plain, replace(settings, tone_favourable_marked=0))[0] == "neutral"
    assert _tone(praise[1:] + plain, settings)[0] == "neutral"  # two of praise against two of criticism
    unmarked = [replace(t, cued=False) for t in _tones("unfavourable", "unfavourable", "unfavourable")]
    assert _tone(praise[:3] + unmarked + plain, settings)[0] == "favourable"  # plain bad news does not weigh here
    assert _tone(praise[:3] + unmarked + unmarked[:1] + plain, settings)[0] == "neutral"  # ... unless it outnumbers the praise
    quoted = [replace(t, voice="quote") if t.tone == "favourable" else t for t in praise]
    assert _tone(quoted + plain, settings)[0] == "neutral"  # praise only in the words of those it quotes


def test_marked_praise_is_the_outlets_own_in_two_sentences() -> None:
    """Praise mostly in the words of those the article quotes (Kanye West's of Beyoncé, and one
    sentence of the outlet's) is theirs: the rule asks ``Settings.tone_favourable_marked_own`` (2)
    sentences of the outlet's own."""
    settings = Settings()
    assert settings.tone_favourable_marked_own == 2
    praise, plain = _tones("favourable", "favourable", "favourable"), _tones(*["neutral"] * 13)
    one_own = [praise[0]] + [replace(t, voice="quote") for t in praise[1:]]
    assert _tone(one_own + plain, settings)[0] == "neutral"
    assert _tone(one_own + plain, replace(settings, tone_favourable_marked_own=1))[0] == "favourable"
    assert _tone(praise[:2] + one_own[2:] + plain, settings)[0] == "favourable"


def test_a_line_written_as_a_headline_in_the_body_says_nothing_of_an_actor() -> None:
    """A photo gallery's captions run together, or a link to another story ("SEE ALSO: ..."),
    in the body: no tone is judged there (Amazon was favourable on such a caption)."""
    from compare.analyze.framing import credit

    a = (
        "Amazon plans a streaming service, the Post reported.\n"
        "Smile for Charity Make Amazon Your Android App Store Prime the Whole Family Great Gift Ideas\n"
        "Amazon declined to comment."
    )
    b = "Amazon plans a streaming service. Amazon did not comment."
    credited = credit([make_article("a", a), make_article("b", b)], load_lexicon(), Settings())
    judged = {(r.article, r.text[:5]) for r in credited.requests if "Amazon" in r.actors}
    assert ("a", "Amazo") in judged and ("a", "Smile") not in judged, judged


# --- actors ---------------------------------------------------------------------------------


def test_a_family_named_after_a_person_is_not_the_person() -> None:
    """ "The Genovese crime family" is not Vito Genovese (blind reading 21: "Vito Genovese
    unfavourable" from sentences about the family); "the Kim dynasty" is not Kim Jong-un."""
    a = (
        "Vincent Gigante was a driver for Mafia boss Vito Genovese. "
        "Gigante rose to lead the Genovese crime family. The Genovese family was ruthless and brutal. "
        "Genovese died in 1969."
    )
    b = "Vito Genovese was a Mafia boss. Gigante led the Genovese crime family."
    from compare.analyze.framing import credit

    articles = [make_article("a", a), make_article("b", b)]
    credited = credit(articles, load_lexicon(), Settings())
    said_of = {(r.article, r.index) for r in credited.requests if "Vito Genovese" in r.actors}
    assert said_of == {("a", 0), ("a", 3), ("b", 0)}, said_of  # not the family's sentences


def test_an_institution_named_after_a_person_is_not_the_person() -> None:
    """ "The Obama administration" and "Obama's administration" are not Barack Obama: what they
    do is not said of him (an editor's reading of session 24's rows)."""
    a = (
        "Barack Obama spoke in Ohio on Monday. The Obama administration was sued over the rules. "
        "Obama's administration lost the case. Obama said he would appeal."
    )
    b = "President Barack Obama visited Ohio. The Obama administration faces a lawsuit."
    from compare.analyze.framing import credit

    articles = [make_article("a", a), make_article("b", b)]
    credited = credit(articles, load_lexicon(), Settings())
    said_of = {(r.article, r.index) for r in credited.requests if "Barack Obama" in r.actors}
    assert said_of == {("a", 0), ("a", 3), ("b", 0)}, said_of


def test_places_and_organisations_are_not_people() -> None:
    stances = framed(
        "Protesters gathered on the National Mall. The National Organization for Women rejected the bill. "
        "The FBI praised the police.",
        "The National Organization for Women met the FBI near the National Mall.",
    )
    actors = {actor for actor, _ in stances}
    assert "Mall" not in actors and not any("Mall" in a for a in actors)
    assert {"National Organization for Women", "FBI"} <= actors
    assert stances[("National Organization for Women", "a")].reluctant == 1


def test_a_one_word_name_before_a_verb_is_an_organisation() -> None:
    stances = framed(
        "Newsweek has defended the cover. Bachmann said it was sexist. On Tuesday, Newsweek said it stood by it.",
        "Newsweek's editor met Michele Bachmann on Tuesday. Tuesday was calm. Tuesday saw protests.",
    )
    actors = {actor for actor, _ in stances}
    assert "Newsweek" in actors
    assert "Michele Bachmann" in actors and "Bachmann" not in actors  # a person's surname stays hers
    assert "Tuesday" not in actors  # a day, however often it comes before a verb


def test_a_possessive_inside_a_longer_name_makes_no_organisation() -> None:
    """"Ruth's Chris Steak House" (FNC-1, blind reading 10: "Ruth" shown as an actor, favourable)
    names a restaurant chain, not Ruth; "Newsweek's cover" is Newsweek's."""
    stances = framed(
        "He won a Ruth's Chris Steak House gift card. Newsweek's cover was praised.",
        "I didn't get the Ruth's Chris gift card, he joked. Newsweek's editor defended it.",
    )
    actors = {actor for actor, _ in stances}
    assert "Newsweek" in actors
    assert not any("Ruth" in actor for actor in actors), actors


def test_a_hyphenated_organisation_is_found_under_its_own_name() -> None:
    stances = framed(
        "Wal-Mart said it would appeal. Wal-Mart has 1.4 million workers.", "Wal-Mart's lawyers met the court."
    )
    assert {actor for actor, _ in stances} == {"Wal-Mart"}
    assert stances[("Wal-Mart", "b")].aliases == ("Wal-Mart",)


def test_an_acronym_written_out_is_the_same_organisation() -> None:
    stances = framed(
        "Delegates of the National Association for the Advancement of Colored People approved it. "
        "The NAACP said so.",
        "The NAACP rejected it. The National Association for the Advancement of Colored People met.",
    )
    assert {actor for actor, _ in stances} == {"NAACP"}  # no "National Association"
    assert "National Association for the Advancement of Colored People" in stances[("NAACP", "a")].aliases


def test_an_acronym_is_nobodys_surname() -> None:
    stances = framed(
        "Presumptive GOP presidential nominee Mitt Romney joined Republicans calling for Rep. Todd Akin to quit. "
        "GOP leaders agreed.",
        "Republicans met Romney. The GOP said no.",
    )
    assert {actor for actor, _ in stances} == {"Mitt Romney", "Republicans"}  # no "Presumptive GOP"


def test_parties_are_actors() -> None:
    stances = framed(
        "Republicans rejected the plan. Democrats welcomed it, but the GOP leader rejected it.",
        "The Democratic Party and Republicans met.",
    )
    assert stances[("Republicans", "a")].reluctant == 2
    assert stances[("Democrats", "a")].cooperative == 1
    assert "GOP" in stances[("Republicans", "a")].aliases


def test_a_headline_in_title_case_is_no_name_of_the_person_in_it() -> None:
    stances = framed(
        "Newsweek Puts Picture of Michele Bachmann on Its Cover. Bachmann said nothing to Hillary Clinton.",
        "Secretary of State Hillary Clinton met Michele Bachmann. Clinton said nothing.",
    )
    assert stances[("Michele Bachmann", "a")].aliases == ("Michele Bachmann", "Bachmann")
    assert "Secretary of State Hillary Clinton" in stances[("Hillary Clinton", "b")].aliases


def test_a_user_lexicon_renames_a_person(tmp_path: Path) -> None:
    path = tmp_path / "mine.json"
    path.write_text('{"actors": {"The Kremlin": ["Putin", "Kremlin"]}}', "utf-8")
    stances = framed(
        "President Vladimir Putin rejected the plan with Poland.", "Putin met Poland.", lexicon=load_lexicon(str(path))
    )
    assert stances[("Vladimir Putin", "a")].reluctant == 1
    assert stances[("The Kremlin", "a")].reluctant == 1  # he speaks for the actor the lexicon groups him in
    assert ("Russia", "a") not in stances


# --- the example story: JSON and reports -------------------------------------------------


def test_stances_carry_tone_aliases_and_cue_offsets(example: Comparison) -> None:
    sentences = {s.id: s for a in example.articles for s in a.sentences}
    for st in example.stances:
        record = st.to_dict()
        assert record["tone"] in TONES and -1.0 <= record["tone_score"] <= 1.0
        assert (record["tone"] == "neutral") == (not record["tone_evidence"])
        assert isinstance(record["aliases"], list) and all(isinstance(a, str) for a in record["aliases"])
        for cue in record["cues"]:
            assert cue["sentence"] in st.evidence or cue["sentence"] in st.tone_evidence
            assert cue["kind"] in {"cooperative", "reluctant", "favourable", "unfavourable"}
            text = sentences[cue["sentence"]].text
            assert 0 <= cue["start"] < cue["end"] <= len(text)
    russia = next(s for s in example.stances if (s.actor, s.article) == ("Russia", "rt"))
    concern = next(s for s in russia.evidence if "grave concern" in sentences[s].text)
    marked = {sentences[m.sentence].text[m.start : m.end] for m in russia.marks if m.sentence == concern}
    assert "concern" in marked


def test_a_person_speaks_for_the_country_in_the_example(example: Comparison) -> None:
    actors = {s.actor for s in example.stances}
    assert "Dmitry Medvedev" in actors or "Russia" in actors
    medvedev = [s for s in example.stances if s.actor == "Dmitry Medvedev"]
    assert all("Medvedev" in " ".join(s.aliases) for s in medvedev)


def test_the_html_marks_the_cue_words(example: Comparison) -> None:
    page = render_html(example)
    framing = page[page.index('id="framing"') :]
    framing = framing[: framing.index("</section>")]
    assert '<mark class="cue-reluctant">concern</mark>' in framing
    assert "cue words credited to Russia" in framing
    assert re.search(r'class="tone">tone <span class="stance stance-(favourable|unfavourable|neutral)"', framing)


def test_marked_evidence_is_escaped() -> None:
    text = "Poland <b>rejected</b> the plan & warned Germany. Poland met Germany."
    result = compare([{"id": "a", "text": text}, {"id": "b", "text": "Poland and Germany met in Paris."}])
    page = render_html(result)
    assert "<b>rejected</b>" not in page
    assert html.escape("<b>") in page


def test_the_tone_model_is_read_once_per_process() -> None:
    """Framing's share of a run is measured by benchmarks/example_story.py (tests check
    behaviour, not wall-clock time); what keeps it small here is reading the model once."""
    from compare.analyze.framing.tone import load_model

    articles = example_articles()
    lexicon = load_lexicon()
    first: tuple[Stance, ...] = frame(articles, lexicon, Settings())
    reads = load_model.cache_info().misses
    again = frame(articles, lexicon, Settings())
    assert load_model.cache_info().misses == reads
    assert again == first and first


needs_model = pytest.mark.skipif(not semantic.available(), reason=f"{semantic.status()}")


def test_the_shipped_sentence_layer_fits_the_embedding_model() -> None:
    layer = load_layer()
    assert len(layer.embedding) == semantic.DIMENSION
    assert all(len(row) == 3 for row in layer.embedding)
    # the layer trusts the lexical model: each class's own log-probability weighs most on it
    assert all(layer.lexical[c][c] == max(row[c] for row in layer.lexical) for c in range(3))


def test_without_an_embedding_the_lexical_model_decides_alone() -> None:
    text = "Critics slammed Smith for the failed and corrupt plan."
    start = text.index("Smith")
    lexical = tone_at(text, start, start + 5)
    model = load_model()
    alone = probabilities(features(text, start, start + 5, model.lexicon), model)
    assert lexical.score == round(alone[2] - alone[0], 3)
    layered = tone_at(text, start, start + 5, sentence=sentence_logits([0.0] * len(load_layer().embedding)))
    assert layered.score != lexical.score  # the layer re-weighs the lexical log-probabilities


def test_the_sentence_layer_moves_the_tone_with_the_embedding() -> None:
    """The embedding's logits are added to every class: pushing favourable's up raises the score."""
    text = "Smith will travel to Ohio on Tuesday."
    start = text.index("Smith")
    base = sentence_logits([0.0] * len(load_layer().embedding))
    warmer = (base[0], base[1], base[2] + 3.0)
    assert tone_at(text, start, start + 5, sentence=warmer).score > tone_at(text, start, start + 5, sentence=base).score


@needs_model
def test_the_framing_reads_the_embeddings_only_in_the_semantic_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    import compare.analyze.framing as framing

    asked: list[int] = []
    real = framing.embedded_logits

    def counting(texts: list[str]) -> dict[str, tuple[float, float, float]]:
        asked.append(len(texts))
        return real(texts)

    monkeypatch.setattr(framing, "embedded_logits", counting)
    articles = example_articles()
    lexicon = load_lexicon()
    semantic_mode = frame(articles, lexicon, Settings())
    assert asked == [len({s.text for a in articles for s in a.sentences})]
    lexical_mode = frame(articles, lexicon, Settings(semantic=False))
    too_long = frame(articles, lexicon, Settings(semantic_max_chars=100))
    assert len(asked) == 1
    assert lexical_mode == too_long
    assert [(s.actor, s.article, s.label, s.evidence) for s in semantic_mode] == [
        (s.actor, s.article, s.label, s.evidence) for s in lexical_mode
    ]  # the stance axis does not depend on the tone model


def test_the_framing_is_credited_once_and_finished_with_any_tone_settings() -> None:
    """compare() credits before the alignment (no embedding needed) and finishes after it."""
    from dataclasses import replace

    from compare.analyze.framing import credit, finish

    articles = example_articles()
    lexicon = load_lexicon()
    settings = Settings()
    credited = credit(articles, lexicon, settings)
    assert credited.requests and credited.main
    assert finish(credited, settings) == frame(articles, lexicon, settings)
    stricter = replace(
        settings, tone_unfavourable_net=1000, tone_unfavourable_net_named=1000, tone_favourable_share=2.0,
        tone_favourable_marked=0,
    )
    assert {s.tone for s in finish(credited, stricter)} == {"neutral"}
    assert finish(credited, settings) == frame(articles, lexicon, settings)  # finishing left it unchanged


def test_the_framing_modules_are_small() -> None:
    """The framing is a package of small modules (stance.py was one of 1,140 lines)."""
    folder = Path(__file__).resolve().parents[1] / "compare" / "analyze" / "framing"
    sizes = {p.name: p.read_text("utf-8").count("\n") for p in folder.glob("*.py")}
    assert {"actors.py", "cues.py", "attribution.py", "scoring.py", "tone.py"} <= set(sizes)
    assert max(sizes.values()) <= 400, sizes


# --- a cue verb is its subject's, never its object's ----------------------------------------


def test_a_cue_verb_credits_its_subject_not_its_object() -> None:
    """"X threatens Russia" says something of X, not of Russia: the object of a cue verb never holds
    it, in the outlet's words or in a quotation (where the speaker does not either)."""
    from tests.test_stance import OTHER, counts, fake_quotes, framed

    # a thing is the subject: nobody's stance
    for text in (
        "Terrorism threatens Poland and Germany.",
        "It is a third force that threatens Poland and Germany.",
        "They face a force, which threatens the whole of Poland.",
    ):
        stances = framed(text, OTHER)
        assert counts(stances, "Poland") == (0, 0), text
    # in a quotation, neither the speaker nor the object
    quote = "Piracy is a force that threatens the West and Poland, and we want closer cooperation,"
    stances = framed(f'"{quote}" Tusk said in Warsaw.', OTHER, quotes=fake_quotes({quote: "Poland"}))
    assert counts(stances, "Poland") == (2, 0)  # "closer cooperation" stays the speaker's
    # an actor is the subject: its own (before or after "that"), however far the quotation's speaker
    assert counts(framed("Germany flatly rejected the Polish plan.", OTHER), "Germany") == (0, 1)
    stances = framed("It was Germany that rejected the plan of France.", OTHER)
    assert counts(stances, "Germany") == (0, 1) and counts(stances, "France") == (0, 0)
    # a time between the subject and its verb, and a thing an actor owns
    assert counts(framed("Germany last week rejected the plan.", OTHER), "Germany") == (0, 1)
    stances = framed("The Polish campaign disputed the report of France.", OTHER)
    assert counts(stances, "Poland") == (0, 0)  # "Polish campaign": a thing, nobody's
    stances = framed("Germany's government firmly rejected the plan of France.", OTHER)
    assert counts(stances, "Germany") == (0, 1) and counts(stances, "France") == (0, 0)
    stances = framed("Officials said that Germany, which opposed the plan, met France.", OTHER)
    assert counts(stances, "Germany") == (0, 1) and counts(stances, "France") == (0, 0)
    # no object after it: the other rules decide, as before
    assert counts(framed("Poland's concerns remain.", OTHER), "Poland") == (0, 1)
    assert counts(framed("Poland has rejected the plan.", OTHER), "Poland") == (0, 1)


def test_rt_terrorism_threatening_russia_is_no_reluctance_of_russia() -> None:
    """RT: Rogozin's "a third force that threatens the West and Russia" is no cue of Russia's (the
    verb's own rule is tested above; his sentence is a condition, "if we understand ...", and
    gives no stance at all, test_stance.test_a_possibility_is_no_stance)."""
    from tests.test_stance import sentence_id

    articles = example_articles()
    stances = {(s.actor, s.article): s for s in frame(articles, load_lexicon(), Settings())}
    third_force = sentence_id(articles, "rt", "a third force that threatens")
    russia = stances[("Russia", "rt")]
    assert all(
        not (m.sentence == third_force and m.kind == "reluctant") for m in russia.marks
    ), russia.marks
    assert (russia.cooperative, russia.reluctant) == (1, 5)


def test_a_threat_an_actor_is_said_to_be_is_the_view_of_whoever_says_so() -> None:
    """"Poland said Germany is a threat": Poland's wariness, not Germany's; in the outlet's own
    words nobody's; "Poland sees Germany as a threat" stays Poland's, "Germany is hostile" Germany's."""
    from tests.test_stance import OTHER, counts, framed

    for text in (
        "Poland said Germany is a threat.",
        "Germany is the main danger, Poland said.",
        "Poland said Germany poses a danger to France.",
    ):
        stances = framed(text, OTHER)
        assert counts(stances, "Poland") == (0, 1), text
        assert counts(stances, "Germany") == (0, 0), text
    assert counts(framed("Poland said Germany is not a threat.", OTHER), "Poland") == (1, 0)
    stances = framed("Germany is a threat to Poland.", OTHER)
    assert counts(stances, "Germany") == counts(stances, "Poland") == (0, 0)
    assert counts(framed("Poland sees Germany as a threat.", OTHER), "Poland") == (0, 1)
    assert counts(framed("Germany is hostile.", OTHER), "Germany") == (0, 1)
    # the agents' own verb is no copula: "Poland's doctrine states Germany is the chief danger" is Poland's
    stances = framed("Poland's new doctrine states Germany is the chief source of danger.", OTHER)
    assert counts(stances, "Poland") == (0, 1) and counts(stances, "Germany") == (0, 0)


def test_the_command_line_unfreezes_what_it_froze(tmp_path: Path) -> None:
    """storycompare/cli.py freezes the objects of its imports (gc.freeze: no full collection goes
    through them during the comparison, the framing's among them); a process that calls main()
    and goes on gets them back collectable."""
    import gc

    from storycompare.cli import main

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("NATO welcomed the offer. Russia has not yet said it will attend.\n", "utf-8")
    b.write_text("Russia said it would consider the offer. NATO welcomed it.\n", "utf-8")
    gc.unfreeze()
    assert main(["compare", str(a), str(b), "--lexical", "--json", str(tmp_path / "out.json"), "--quiet"]) == 0
    assert (tmp_path / "out.json").read_text("utf-8").startswith("{")
    assert gc.get_freeze_count() == 0


def _said(text: str, target: str) -> list[str]:
    """The words :func:`said_of` finds said of ``target`` in ``text``."""
    from compare.analyze.framing.said import said_of
    from compare.analyze.framing.tone import _tokens, load_model

    toks = _tokens(text)
    at = text.index(target)
    return [toks[k][0] for k in said_of(text, toks, at, at + len(target), load_model().lexicon)]


def test_critics_victims_and_contests_are_no_cue_words_and_a_tribute_is() -> None:
    """Words that name other people beside the target ("her critics", "attackers") or a contest
    ("will fight", "fought") say nothing of the target's quality; "paid tribute to" praises it,
    though VADER's lexicon lacks the word (blind reading 22: a tribute shown as unfavourable evidence)."""
    assert _said("Sarah Palin hit back at her critics and attackers on Monday.", "Sarah Palin") == []
    assert _said("Manny Pacquiao will fight in Macau and fought bravely in his last bout.", "Manny Pacquiao") == ["bravely"]
    assert _said("Thousands paid tribute to Robin Williams in San Francisco.", "Robin Williams") == ["tribute"]
    assert _said("The justices heard arguments in a lawsuit against Wal-Mart.", "Wal-Mart") == []


def test_critics_charge_is_theirs_not_the_outlets() -> None:
    """ "Critics slammed Smith for the failed and corrupt plan": "Critics" names people, no cue word
    (words.CUE_VALENCE), so the cue words are the critics' charge (voice "reported"), and criticism
    only in others' words makes no unfavourable portrayal (Settings.tone_own_sentences)."""
    a = (
        "Critics slammed Senator Mark Smith for the failed and corrupt plan. Voters slammed Smith for the "
        "disastrous and shameful failure. Critics slammed Smith for the failed and corrupt plan."
    )
    articles = [make_article("a", a), make_article("b", "Senator Mark Smith met reporters on Tuesday.")]
    settings = replace(Settings(), tone_unfavourable_net=1, tone_unfavourable_net_named=1)
    assert {(s.actor, s.article): s.tone for s in frame(articles, load_lexicon(), settings)}[("Mark Smith", "a")] == "neutral"
    shown = {(s.actor, s.article): s for s in frame(articles, load_lexicon(), replace(settings, tone_own_sentences=0))}
    smith = shown[("Mark Smith", "a")]
    assert smith.tone == "unfavourable" and {v.voice for v in smith.voices} == {"reported"}, smith.voices


def test_an_actors_own_attitude_is_not_said_of_it() -> None:
    """Words of attitude toward others written after the actor in its clause are its own view,
    not how the article portrays it; received ("drew criticism", "was criticized") or aimed at it
    ("Biden criticized Romney") they are said of it."""
    assert "support" not in _said("Sarah Palin began showing her support by visiting the restaurant.", "Sarah Palin")
    assert "criticized" not in _said("Ryan criticized the administration on Thursday.", "Ryan")
    assert _said("Ryan opened the debate with tough criticism of the Libya terror attack.", "Ryan") == []
    assert "criticism" not in _said("Mr. Perry's criticism of the policy was loud.", "Perry")
    assert "criticism" in _said("Mr. Trump drew considerable criticism from the establishment.", "Trump")
    assert "criticized" in _said("Mr. Perry was widely criticized within his own party.", "Perry")
    assert "criticized" in _said("Biden criticized Romney on Thursday.", "Romney")


def test_an_unfavourable_sentence_calling_the_actor_he_or_she_weighs_more() -> None:
    """Settings.tone_pronoun_weight (3): a sentence that goes on about a person ("he", "she") is
    about that person; one that names it may only pass by.  The score stays the plain share."""
    settings = Settings()
    assert settings.tone_pronoun_weight == 3.0
    named = _tones(*["unfavourable"] * 3)
    referred = [replace(t, reference="pronoun") for t in named]
    assert _tone(named, settings) == ("neutral", -1.0)
    assert _tone(referred, settings) == ("unfavourable", -1.0)
    assert _tone([replace(t, reference="role") for t in named], settings)[0] == "neutral"  # "the senator": a name's weight
    assert _tone([*referred, *_tones("favourable", "favourable")], settings)[0] == "neutral"  # net 7
    # an actor the article never calls "he" or "she" (a country, a group) keeps the bar of 5
    assert settings.tone_unfavourable_net_named == 5
    assert _tone(_tones(*["unfavourable"] * 5), settings)[0] == "unfavourable"
    assert _tone(_tones(*["unfavourable"] * 4), settings)[0] == "neutral"
    assert _tone([*_tones(*["unfavourable"] * 4), referred[0]], settings)[0] == "neutral"  # a person "he": 4 + 3 < 8


def test_an_actors_acceptance_of_something_is_not_said_of_it() -> None:
    """'X is satisfied with / not pleased with Y' (FNC-1 bodies) is what X thinks of Y, no praise or
    blame of X; the same adjective without 'with' still describes X."""
    text = "O'Keeffe added that he was satisfied with Williams' apology and didn't want to push the issue any further."
    assert _said(text, "O'Keeffe") == []
    assert _said("British officials are not pleased with the decision to identify Jihadi John.", "British officials") == []
    assert _said("The senator is a good and decent man.", "The senator") == ["good"]


def test_an_editors_insertion_in_brackets_does_not_cut_the_clause() -> None:
    """'(Netanyahu's) a powerful messenger': the brackets hold the name an editor put in a quotation."""
    text = "In short, (Netanyahu's) a powerful messenger who the people believe."
    assert _said(text, "Netanyahu") == ["powerful"]
    assert _said("Obama (and his aides) praised the plan.", "his aides") == []  # more than the target: a cut


def test_titles_and_names_are_no_words_of_tone() -> None:
    assert _said("Even Justice Ruth Bader Ginsburg expressed some doubts.", "Ruth Bader Ginsburg") == ["doubts"]
    assert "secure" not in _said("The ad, paid for by Secure America Now, ran in Miami.", "Miami")
    assert "wows" in _said("Beck Wows The CPAC Crowd", "CPAC")  # a headline's words are capitalised


def test_a_countrys_people_are_not_the_country() -> None:
    """"The wealthiest Americans", "the American people": the tone toward them is no tone toward
    the United States (no sentence of theirs is judged for it); "America", "American strength" are."""
    from compare.analyze.framing import credit

    articles = [
        make_article("a", "Tax increases on the wealthiest Americans would restore growth. "
                     "The plan would help the American people. America is strong and great."),
        make_article("b", "The United States met Russia. Russia met the United States."),
    ]
    requests = credit(articles, load_lexicon(), Settings()).requests
    judged = {r.sentence for r in requests if "United States" in r.actors}
    assert judged == {"a:2", "b:0", "b:1"}


def test_a_favourable_sentence_needs_a_strong_cue_word() -> None:
    """Settings.tone_favourable_valence (1.8): "a clear plan" (1.6) makes no favourable evidence,
    "a powerful leader" (1.8) does."""
    assert Settings().tone_favourable_valence == 1.8
    other = "Benjamin Netanyahu met Donald Trump."
    settings = Settings(tone_favourable_share=0.1)
    weak = framed("Benjamin Netanyahu has a clear plan.", other, settings=settings)[("Benjamin Netanyahu", "a")]
    assert (weak.tone, weak.tone_evidence) == ("neutral", ())
    strong = framed("Benjamin Netanyahu is a powerful leader.", other, settings=settings)[("Benjamin Netanyahu", "a")]
    assert (strong.tone, strong.tone_evidence) == ("favourable", ("a:0",))
    loose = framed("Benjamin Netanyahu has a clear plan.", other, settings=replace(settings, tone_favourable_valence=1.5))
    assert loose[("Benjamin Netanyahu", "a")].tone == "favourable"  # judged favourable, "clear" its cue


def test_he_or_she_weighs_more_for_the_person_only() -> None:
    """"She" means Hillary Clinton; her tone also counts for the United States she speaks for, but
    with a name's weight: the sentence goes on about her, not about the country."""
    from compare.analyze.framing import credit, finish, scoring
    from tests.test_stance import make_article

    texts = [
        "U.S. Secretary of State Hillary Clinton arrived in Moscow on Monday. She was criticized for the plan.",
        "Hillary Clinton met officials in Moscow. The United States said little.",
    ]
    credited = credit([make_article(chr(97 + n), t) for n, t in enumerate(texts)], load_lexicon(), Settings())
    she = next(r for r in credited.requests if r.sentence == "a:1")
    assert (she.actors, she.reference) == (("Hillary Clinton", "United States"), "pronoun")
    kept: dict[str, list[str]] = {}
    original = scoring.stance

    def keep(actor: str, article: str, tally: scoring.Tally, *rest: object) -> Stance:
        kept[f"{actor} {article}"] = [t.reference for t in tally.tones.values() if t.sentence == "a:1"]
        return original(actor, article, tally, *rest)  # type: ignore[arg-type]

    import compare.analyze.framing as framing

    framing.stance = keep  # type: ignore[assignment]
    try:
        finish(credited, Settings())
    finally:
        framing.stance = original
    assert kept["Hillary Clinton a"] == ["pronoun"]
    assert kept["United States a"] == [""]
