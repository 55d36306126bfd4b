"""compare.records.record: the same frozen record as @dataclass(frozen=True, slots=True) makes."""

from __future__ import annotations

import dataclasses
import pickle
from dataclasses import dataclass, field

import pytest

from compare.records import record


@dataclass(frozen=True, slots=True)
class Plain:
    a: int
    b: str
    c: tuple[int, ...] = ()
    d: list[int] = field(default_factory=list)
    e: int = field(default=3, kw_only=True)


@record
class Quick:
    a: int
    b: str
    c: tuple[int, ...] = ()
    d: list[int] = field(default_factory=list)
    e: int = field(default=3, kw_only=True)


def as_plain(record: Quick) -> Plain:
    return Plain(record.a, record.b, record.c, record.d, e=record.e)


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [((1, "x"), {}), ((1, "x", (2,), [4]), {"e": 5}), ((), {"b": "y", "a": 2, "d": [1]}), ((1,), {"b": "z", "c": (7, 8)})],
)
def test_the_same_record_as_the_dataclass_makes(args: tuple[object, ...], kwargs: dict[str, object]) -> None:
    quick = Quick(*args, **kwargs)
    assert as_plain(quick) == Plain(*args, **kwargs)
    assert repr(quick) == repr(Plain(*args, **kwargs)).replace("Plain", "Quick")
    assert quick == Quick(*args, **kwargs) and hash(Quick(1, "x", (2,), None)) == hash(Quick(1, "x", (2,), None))


def test_still_frozen_and_replaceable_and_picklable() -> None:
    made = Quick(1, "x")
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.a = 2
    assert dataclasses.replace(made, a=9) == Quick(9, "x")
    assert pickle.loads(pickle.dumps(made)) == made
    assert dataclasses.is_dataclass(made) and Quick.__slots__ == Plain.__slots__


def test_a_default_factory_makes_a_new_value_each_time() -> None:
    assert Quick(1, "x").d == [] and Quick(1, "x").d is not Quick(1, "x").d


def test_wrong_arguments_are_refused_as_by_the_dataclass() -> None:
    with pytest.raises(TypeError, match="missing 1 required positional argument: 'b'"):
        Quick(1)
    with pytest.raises(TypeError, match="positional arguments"):
        Quick(1, "x", (), [], 5)
    with pytest.raises(TypeError, match="unexpected keyword argument 'f'"):
        Quick(1, "x", f=2)


def test_classes_it_cannot_serve_are_refused() -> None:
    with pytest.raises(TypeError, match="__post_init__"):

        @record
        class Checked:
            a: int

            def __post_init__(self) -> None:
                pass

    with pytest.raises(TypeError, match="outside __init__"):

        @record
        class Hidden:
            a: int
            b: int = field(default=0, init=False)
