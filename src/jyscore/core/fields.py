"""Field types of the rubric's classes: annotations that carry pydantic constraints as metadata.

Shared by :mod:`jyscore.core.models` and the rule kinds (:mod:`jyscore.core.rules`), which the
models look up: the kinds import this module, never the models, so that the imports run one way.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

# the years a sheet, a targets file or a command may name
YEARS = range(1900, 2201)
# what pydantic's model config would say, on every class a rubric file is read into: a rubric
# file with an unknown key is an error
STRICT_KEYS: dict[str, Any] = {"extra": "forbid"}


class Constraint:
    """Validation metadata: pydantic's ``Field(**rules)``, imported only when pydantic validates.

    ``Annotated[Decimal, Constraint(gt=0)]`` means what ``Annotated[Decimal, Field(gt=0)]``
    means to pydantic (its ``__get_pydantic_core_schema__`` hook), and nothing at all otherwise.
    """

    def __init__(self, **rules: Any) -> None:
        self.rules = rules

    def __repr__(self) -> str:
        return f"Constraint({', '.join(f'{k}={v!r}' for k, v in self.rules.items())})"

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic import Field

        return handler(Annotated[source, Field(**self.rules)])


PositiveDecimal = Annotated[Decimal, Constraint(gt=0)]
NonNegativeDecimal = Annotated[Decimal, Constraint(ge=0)]
Text = Annotated[str, Constraint(min_length=1)]
