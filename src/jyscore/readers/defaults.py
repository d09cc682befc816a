"""Values a run supplies for sheet inputs that the sheets may leave out (e.g. the employment
targets).

The sheet checker takes them *before* it checks a sheet, so an input that the run supplies is
never reported missing, and a sheet that gives a different value is an error naming both places.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from jyscore.core.text import identity


@dataclass(frozen=True)
class Default:
    """A value supplied from outside the sheet, with where it was given (``targets.yaml:3``)."""

    value: Decimal
    source: str


@dataclass(frozen=True)
class SheetDefaults:
    """Values for sheet inputs that a run supplies per college, e.g. the employment targets.

    ``covers`` names, per bonus item id, the inputs these defaults are responsible for: when a
    sheet leaves one of them out and there is no default for its college, that is an error naming
    ``source``. ``values`` maps college (its :func:`jyscore.core.text.identity`) -> item id -> input
    name -> :class:`Default`.
    """

    source: str
    covers: Mapping[str, tuple[str, ...]]
    values: Mapping[str, Mapping[str, Mapping[str, Default]]] = field(default_factory=dict)

    def for_entry(self, college: str | None, item_id: str) -> dict[str, Default]:
        if college is None:
            return {}
        # colleges are matched as the duplicate check matches them
        return dict(self.values.get(identity(college), {}).get(item_id, {}))

    def covered(self, item_id: str) -> tuple[str, ...]:
        return tuple(self.covers.get(item_id, ()))
