"""Who an article's lead names: the participants of its event (:func:`participants`), each written as the
full name it stands in ("Dana Whitlock" for "Whitlock", :func:`_full_names`).  Part of the event profile
(:mod:`compare.analyze.event_profile`), which reads the article alone; moved out of it in session 23."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from compare.analyze.event_places import NOT_PLACES, TITLE_WORDS
from compare.similarity import normalise_word
from compare.terms import sentence_tokens, title_case
from compare.text import CALENDAR_NAMES, TOKEN, letter_or_numeral

PARTICIPANT_SENTENCES = 2
"""How many body sentences (after the headline) name the participants of the event."""

_TIME_ZONES = frozenset("GMT UTC EST EDT CST CDT MST MDT PST PDT BST CET CEST IST AEST AEDT ET PT".split())

_NAME_RUN = re.compile(r"(?<!\w)[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*")
"""A run of capitalised words: a name as an article writes it ("Dana Whitlock", "Red Sox"); never from
inside a word (the "B" of "1B Mark Teixeira", a first baseman)."""
_NAME_TITLES = TITLE_WORDS | frozenset("governor senator representative congressman congresswoman coach chancellor rev secretary".split())
"""Titles that are no part of a name as the reason writes it (``TITLE_WORDS`` and a few written out)."""
_JOBS = frozenset(
    """attorney surgeon inspector assistant manager commander officer sergeant sgt lieutenant captain capt deputy
    sheriff detective prosecutor spokesman spokeswoman forward quarterback pitcher singer actor actress rapper""".split()
)
"""Jobs that are no part of the name they stand before ("Singer Dana Whitlock", "California Highway Patrol
Officer Brad Baehr": two names; "Attorney General Eric Holder": "General" after one too), though they are
the name where none follows ("Surgeon General")."""
_OFFICE_OF = re.compile(r"[A-Z][\w'’.-]*\s+of\s+$")
"""Before a run of capitals, an office "of" what it opens ("Secretary of State John Kerry", "Minister of
Foreign Affairs Sergei Lavrov"): the run's last two words are the person's name, the rest the office's."""


def participants(title: str, body: Sequence[str]) -> tuple[tuple[str, str, int], ...]:
    """The names of the headline (unless it is in Title Case) and of the first
    ``PARTICIPANT_SENTENCES`` body sentences, each with how many times the article names it
    (a capitalised word inside a sentence, as :func:`compare.terms.sentence_tokens` tells),
    most named first, and written as the full name it stands in (:func:`_full_names`);
    numbers and titles ("Rep", "Gov") are left out."""
    texts = [(title, not title_case(title))] if title else []
    texts += [(text, True) for text in body]
    mentions: Counter[str] = Counter()
    lead: dict[str, str] = {}
    for n, (text, names) in enumerate(texts):
        in_lead = n < len(texts) - len(body) + PARTICIPANT_SENTENCES
        written: dict[str | None, str] = {}
        if in_lead:
            for word in TOKEN.findall(text):
                written.setdefault(normalise_word(word), word)
        full = _full_names(text) if in_lead else {}
        for token, name in sentence_tokens(text, names):
            as_written = written.get(token, token)
            if name and not token[0].isdigit() and not letter_or_numeral(as_written) and not _no_one(full.get(token, as_written)):  # "B", "II", "GMT"
                mentions[token] += 1
                if in_lead and written.get(token, token).lower() not in TITLE_WORDS:  # "Rep", "Gov"
                    lead.setdefault(token, full.get(token, written.get(token, token)))
    return tuple(sorted(((t, w, mentions[t]) for t, w in lead.items()), key=lambda p: (-p[2], p[0])))


def _no_one(word: str) -> bool:
    """A capitalised word that names no one who took part: a day or month ("Sunday"; not "May" or "March",
    surnames as often), a time zone ("GMT"), a title or job ("Secretary", "Assistant"), a group written
    in capitals ("MPs").  Session 24: they kept two undated reports of one vote apart ("only one names
    MPs, only the other GMT")."""
    return (
        (word in CALENDAR_NAMES and word not in ("May", "March"))
        or word in _TIME_ZONES  # as written: "Pt", "Est" may be names
        or word.rstrip(".").lower() in _NAME_TITLES | _JOBS
        or bool(re.fullmatch(r"[A-Z]{2,}s", word))  # "MPs", "CEOs": a group, no one
    )


def _jobs(words: Sequence[str]) -> list[bool]:
    """For each word of a run of capitalised words, whether it is a job before a name (:data:`_JOBS`):
    a job that some word after it is not.  One pass each way, so a run of thousands of capitalised
    words (an article in capitals) costs as many steps, not their square."""
    jobs: list[bool] = []
    for word in (w.rstrip(".").lower() for w in words):
        jobs.append(word in _JOBS or (word == "general" and bool(jobs) and jobs[-1]))
    out, only_jobs = [False] * len(jobs), True  # only_jobs: every word from k on is a job
    for k in range(len(jobs) - 1, -1, -1):
        only_jobs = only_jobs and jobs[k]
        out[k] = jobs[k] and not only_jobs
    return out


def _full_names(text: str) -> dict[str | None, str]:
    """Content token → the run of capitalised words it stands in, as written: "Dana Whitlock"
    for "Whitlock" in "Pop singer Dana Whitlock checked in"; a title or an article before it
    ("Gov. Sarah Palin", "The Indian Navy"), a day or month after it ("Hasim Rahman Saturday")
    and a full stop are left out, and a possessive or a title ends it ("San Diego's Jackson",
    "North Carolina Rep Bob Etheridge": two names each), and so does an office's "of" phrase
    (``_OFFICE_OF``)."""
    out: dict[str | None, str] = {}
    for run in _NAME_RUN.finditer(text):
        names: list[list[str]] = [[]]
        words = [w.strip("'‘’\"“”") for w in run.group().split()]
        while words and letter_or_numeral(words[0]):  # "B Mark Teixeira": no part of a name
            words.pop(0)
        for word, job in zip(words, _jobs(words), strict=True):
            if word in NOT_PLACES or word in ("A", "An") or word.rstrip(".").lower() in _NAME_TITLES or job:
                names.append([])  # "The", "Saturday", "Gov.": no part of a name ("Texas Governor Rick Perry": two)
                continue
            names[-1].append(re.sub(r"['’]s$|(?<=[^\s.]{3})\.$", "", word))  # "Whitlock's", "Palmer." (not "Jr.")
            if word != names[-1][-1] and not word.endswith("."):
                names.append([])  # a possessive ends the name
        if len(names[0]) >= 3 and _OFFICE_OF.search(text, max(0, run.start() - 40), run.start()):
            names[:1] = [names[0][:-2], names[0][-2:]]  # "Secretary of State John Kerry": State, John Kerry
        for words in names:
            for part in TOKEN.findall(" ".join(words)):  # "Chick" of "Chick-fil-A" too
                out.setdefault(normalise_word(part), " ".join(words))
    return out
