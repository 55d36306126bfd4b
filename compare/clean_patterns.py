"""Patterns of the clean stage (:mod:`compare.clean`) shared by its rules: the cues of a
donation or subscription appeal, a line that only dates the page (``DATED_LINE``), and the
alternation helper its pattern tables are written with."""

from __future__ import annotations

import re

from compare.text import MONTH, ORDINAL, WEEKDAY

__all__ = ["ADDRESS", "DATED_LINE", "LINE_DATE", "NEWS_LIKE", "QUOTED", "STRONG_APPEAL", "WEAK_APPEAL", "alternatives"]


def alternatives(*patterns: str) -> str:
    """One regular expression that matches any of ``patterns``."""
    return "(?:" + "|".join(patterns) + ")"


# --- appeal cues ----------------------------------------------------------------
# Matched on the paragraph with quoted speech blanked out.  A strong cue alone
# marks an appeal; weak cues count 1 each and need company (score >= 2) in a
# short paragraph that is not news-like.
STRONG_APPEAL = re.compile(
    alternatives(
        r"small favou?r to ask",
        r"(?:have )?disabled (?:all )?(?:ads|advertising)",
        r"journalism is (?:banned|blocked|censored)",
        r"please (?:consider )?(?:support|donat|subscrib|contribut)\w*",
        r"support us (?:monthly|today|now|with|from)",
        r"remind me later",
        r"not ready to (?:support|donate|subscribe|give|contribute)",
        r"become a (?:member|supporter|subscriber|patron)",
        r"(?:sign up|subscribe) (?:for|to) (?:our|the) (?:\w+ ){0,2}newsletters?",
        r"(?:donate|subscribe|contribute|give) (?:now|today)",
        r"make a (?:one-time |monthly |recurring |tax-deductible )?(?:donation|contribution)",
        r"enjoying ad-free|ad-free (?:content|experience|reading)",
        r"whitelist us|(?:turn off|disable|pause) (?:your )?ad ?-?blocker",
        r"already a (?:subscriber|member)\?|cancel anytime|unlimited (?:digital )?access",
        r"starting (?:from|at) (?:just|only) \$",
    ),
    re.IGNORECASE,
)
WEAK_APPEAL = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\byour (?:support|contribution|donation|generosity)\b",
        r"\bwe need your (?:help|support)\b",
        r"\bsupport (?:us|our (?:work|journalism|newsroom|reporting|mission))\b",
        r"\b(?:independent|our) journalism\b",
        r"\bour (?:critical |vital |important )?mission\b",
        r"\bdonat(?:e|es|ed|ing|ions?)\b",
        r"\bsubscri(?:be|bers?|ptions?)\b",
        r"\breader[- ](?:funded|supported)\b",
        r"\bad[- ]free\b",
        r"\bpaywall\b",
    )
)
# Weak cues count only in a paragraph that addresses the reader or speaks for "us".
ADDRESS = re.compile(r"\b(?:you|your|we|us|our)\b", re.IGNORECASE)
QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|«[^»]*»")
NEWS_LIKE = re.compile(
    r"\b(?:said|says|told|according to|announced|added|stated|reported|declared|insisted|warned|urged)\b",
    re.IGNORECASE,
)


# --- date lines -----------------------------------------------------------------
# A date line is looser than a date value (compare.text.parse_date): "9/24/10" is one too.
LINE_DATE = alternatives(
    rf"{MONTH}\s+\d{{1,2}}{ORDINAL},?\s+\d{{4}}",  # September 24, 2010
    rf"\d{{1,2}}{ORDINAL}\s+{MONTH},?\s+\d{{4}}",  # 23 Feb, 2010
    r"\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?",  # 2010-09-24
    r"\d{1,2}[./]\d{1,2}[./]\d{2,4}",  # 24.09.2010, 9/24/10
    rf"{MONTH}-\d{{1,2}}-\d{{2,4}}",  # Dec-19-05: a forum's stamp
)
_TIME = (
    r"(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?\s?m\.?)?"  # "p. m.": re-tokenised; a zone's offset may be "+05: 00"
    r"(?:\s*\(?(?:[A-Z]{2,5}|GMT|UTC)(?:\s*[+-]\s*\d{1,2}(?::?\s?\d{2})?)?\)?)?"
)
# Each optional colon or mark has the spaces after it inside its own group ("\s*(?::\s*)?", not
# "\s*:?\s*"): a run of spaces is then read one way only, as a long hostile line needs.
_STAMP = r"(?:(?:first |last )?(?:published|updated|posted|modified|edited)|date)(?: on)?\s*(?::\s*)?"  # "Last updated at"
_SEPARATOR = r"\s*(?:[,|·•–—@-]\s*)?"
_STAMPED = (  # one date, stamped or not, with its time before or after it
    rf"(?:{_STAMP})?(?:(?:{WEEKDAY},?\s+)?{LINE_DATE}(?:{_SEPARATOR}(?:{_STAMP})?{_TIME})?"
    rf"|{_TIME}{_SEPARATOR}(?:{WEEKDAY},?\s+)?{LINE_DATE})"
)
DATED_LINE = re.compile(
    # "Posted: 04/9/2012 8:33 am Updated: 04/9/2012 8:33 am", "Published: 12:05 PM EST 03/11/2013"
    # At most three: a line of dates and times splits into stamped dates in a number of ways that
    # grows exponentially with its length ("1/1/11 1:11 1/1/11 1:11 ..." of 100 characters took
    # 3.4 s to refuse, of 150 about an hour, growing fourfold every 12), and a page stamps a date at most thrice.
    rf"{_STAMPED}(?:{_SEPARATOR}{_STAMPED}){{0,2}}"
    rf"|(?:{WEEKDAY},?\s+)?{MONTH}\s+\d{{1,2}}"  # "APR 28" alone on its line
    rf"|for immediate release(?:\s*:?\s*{_STAMPED})?"  # a press release's first line
    rf"|{_STAMP}(?:at\s+)?{_TIME}",  # a stamped time alone: "Updated 4:08 p. m. ET"
    re.IGNORECASE,
)
