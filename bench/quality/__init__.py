"""Quality of the derivation, scored against gold sets.

``python -m bench.quality`` prints one table; ``--gate`` exits non-zero when a
score is below its acceptance number. Each area is a module with
``evaluate(shared: Path, quick: bool) -> list[Score]``; a module whose data set
is missing returns no rows.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Score:
    area: str
    measure: str
    value: float
    target: float | None = None
    higher_is_better: bool = True
    detail: str = ""
    unit: str = ""

    @property
    def passed(self) -> bool | None:
        if self.target is None:
            return None
        return self.value >= self.target if self.higher_is_better else self.value <= self.target

    def shown(self, number: float) -> str:
        if self.unit == "count":
            return f"{number:.0f}"
        if self.unit == "ratio":
            return f"{number:.3f}"
        return f"{number:.2f}"
