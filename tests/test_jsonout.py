"""The JSON report's encoder writes what ``json.dumps(..., ensure_ascii=False, indent=2)`` writes."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reports.jsonout import dumps_indented

SCALARS = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(alphabet=st.characters(codec="utf-8"), max_size=8)
)
KEYS = st.text(max_size=5) | st.integers() | st.booleans() | st.none() | st.floats()
JSONLIKE = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.lists(inner, max_size=3).map(tuple)
    | st.dictionaries(KEYS, inner, max_size=4),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None)
@given(value=JSONLIKE)
def test_equals_the_standard_library(value: Any) -> None:
    assert dumps_indented(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_refuses_what_the_standard_library_refuses() -> None:
    with pytest.raises(TypeError):
        dumps_indented({"a": [object()]})
    with pytest.raises(TypeError):
        dumps_indented({(1, 2): "a tuple key"})
