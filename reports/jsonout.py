"""The JSON report: the contract "storycompare/1", exactly ``Comparison.to_dict()``."""

from __future__ import annotations

import json

from compare.models import Comparison


def render_json(comparison: Comparison) -> str:
    return json.dumps(comparison.to_dict(), ensure_ascii=False, indent=2) + "\n"
