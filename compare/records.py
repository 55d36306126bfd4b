"""Frozen, slotted records with a quicker ``__init__``, for the records made by the thousand.

A frozen dataclass sets each field through ``object.__setattr__`` (its own ``__setattr__``
refuses), looked up anew for every field: a record of eight fields takes some 1.8 µs to make,
against 0.6 µs for a plain one.  The framing makes about 5,000 records for the example story.
:func:`record` is ``@dataclass(frozen=True, slots=True)`` with an ``__init__`` that sets each
field through its slot's descriptor instead: the same record, in about half the time.
Everything else stays the dataclass's own (frozen: assigning a field still raises
``FrozenInstanceError``; equality, hash, repr, :func:`dataclasses.replace`, pickling).
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T")


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field, dataclasses.Field))
def record(cls: type[T]) -> type[T]:
    """``@dataclass(frozen=True, slots=True)``, with a quicker ``__init__`` of the same
    signature: positional or keyword fields in order, defaults and default factories as
    declared.  ``__post_init__``, ``InitVar`` and fields left out of ``__init__`` are not
    supported (TypeError, when the class is made)."""
    made: Any = dataclasses.dataclass(frozen=True, slots=True)(cls)  # a new class, with the slots
    _quick_init(made)
    return made  # type: ignore[no-any-return]  # the class decorated, as dataclass returns it


def _quick_init(cls: Any) -> None:
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"record: {cls.__name__} has a __post_init__")
    fields = dataclasses.fields(cls)
    if any(not f.init for f in fields) or len(fields) != len(getattr(cls, "__dataclass_fields__", ())):
        raise TypeError(f"record: {cls.__name__} has a field outside __init__ or an InitVar")
    scope: dict[str, Any] = {"_FACTORY": _Factory()}
    params: list[str] = []
    keyword: list[str] = []
    body: list[str] = []
    for n, f in enumerate(fields):
        scope[f"_set{n}"] = cls.__dict__[f.name].__set__
        if f.default is not dataclasses.MISSING:
            scope[f"_default{n}"] = f.default
            param = f"{f.name}=_default{n}"
        elif f.default_factory is not dataclasses.MISSING:
            scope[f"_factory{n}"] = f.default_factory
            param = f"{f.name}=_FACTORY"
            body.append(f"if {f.name} is _FACTORY: {f.name} = _factory{n}()")
        else:
            param = f.name
        (keyword if f.kw_only else params).append(param)
        body.append(f"_set{n}(self, {f.name})")
    signature = ", ".join(["self", *params, *(["*", *keyword] if keyword else [])])
    source = f"def __init__({signature}) -> None:\n" + "".join(f"    {line}\n" for line in body or ["pass"])
    exec(source, scope)
    init = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    init.__doc__ = cls.__init__.__doc__
    type.__setattr__(cls, "__init__", init)


class _Factory:
    """The default of a field with a default factory: the factory is called when it is passed."""

    def __repr__(self) -> str:
        return "<factory>"


__all__ = ["record"]
