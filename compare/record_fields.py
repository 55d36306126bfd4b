"""A JSON record's fields (stage 1, :mod:`compare.load`): the names read, and what each may hold.

Each field is read from the first of its names that the record gives a value: null (``None``) is no
value, and so is a string that shows nothing (blank, or only invisible characters), which gives way
to the next name.  The first value of another kind stops the record with one line naming the
record and the field (``records.json record 2: the "date" field is a number, not a date string
such as "2010-09-24"``), never passes silently; the README's input section lists the rules:

* text (``text``, ``body``, ``content``), title, outlet and URL: strings.  An outlet may be an
  object with a ``name`` string, as NewsAPI writes its ``source``; one whose ``name`` is null or
  missing names no outlet;
* date: a string, read by :func:`compare.metadata.record_date` (one it cannot read is no date,
  as a date of the prose would be), or, from the Python API, a ``datetime.date`` or
  ``datetime.datetime`` (its calendar day as written).  A number is refused: seconds or
  milliseconds since 1970, or ``20100924``, cannot be told apart;
* ``id``: a string, or a whole number, which is written in decimal (``7`` → ``"7"``: exports number
  their records).  An integer too long to read (:class:`compare.untrusted.HugeNumber`) leaves the
  default id, as a blank one does.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from compare import untrusted
from compare.errors import InputError, json_kind
from compare.untrusted import HugeNumber

TEXT_FIELDS = ("text", "body", "content")
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = ("date", "published", "published_at", "pubDate")
OUTLET_FIELDS = ("outlet", "source", "sitename", "site")
URL_FIELDS = ("url", "link")

NO_TEXT = f"no text field (expected one of {', '.join(TEXT_FIELDS)})"


@dataclass(frozen=True, slots=True)
class Fields:
    """What a record gives, as written: ``date`` is the date's text, for
    :func:`compare.metadata.record_date`; ``id`` None where the record has none to use."""

    text: str
    id: str | None
    title: str | None
    date: str | None
    outlet: str | None
    url: str | None


def record_fields(record: Mapping[str, Any], where: str) -> Fields:
    """The fields of ``record``, or an :class:`InputError` on ``where`` naming the first field of
    the wrong kind, or the missing text."""
    text = _first(record, TEXT_FIELDS, where, "a string of text")
    if text is None:
        invisible = any(isinstance(record.get(name), str) and record[name].strip() for name in TEXT_FIELDS)
        raise InputError(where, untrusted.INVISIBLE if invisible else NO_TEXT)
    return Fields(
        text=text,
        id=_id(record, where),
        title=_first(record, TITLE_FIELDS, where, "a string of text"),
        date=_date(record, where),
        outlet=_outlet(record, where),
        url=_first(record, URL_FIELDS, where, "a string (a web address)"),
    )


def _kind(value: object) -> str:
    """A value's kind for a message: its JSON name, or a Python type's (API records hold any)."""
    if isinstance(value, float):
        return "a number with a fraction" if value % 1 else "a number"
    if value is None or isinstance(value, str | bool | int | dict | list | HugeNumber):
        return json_kind(value)
    return f"a Python {type(value).__name__} object"


def _wrong(where: str, name: str, value: object, expected: str) -> InputError:
    return InputError(where, f'the "{name}" field is {_kind(value)}, not {expected}')


def _first(record: Mapping[str, Any], names: Sequence[str], where: str, expected: str) -> str | None:
    """The first of ``names`` that holds a string showing something, as written; None when none
    does; an error for the first that holds something else (null is no value)."""
    for name in names:
        value = record.get(name)
        if isinstance(value, str):
            if untrusted.visible(value):
                return value
        elif value is not None:
            raise _wrong(where, name, value, expected)
    return None


def _date(record: Mapping[str, Any], where: str) -> str | None:
    for name in DATE_FIELDS:
        value = record.get(name)
        if isinstance(value, datetime.date):  # the Python API: a date, a datetime (pandas' Timestamp too)
            return value.isoformat()[:10]
        if isinstance(value, str):
            if untrusted.visible(value):
                return value
        elif value is not None:
            raise _wrong(where, name, value, 'a date string such as "2010-09-24"')
    return None


def _outlet(record: Mapping[str, Any], where: str) -> str | None:
    for name in OUTLET_FIELDS:
        value = record.get(name)
        if isinstance(value, Mapping):  # NewsAPI style: "source": {"id": ..., "name": "BBC News"}
            value = value.get("name")
            if value is not None and not isinstance(value, str):
                raise InputError(where, f'the "{name}" field\'s "name" is {_kind(value)}, not a string of text')
        if isinstance(value, str):
            if value.strip():
                return value.strip()
        elif value is not None:
            raise _wrong(where, name, value, "a string of text")
    return None


def _id(record: Mapping[str, Any], where: str) -> str | None:
    value = record.get("id")
    if isinstance(value, str):
        return value.strip() if untrusted.visible(value) else None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if value is None or isinstance(value, HugeNumber):
        return None
    raise _wrong(where, "id", value, "a string or a whole number")
