"""No internal error on any input: generated hostile inputs (tests/fuzzing.py) end in exit
0 or exit 2 with one line, never exit 1.  ``benchmarks/fuzz.py`` runs 10,000 of them."""

from __future__ import annotations

from pathlib import Path

from fuzzing import Case, cases, run_case
from hypothesis import HealthCheck, given, settings
from test_properties import THOROUGH


@settings(
    max_examples=600 if THOROUGH else 40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)
@given(case=cases())
def test_no_internal_error_on_generated_inputs(case: Case, tmp_path: Path) -> None:
    code, err = run_case(case, tmp_path / "case")
    assert code in (0, 2), err
    if code == 2:
        assert err.count("\n") == 1 or "warning: skipped" in err, err
        assert err.splitlines()[-1].startswith("storycompare: error: "), err
