"""Every threshold of the pipeline, named and documented, in one frozen record.

The similarity thresholds were chosen by measuring (``benchmarks/evaluate.py``,
issue 3) on public data that is *not* shipped: STS Benchmark train (news genre,
1,999 scored pairs; scores CC BY-SA 4.0) for the cut points, MRPC train (4,076
news paraphrase pairs; non-commercial licence, used only to measure) to check
them, and the example story's reference judgements
(``tests/data/nato-russia-2010.gold.json``) as a hard constraint.  No model is
trained on either corpus; only these few numbers come from them.  Change a value
with :func:`dataclasses.replace`::

    from dataclasses import replace
    from compare import Settings
    strict = replace(Settings(), link_threshold=0.45)
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

from compare.clean_settings import CleanSettings, check_ranges
from compare.difference_settings import DifferenceSettings
from compare.event_settings import EventSettings
from compare.group_settings import GroupSettings


@dataclass(frozen=True, slots=True)
class Settings:
    # --- clean ---------------------------------------------------------------
    clean: CleanSettings = field(default_factory=CleanSettings)
    """Boilerplate detection thresholds, see :class:`CleanSettings`."""
    grouping: GroupSettings = field(default_factory=GroupSettings)
    """The aligner's rules for whole groups, see :class:`~compare.group_settings.GroupSettings`."""
    differences: DifferenceSettings = field(default_factory=DifferenceSettings)
    """When versions differ in a number, date, hedge or source, see :mod:`compare.difference_settings`."""
    events: EventSettings = field(default_factory=EventSettings)
    """When two articles report one event, a follow-up or the same kind of event, see
    :mod:`compare.event_settings`."""

    # --- segment -------------------------------------------------------------
    language: str = "english"
    """Language of the Snowball stemmer and of the stopword list."""

    # --- similarity ----------------------------------------------------------
    overlap_weight: float = 0.75
    """Share of the weighted token overlap (Dice) in the sentence similarity; the
    rest is difflib's ``SequenceMatcher`` over the same weighted tokens, which
    rewards shared phrases in the same order.  Measured (STS-B dev Pearson, MRPC
    10-fold accuracy): 0.5 → 0.799, 0.713; 0.75 → 0.805, 0.714; 1.0 → 0.807,
    0.714.  Paraphrases reorder their clauses, so order counts for little on these
    data; a quarter keeps difflib's phrase matching in the score at almost no cost."""

    semantic: bool = True
    """Use sentence embeddings (all-MiniLM-L6-v2, run with numpy; see :mod:`compare.semantic`)
    besides the words.  On by default; ``--lexical`` turns it off.  Where the model is not
    installed, the run says so in one line and goes on with words alone."""

    semantic_max_chars: int = 200_000
    """Sentence embeddings are computed for at most this many characters of text (the distinct
    sentences and quotations to embed, all articles together); a comparison with more is made
    by the words alone, as in the lexical mode, and the command line says so in one line (the
    JSON under ``limits``).  Embedding costs about 0.1 ms per character on one core of the
    reference machine (10,000 characters a second; a second report on the same text reads
    them from the cache), so this keeps a comparison within about a minute; a story of 30
    news articles of 6,000 characters stays below it."""

    article_pairs_max: int = 4_950
    """:func:`compare.compare` (the ``compare`` command) compares every two articles, at most this
    many pairs (100 articles; with ``pairs``, ``--pair``, the pairs chosen); more is refused with
    one line that points to ``storycompare batch``, which sorts many articles into stories and
    compares each.  Every pair is scored and judged for its event, and the events are joined over
    all pairs: 150 articles of one sentence each took 30 s, 600 took 400 s, and 5,000 would list
    12.5 million pairs.  0: no limit."""

    sentence_max_chars: int = 2_000
    """A sentence longer than this is cut into pieces of at most this many characters, each at the
    last space before the limit (:func:`compare.segment.segment`), and the command line says so in
    one line (the JSON under ``limits``, and the article's ``repaired``).  The word diff and the
    negation checks of a group cost the square of its sentences' length: one sentence of 20,000
    characters took 27 s, so a text of 500,000 characters without a full stop would take hours.
    News stays far below it: the longest of the 33,613 sentences of FNC-1 and BASIL dev has 1,077
    characters."""

    semantic_weight: float = 0.5
    """For :func:`compare.sentence_similarity` of a single pair (no story to centre on):
    share of the embedding cosine (put on the lexical scale, see
    ``compare.similarity.COSINE_SCALE``) in the similarity; the rest is the lexical
    similarity.  Measured (STS-B train news Pearson, MRPC 10-fold accuracy): 0.4 → 0.814,
    0.735; 0.5 → 0.816, 0.732; 0.6 → 0.816, 0.739 (lexical alone 0.777, 0.714)."""

    story_cosine_weight: float = 0.5
    """In the aligner: share of the story-centred embedding cosine in a pair's score; the rest
    is the lexical similarity (see :mod:`compare.align`).  Measured on ECB+ topics 1-35
    (``benchmarks/ecbplus.py``, recall / precision of sentence links): 0.4 → 0.322 / 0.918,
    0.5 → 0.340 / 0.923, 0.6 → 0.342 / 0.915; 0.5, the example story's groups read best."""

    background_sentences: int = 10
    """In the aligner: the centre of the embeddings is the mean of the story's distinct sentences
    and the mean of news sentences in general (``compare/data/news-mean-embedding.json``), which
    counts as this many sentences.  A story of a hundred sentences is centred almost on itself;
    one of two distinct sentences (a sentence repeated) mostly on news in general, so its two
    sentences are not pushed apart."""

    lead_sentences: int = 2
    """In the aligner with embeddings: an article's headline and first this many body sentences
    are its *lead*, which states the story's main event.  Centring the embeddings on the story
    takes exactly that event away ("Esther Williams dies at 91" against "Esther Williams has died
    aged 91": story-centred 0.25, raw 0.63), so two leads that share a word beyond names (and are
    not both headlines) are compared on embeddings centred on news in general.  Such a link is
    ranked by its story-centred score, after every other link when that is under the link
    threshold, so that a lead joins the group of a fact it reports first.  Measured on ECB+
    topics 1-35 (``benchmarks/ecbplus.py``, recall / precision): 0 → 0.351 / 0.921, 2 → 0.417 /
    0.908, 3 → 0.421 / 0.906.  On the pairs labelled by two blind readings of BASIL dev stories,
    2 adds no wrong pair (1 right pair gained, 3 lost where one story's main fact regrouped), and
    its six new groups read right; 3 joined bundles of three facts in two stories."""

    semantic_link_threshold: float = 0.3
    """In the aligner with embeddings: two sentences of different articles are linked when
    their score reaches this value.  Read on the example story and measured on ECB+ (0.25 with
    a member threshold of 0.22: recall 0.405 at precision 0.911, but five of the example
    story's 18 groups joined different statements; 0.3 / 0.26: 0.340 / 0.923, one wrong group
    of 12)."""

    semantic_min_cosine: float = 0.25
    """In the aligner with embeddings: a link also needs a story-centred cosine of at least
    this value (unless the words are the same), so that shared names, an attribution or a
    stock phrase alone never link two sentences that say different things ("Foreign
    ministers of all 28 NATO nations attended" against "She told her Russian counterpart,
    Foreign Minister Sergei Lavrov, ..."; lexical 0.52, centred cosine 0.26 and below)."""

    semantic_min_lexical: float = 0.2
    paraphrase_cosine: float = 0.6
    """With embeddings, a pair whose lexical similarity is under ``semantic_min_lexical`` (few
    shared words) links only when its story-centred cosine reaches ``paraphrase_cosine``: in other
    words, only a close paraphrase is the same fact; sentences on one topic are close in meaning too."""

    semantic_member_threshold: float = 0.26
    """In the aligner with embeddings: two groups merge only when every member of the merged
    group has a mean score of at least this value with the members of the other articles
    (0.28: ECB+ recall 0.323, the same example-story groups but one)."""

    semantic_same_article_threshold: float = 0.35
    """In the aligner with embeddings: two sentences of one article that are not consecutive share
    a group only when they score at least this together, so that a second sentence of an outlet
    already in a group must repeat that outlet's member as a fact (a headline and its lead, a
    summary and its quote), not only share its subject: Trump's "I have decided not to be the
    moderator" and "He said he does not expect Newsmax to follow through with the debate" (0.33)
    are two facts.  (In the lexical mode the link threshold.)  Measured with the ``weak_*``
    rules on the pairs labelled by blind readings 1-2 of BASIL dev stories, 0.3 → 0.35 (→ 0.4):
    wrong pairs grouped 52 → 44 (39) of 79, right pairs 214 → 204 (202) of 348, facts linked
    109 → 108 of 144; held out on reading 3's stories: wrong 26 → 20 (20) of 44, right 127 → 121
    (118) of 197, facts linked 58 of 73 throughout; ECB+ recall / precision 0.412 / 0.908 →
    0.416 / 0.912 (0.397 / 0.910 at 0.4, where one article's several mentions of the event
    no longer count as links)."""

    neighbour_member_threshold: float = 0.4
    """In the aligner with embeddings: two consecutive sentences of one article that do not repeat
    each other (scoring under ``semantic_same_article_threshold`` together) share a group only when
    each of them has a mean score of at least this with the other articles' members: a fact told
    over two sentences is close to the other outlets' version in both, and the sentence after a
    fact, on its subject ("Consumers expected the same with the first iPhone" after "Developers
    caution that people should temper expectations"), is not.  A headline and the sentence after
    it are exempt: they tell the article's main event together.  Measured (off → 0.35 → 0.4): on
    the pairs labelled by blind readings 1-2 of BASIL dev stories, wrong pairs grouped 44 → 41 →
    43 of 79, right pairs 204 → 202 → 195 of 348 (most of those lost are an outlet's summary and
    its quote now in two groups that are each right, as the example story's missile-defence
    remarks), facts linked 108 → 109 → 108 of 144; ECB+ recall / precision 0.416 / 0.912 → 0.400 /
    0.903 → 0.396 / 0.916.  On 30 FNC-1 stories read at 0.4 the rule took the next sentence out of
    about 20 groups and split 4 two-fact groups in two right ones; it lost 4 right members (a quote
    told over two sentences against one long sentence)."""

    weak_member_threshold: float = 0.31
    """In the aligner with embeddings: a weak link (under ``weak_link_score``) adds a sentence to a
    group of two or more only when every member of the merged group then has a mean score of at
    least this with the other articles' members (``semantic_member_threshold`` otherwise): a member
    joins by being close to the whole group, not to one member of it.  Bloomberg's "Rasmussen was in
    Moscow to prepare for the ... summit" (another meeting) scores 0.32 and 0.30 with the Moscow
    Times and DipNote sentences on the New York meeting that prepared it, and stays out of their
    group.  Measured with ``weak_link_*`` on the BASIL pairs of blind readings 1-2 (off → 0.31):
    wrong pairs grouped 53 → 51 of 79, right pairs 224 → 216 of 348, groups holding a wrong pair
    26 → 25, facts linked 109 of 144 both; held out on reading 3's stories: wrong 37 → 26 of 44,
    right 130 → 126 of 197, groups holding a wrong pair 13 → 11, facts linked 59 → 58 of 73.
    ECB+ recall 0.417 → 0.413 at precision 0.909."""

    weak_near_score: float = 0.27
    """In the aligner with embeddings: after a merge made by a weak link (under ``weak_link_score``)
    into a group of two or more, more than half of each member's scores with the other articles'
    members reach this (with one sentence from each of three articles: both): a sentence close to
    one member and far from the others is not the group's fact, however high its mean.  The mean
    alone (``weak_member_threshold``) let the Times' "Representative Paul D. Ryan ... has been
    excoriated by some Roman Catholic leaders" (0.21 with Fox's) join Fox's and HuffPost's leads on
    the Georgetown faculty's letter; HuffPost's "The cover shows Bachmann standing against a stark
    blue background" join the Times' "The pictures show Ms. Bachmann shaking hands with voters"
    through Fox's sentence on the cover; and the State Department's headline "NATO-Russia Council
    Meeting: Building a Stronger Partnership" stay with the headlines on NATO seeking Russia's
    partnership (a reader's outlier) while Bloomberg's lead saying just that joined another group.
    Measured (off → 0.25 / 0.27 / 0.28 / 0.30) on the BASIL pairs labelled by blind readings 1-2:
    groups holding a wrong pair 23 → 23 / 22 / 22 / 22, groups right 105 → 106 / 107 / 106 / 106,
    wrong pairs grouped 35 → 35 / 34 / 34 / 34 of 79, right pairs 195 → 193 / 192 / 188 / 188 of
    348, facts linked 109 of 144 throughout; held out on reading 3's stories: groups wrong 9 → 8 /
    8 / 8 / 9, right 54 → 55, wrong pairs 20 → 18 / 18 / 18 / 20 of 44, right pairs 117 of 197,
    facts 58 (59 at 0.30) of 73; the example story: wrong pairs 6 → 6 / 4 / 4 / 4 of 24, gold links
    5 of 5, no not_link; ECB+ recall 0.396 → 0.396 / 0.397 / 0.395 / 0.394 at precision 0.916.
    Applied to every merge, not only weak ones, 0.25 took three more wrong groups apart on BASIL
    (HuffPost's Title-Case headline on the "big tent" off Fox's lead on progressivism among them)
    but ECB+ recall fell to 0.392: an event's big lead group forms through such merges."""

    weak_link_cosine: float = 0.5  # see weak_link_score

    weak_link_plain: float = 1.55
    """See ``weak_link_score``: the informativeness (the word prior's weight, 1 to 5) that the shared
    plain words must add up to.  One word of the commonest ("way", "make", "back", "go", "even":
    1.2-1.5) is not enough; "help", "last" (1.6) and any rarer word is.  1.0 → 1.55: on the
    BASIL dev stories of readings 1-2, four low-score groups fewer (three that an editor calls
    wrong: "There is absolutely no way there can be a fair process here," Boutrous said / Mr.
    Boutrous said Mr. Sellers was trying to have it both ways), no labelled pair changed; on
    reading 3's stories and the example story no group changed."""

    weak_link_score: float = 0.45
    """In the aligner with embeddings: a link scoring under ``weak_link_score`` whose
    story-centred cosine is under ``weak_link_cosine`` also needs shared content words (of weight
    ``weak_link_plain`` in all) that are none of the story's names, attribution, or words that run
    through the story: two that share only who spoke and the story's subject (Rasmussen on an agreement
    with Russia in Afghanistan, and on Russia's future with the EU and NATO: 0.37) are not one fact.
    Two leads compared on their main event are exempt.  On the BASIL pairs of blind readings 1-2 (0 →
    0.45 / 0.5 / 1): wrong pairs grouped 68 → 53 of 79, right 231 → 224 of 348; held out (reading 3):
    wrong 44 → 37 of 44, right 135 → 130 of 197; the example story loses two wrong groups."""

    quote_share: float = 0.5
    """In the aligner with embeddings: a link under ``weak_link_score`` between two sentences that
    are each mostly quotation (at least this share of their content words inside quotation marks)
    also needs a run of ``quote_run_words`` consecutive content words that both quotations hold, beyond the
    story's names.  Two outlets quoting one remark repeat some of its words in order; the same
    speaker's different remarks on one subject share its words one by one only (Clinton's "NATO
    and Russia should work together to develop models for a combined missile defense
    architecture" against "We want a cooperative NATO-Russia relationship that ... draws NATO
    and Russia closer together", 0.34; Wal-Mart's lawyer on "too much discretion" against "how to
    exercise that discretion", 0.31-0.39)."""

    quote_run_words: int = 3
    """See ``quote_share``.  2 → 3: on the BASIL pairs of blind readings 1-2, one more wrong pair
    apart (Summers' "materially increases the risk" against "What I said it would significantly
    increase the risk"), which now joins the group of the remark it quotes; no right pair lost
    there, on reading 3's stories or the example story; ECB+ unchanged.  A quotation of fewer content
    words is one run of them all ('"We are very encouraged by the meeting"' / '"Very encouraged by
    the meeting"'); that changed no labelled BASIL pair and not ECB+."""

    quote_wrapper_check: bool = True
    """In the aligner with embeddings: a sentence that is mostly quotation (``quote_share``) links
    to another only when they share some word of its quotation beyond names and attribution: words
    shared outside it say who spoke, to whom, where ("She told her Russian counterpart, Foreign
    Minister Sergei Lavrov, 'The United States does not believe that NATO and Russia are
    adversaries'" against "Foreign ministers of all 28 NATO nations attended the meeting, along
    with their Russian counterpart, Sergei Lavrov", 0.39), not what was said.  A sentence sharing
    no such word at all is held apart too (until session 12 it was not): on the BASIL pairs of
    blind readings 1-2, wrong pairs grouped 37 → 35 of 79 (Fox's "'The Queen of Rage' is something
    you apply to wrestlers" left the group of two outlets quoting the headline), right pairs 195
    of 348 and reading 3's pairs unchanged; ECB+ unchanged."""

    quote_remarks_apart: bool = True
    """In the aligner with embeddings: two sentences of one article that are each mostly quotation
    (``quote_share``) and share no run of ``quote_run_words`` words of their quotations are two
    remarks, never one group unless consecutive, however close: Wal-Mart's lawyer's "If somebody
    tells you how to exercise discretion, you don't have discretion" and "Managers are informed by
    the company about how to exercise that discretion" (0.56).  Measured on the BASIL pairs of blind
    readings 1-2: groups holding a wrong pair 21 → 20, groups right 109 → 112, wrong pairs grouped
    31 → 30 of 79, right pairs 193 → 189 of 348 (one remark quoted twice in other words: "they
    cannot believe what they're talking" / "finding"), facts 110 of 144; held out on reading 3's:
    groups wrong 8 → 7, right 55 → 57, wrong pairs 18 → 13 of 44, right 117 → 115 of 197, facts 58
    of 73; the example story and ECB+ (0.397 / 0.916) unchanged."""

    contrast_head_words: int = 2
    """In the aligner with embeddings: a term of this many lower-case content words ("missile
    defense") that one sentence names in two kinds (two different words written right before it:
    "expanding so-called theater missile defense to territorial missile defense") and the other
    sentence in one of those kinds only, without the other kind's word anywhere ("restart
    collaboration on so-called theater missile defense"), never links the two: the first reports a
    contrast or a change between two kinds of a thing, the second a fact about one kind (0.49 in the
    example story, a reader's wrong group).  0 turns the rule off.  A word ending in -ed or -ing
    before the term is taken for a verb, not a kind ("placed running back").  Measured: on the
    BASIL pairs labelled by blind readings 1-3 it fires on no pair at 2 words (at 1 word on two
    right pairs: "single action" / "class action"); ECB+ recall and precision unchanged (without
    the -ed/-ing exception it split one right group of 17 pairs: "placed running back ... one of
    its primary running backs"); no group of 30 FNC-1 stories changes."""

    contrast_max_score: float = 0.6
    """The ``contrast_head_words`` rule applies to links scoring under this only: a strong link
    says the same fact whatever kinds the sentences name ("raise the federal minimum wage, already
    below the state minimum wage in 20 states, to $9" against "raise the federal minimum wage to
    $9": 0.83).  The example story's theater / territorial pair that the rule is for scores 0.49."""

    min_substance_tokens: int = 2
    """A sentence or part of one (headlines aside) links only with at least this many content
    tokens that are neither names (words the story capitalises inside sentences and never writes in
    lower case) nor words of attribution: "Justice Ginsburg asked." and "Scalia said." say who spoke,
    not what happened, and a shared name alone never links two sentences."""

    short_question_words: int = 8
    """A sentence that asks (:func:`compare.text.is_question`: it opens with a question word, or is a
    question of at most this many words, "You want a gold Apple Watch?") reports no fact and links
    only to the very same words in another article (``verbatim_min_words``), or to nearly the same
    question quoted (``question_min_lexical``); two outlets asking
    about the same subject ("how much might it cost?") do not report one fact.  Headlines that ask
    still link like any headline."""

    question_min_lexical: float = 0.5
    """A sentence that asks (``short_question_words``) still links, on its words alone, to another
    outlet's sentence when both quote a question (a question mark and quotation marks) and their
    lexical similarity reaches this: one question put by a speaker, reported by two outlets ('"Is it
    true that Wal-Mart's pay disparity ... was less than the national average?" he asked.' against
    '"Is it true," Chief Justice Roberts asked Mr. Sellers, "that Wal-Mart's pay disparity ..."').
    An outlet's own question states no fact and stays unlinked ("How much will the gold Apple
    Watch cost?" against "So how much might the gold Apple Watch cost buyers?", lexical 0.76).  On
    the BASIL pairs of blind readings 1-2 it adds that right pair and no other, at 0.4, 0.5 and 0.6;
    no group of 30 FNC-1 stories changes."""

    verbatim_min_words: int = 3
    """A sentence too short to link by its content words ("Wait until when?", "And you exemplify
    it.") links to another article's sentence of the very same words when it has at least this
    many words: two outlets quoting the same short line report the same moment.  The words are
    compared without their attribution ('"It's not about your jobs," Santorum said.' against "It's
    not about your jobs."), and two attributions must name the same speaker."""

    verbatim_partners: int = 8
    """Short sentences of the very same words (``verbatim_min_words``), and a short sentence and a
    quotation of its words, pair with at most this many of their copies in each other article (the
    first, in reading order; a pair stays when it is among the first of either sentence), as
    ``max_candidates`` caps the candidates: the copies still join one group.  Two articles repeating
    "The man said it." to 40,000 characters paired every two copies (5.5 million pairs: 32 s and
    2.5 GB).  A real story repeats a short line a few times."""

    part_min_words: int = 4
    """Sub-sentence alignment (:mod:`compare.parts`): a quotation or clause of at least this many
    words, and at most three quarters of its sentence, is also scored on its own against the
    sentences of the other articles, so that a sentence reporting just that part links to it."""

    part_threshold_offset: float = 0.15
    """A part links only at the mode's link threshold plus this: a short text shares a name or a
    phrase with many sentences, so its score runs higher than a whole sentence's (on ECB+, part
    links below 0.45 were right no more often than any pair of the story's sentences; above, 88%)."""

    part_margin: float = 0.05
    """A part links two sentences only when it scores at least this much above the two whole
    sentences (and reaches the link threshold): otherwise the whole sentence is the match."""

    min_content_tokens: int = 2
    """Sentences with fewer content tokens (after stopwords) are never linked:
    one-word crossheads such as "Podcasts" carry no fact to align."""

    # --- align ---------------------------------------------------------------
    link_threshold: float = 0.33
    """In the lexical mode (``--lexical``): two sentences from different articles are linked
    when their similarity reaches this value.  Chosen where the lexical
    similarity best separates STS-B pairs scored 2 or more ("not equivalent, but
    share some details") from the rest: 0.332 on all of STS-B train (5,749 pairs,
    accuracy 0.84); 0.351 on its news pairs, 0.27 on dev news; in the semantic
    mode 0.36 on train news.  At 0.33 the aligner keeps 98.7% of MRPC's
    paraphrase pairs (its decision has F1 0.815, accuracy 0.70 there: a link
    means "the same fact", not "the same words"); the example story's reference
    links score 0.41-0.82, its not-links below 0.1."""

    group_threshold: float = 0.27
    """In the lexical mode: two groups merge only when every member of the merged group has
    a mean similarity of at least this value with the members of the other articles (see
    :mod:`compare.align`); this stops chains of weak links from pulling unrelated sentences
    into one group.  The low end of
    the measured "share some details" cut point (0.272 on STS-B dev news, see
    ``link_threshold``): below the link threshold, so that a third outlet with a
    weaker wording can join a group.  At 0.3 the example story loses a sentence
    of RFE/RL from the group of Clinton's proposals, and with it the reference
    judgement that RFE/RL and the State Department blog report one event."""

    # --- analyze -------------------------------------------------------------
    agree_threshold: float = 0.475
    """A group whose mean pairwise similarity reaches this value and which has no
    conflicting difference is "agree"; below it, "partial" (the members share a
    fact but each says more or less).  Chosen where the similarity best separates
    STS-B pairs scored 3 or more ("roughly equivalent") from the rest: 0.475 on
    STS-B train news and on all of train (accuracy 0.80 and 0.79), 0.45 on dev
    news, 0.51 in the semantic mode on train news; MRPC's paraphrase cut point
    lies a little higher (0.53, 10-fold CV).  The example story's reference
    judgements need it between 0.44 and 0.49."""

    group_pairs_max: int = 5000
    """A group's statistics (its mean similarity, differences, closest versions) are taken
    over all pairs of members from different articles while there are at most this many;
    a larger group (one sentence repeated through two long articles makes one group of
    thousands of members, and millions of pairs) takes for each member its next few
    members of other articles in reading order, about this many pairs in all, so that its
    cost grows with its size rather than with the square of it.  Real stories' largest
    groups hold a few dozen pairs."""

    group_max_wordings: int = 32
    """A group takes at most this many different wordings (sentences that differ in their words
    or their article; a sentence repeated word for word counts once, and once more among its
    article's leads), and a merge that would
    give it more is refused: the sentences of the same fact left over form groups of their
    own.  Checking a merge costs one score per wording of the group, so without a limit a text
    of thousands of sentences of one template (numbers, quotations) made a few groups of
    thousands of wordings, at the cost of the square of the text's length.  When it takes
    effect, the command line says so in one line and the JSON lists it under ``limits``.  Real
    stories stay far below it (the example story's largest group: 4 sentences)."""

    index_visits_per_sentence: int = 200
    """The aligner's candidate index (:mod:`compare.candidates`) visits at most this many
    sentence pairs per sentence (and always 1,000,000): when the words of a text are
    shared by so many of its sentences that walking their postings would visit more
    (a sentence repeated, sentences full of the same numbers or quotations), the words
    that cost the most visits propose no pairs; they still count in the bounds of the
    pairs that the other words propose.  Real stories stay far below it (the example
    story: 0.3% of its budget), so no pair is lost there; a text of 500,000 characters
    of one template no longer costs the square of its length."""

    max_candidates: int = 8
    """When the candidate pairs are more than this many per sentence (and 20,000), each
    sentence keeps its this many best candidates (by their bound, then reading order)
    in each other article, and a pair is scored when it is among the best of either
    sentence.  Sentences with the same words count as one: a sentence repeated a
    thousand times is compared with the first few copies of its match, which join the
    same group.  Real stories have a few candidates per sentence."""

    quote_match_threshold: float = 0.8
    """Two quotations are the same words when their similarity reaches this value;
    below it, quotations by the same speaker in one group are a "quote" difference."""

    quote_statement_run: int = 4
    """...but only when they are one statement worded differently: they share a run of
    at least this many words in a row ("what have you guys been | debating / doing, John",
    "Iran gets closer and closer to | a nuclear bomb / nuclear arms"), or one of them is a
    short characterisation (``quote_short_words`` words or fewer: "very encouraged"
    against "very positive and a reflection of the substantive progress").  Otherwise
    they are two statements by one speaker, which contradict nothing.  Read on the 30
    BASIL dev stories: a similarity threshold (0.3) could not tell the two apart (real
    rewordings scored 0.52-0.77, different statements 0.47-0.57), while every real
    rewording shared a run of 4 or more words and 6 of 11 different statements shared
    at most 3."""

    quote_short_words: int = 3
    """See ``quote_statement_run``."""

    approximate_share: float = 0.15
    """How far "about N" (around, roughly, some, an estimated) may lie from N, as a share of N;
    "nearly N" (almost, close to) lies that far below N at most.  "about 200" and "nearly 200"
    agree; "about 200" and "about 500" do not.  Written for news usage, where "about" rounds
    to the nearest round figure (a 15% margin covers 170-230 for "about 200"); checked on the
    test set ``tests/data/differences_cases.json``."""

    opposite_context_words: int = 5
    """Two words of opposite meaning ("denied" / "confirmed") contradict only when the other version shares a
    content word with this many words on either side of each: the same thing is denied and confirmed."""

    addition_min_weight: int = 2
    """A version "adds" to its closest version (and the group cannot be "agree") when the content words it has
    that the other lacks outweigh the other's by this much (a word weighs 1; a number or a name 2 and counts
    on its own): a rewording swaps words one for one, an addition brings new ones ("in Brussels")."""

    stance_margin: float = 0.3
    """A framing score (cooperative minus reluctant cues over all cues, -1..1) at or
    above this value is "cooperative", at or below its negative "reluctant";
    in between, with cues of both kinds, "mixed"; with no cues, "neutral"."""

    stance_relations_per_1000: float = 5.0
    """The stance axis (cooperative or reluctant) is applied only to a story whose articles use the
    words of relations between actors (cooperation, partnership, talks, negotiations, treaty, ...:
    framing/words.py's ``RELATIONS``) at least this many times per 1,000 words; elsewhere it says
    nothing an editor would sign (a pundit "blamed progressivism": "reluctant").  Measured
    (benchmarks/framing_eval.py --relations): the example story 18.2; of 179 FNC-1 stories three
    reach 5 (s0001, Boko Haram ceasefire talks, 15.0; s0172, Castro and US-Cuba relations, 6.7;
    s0002, an actor's talks with studios, 5.4), the next 4.8; of the 30 BASIL dev stories one,
    cad4bba5 (the fiscal-cliff negotiations, 6.9), the next 2.7.  0 turns the gate off."""

    tone_cued_sentences: int = 1
    """A favourable or unfavourable tone toward an actor in one article needs at least this many
    sentences of that tone with cue words in the actor's clause: words of the tone's sign that
    the sentiment lexicon (VADER's, in the tone model) knows (framing/tone.py, ``_said_of``).
    Only those sentences are its evidence, their cue words marked; the others still count toward
    the label ("... Afghanistan or Iraq -- we owe our military ... unconditional support" was
    favourable to Afghanistan, "Mr. Clinton was at the White House" favourable, with no cue)."""

    tone_favourable_valence: float = 1.8
    """A favourable sentence is evidence only with a cue word this strong in the sentiment lexicon
    (VADER's valence, 0..4): news tells much in mildly positive words ("steer clear" 1.6, "clearly
    meant" 1.7, "interested in" 1.7), a favourable portrayal in marked ones ("powerful" 1.8, "praise" 2.6)."""

    tone_unfavourable_net: int = 8
    """How many more of the sentences naming an actor or referring to it ("he", "the senator") in
    one article must be unfavourable than favourable for its tone there to be "unfavourable",
    an unfavourable sentence that calls the actor "he" or "she" counting ``tone_pronoun_weight``.
    The tone model judges a sentence as NewsMTSC's annotators did, the sentiment toward the
    target, and so calls a person in bad news told plainly unfavourable ("Akin apologized for
    his remarks"); the annotators of BASIL, asked how the author portrays each actor, call most
    such actors neutral.  A count, not a share: on BASIL dev the unfavourable portrayals are of
    actors an article dwells on.  5 until session 21 (chosen with ``tone_pronoun_weight`` 1);
    with the pronoun weight 3 the cross-validation by story chooses 8 (19 of 25 folds)."""

    tone_favourable_share: float = 0.4
    """The tone of an actor in one article is "favourable" when (favourable - unfavourable) /
    sentences, over the sentences naming it or referring to it, is at least this share (and
    it is not unfavourable, ``tone_unfavourable_net``).  A share, not a count: favourable
    sentences are rare in news, and an actor named once, favourably, is portrayed favourably.
    Chosen with ``tone_unfavourable_net`` and ``tone_neutral_prior`` by the cross-validation by
    story on BASIL dev from 0.1 to 0.5: 19 of 25 folds chose 0.4, 5 chose 0.3, one 0.1."""

    tone_favourable_marked: int = 3
    """An actor's tone in one article is "favourable" too when at least this many of its sentences
    praise it in marked words (cue words of praise in its clause, ``tone_favourable_valence``),
    more of them than criticise it in marked words, ``tone_favourable_marked_own`` of them in the outlet's own words, and
    no more of all its sentences unfavourable than favourable (compare/analyze/framing/scoring.py,
    ``_praised``): the share alone needs 40% of an actor's sentences net favourable, which an
    actor the article covers at length never reaches (Paul Ryan in HuffPost's debate story: four
    sentences of marked praise among 18, annotated favourable).  0 turns it off.  0 → 3 (session
    24): BASIL dev tone macro-F1 0.576 → 0.656, CV by story 0.539 → 0.643 (0.550 with this
    setting chosen from 0, 2, 3, 4 by the folds too: ``framing_eval.py --marked 0 2 3 4``); on
    the example, BASIL dev, 109 labelled FNC-1 stories and reading 21's five, seven favourable rows
    added and none removed, read as an editor 2 supported / 4 partly / 1 unsupported: it also fires
    on whoever is praised in passing (``benchmarks/labels/tone-s24.json``)."""

    tone_favourable_marked_own: int = 2
    """Of the sentences of marked praise that ``tone_favourable_marked`` counts, how many must be in
    the outlet's own words (compare/analyze/framing/scoring.py, ``_praised``).  1 until session 25,
    when the rule fired on bystanders praised by those the article quotes (Beyoncé in a story on
    Kanye West: one sentence of the outlet's, two of West's): the portrayal is the outlet's."""

    tone_neutral_prior: float = 0.5
    """Added to the log-odds of "neutral" when the framing judges a sentence's tone toward an
    actor: the tone model (:func:`compare.target_tone`) learnt from NewsMTSC sentences a third of
    which are neutral, while most sentences of a news story are.  Chosen with the margin that
    preceded ``tone_unfavourable_net`` on BASIL dev from 0.5, 1.0 and 1.5: the earlier tone models
    chose 1.0; with the sentence layer of session 9 (:mod:`compare.analyze.framing.tone`), less
    often unfavourable, and ``tone_unfavourable_net`` and ``tone_favourable_share`` (session 10),
    24 of the 25 folds of the cross-validation by story chose 0.5 (benchmarks/framing_eval.py)."""

    tone_unfavourable_net_named: int = 5
    """``tone_unfavourable_net`` for an actor the article never calls "he" or "she" (an organisation, a country, a person only named): no sentence of it weighs
    ``tone_pronoun_weight``, so it keeps the bar chosen with that weight 1. BASIL dev tone
    macro-F1 0.568 -> 0.562, CV by story 0.526 -> 0.527 (this bar fixed, the other chosen) against 8 for every actor (session 21:
    8 kept seven reports of the Islamic State's atrocities told plainly from 'unfavourable')."""
    tone_pronoun_weight: float = 3.0
    """What an unfavourable sentence that refers to the actor by "he" or "she" (:mod:`.coref`)
    counts toward ``tone_unfavourable_net``, against 1 for one that names it.  A sentence that goes
    on about a person is about that person: on BASIL dev 21 of the 53 unfavourable sentences calling
    an annotated entity "he" or "she" hold a phrase the annotators marked negative toward it, 111 of
    the 441 naming it (a sentence's bad news falls on every actor it names).  BASIL dev tone macro-F1 (with
    ``tone_unfavourable_net`` 8) 0.525 -> 0.568, CV by story 0.471 -> 0.526 (0.531 with this weight
    chosen from 1-4 by the CV too); other references ("the senator", "they") weighed alike: CV 0.49-0.51."""

    tone_quoted_weight: float = 1.0
    """What an unfavourable sentence in another's words (a quotation, reported speech, "X accused
    Y of ...": :mod:`compare.analyze.framing.voice`) counts toward ``tone_unfavourable_net``, against
    1 for the outlet's own words.  BASIL dev tone macro-F1 (CV): 1.0 0.525 (0.476), 0.5 0.504 (0.460)."""

    tone_rival_share: float = 1.0
    """An actor's tone in one article is "unfavourable" only when no other main actor of the same
    article, unfavourable on its own sentences, weighs more than this share of it: each weighs its
    unfavourable sentences (as toward ``tone_unfavourable_net``) less its favourable ones
    (:func:`compare.analyze.framing.scoring.criticism`).  The criticism an article relays falls
    on several actors; the portrayal an editor signs is of the one it criticises most ("the Tea
    Party" beside the NAACP Fox reports accusing it, "Romney" beside the Obama campaign HuffPost
    takes to task).  Two names of one side that the actors keep apart (a president and "the White
    House", a party and its leader) are two actors here too: the less criticised loses its row.
    0 turns it off.  0 → 1 (session 23): BASIL dev tone macro-F1 0.562 → 0.576,
    cross-validated by story 0.527 → 0.539 (``benchmarks/framing_eval.py``): three portrayals
    annotated neutral no longer unfavourable, none lost.  With ``tone_unfavourable_net_named`` chosen
    by the folds too, the CV is 0.549 without it, 0.558 with 0.75 or 1 (the same labels).  It removes six
    rows of BASIL dev and the labelled FNC-1 stories, 4 unsupported and 2 partly, none supported
    (``benchmarks/labels/tone-s23.json``)."""

    tone_own_sentences: int = 1
    """An unfavourable tone needs at least this many evidence sentences in the outlet's own words:
    criticism only in the words of those it quotes is their view (BASIL dev: of 29 portrayals whose
    negative spans all stand in quotations, none is negative).  0 → 1: F1 0.516 → 0.525, CV 0.465 → 0.476."""

    coref_window: int = 3
    """How many sentences back "he", "she", "they" or "the magazine" may find the actor it
    refers to (compare/analyze/framing/coref.py; a title, "the senator", reaches back over the
    whole article).  On BASIL dev 1, 2, 3 and 5 credit 280, 282, 282 and 282 of the 441
    annotated phrases about a named entity to it, with the same tone figures within 0.01."""

    max_actors: int = 8
    """How many main actors get a framing row (the most mentioned across articles,
    each mentioned by at least two articles)."""

    def __post_init__(self) -> None:
        check_ranges(self)

    def to_dict(self) -> dict[str, Any]:
        """The settings as a plain dict (the JSON report's "settings" object; a list of words as a list)."""
        return asdict(self, dict_factory=lambda items: {k: list(v) if isinstance(v, tuple) else v for k, v in items})

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))
