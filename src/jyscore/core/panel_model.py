"""What a panel is: the settings in force, its members (each assessor's scored sheet), its
published totals, and what a ranking keeps of it. Pure data; :mod:`jyscore.core.panels` builds it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from jyscore.core.engine import Result, Totals
from jyscore.core.models import ASSESSED, PANEL_LEVELS, PANEL_METHODS, Rubric
from jyscore.core.panel_figures import Figure


@dataclass(frozen=True)
class PanelSettings:
    """The method, level and places in force: the rubric's ``panel:``, ``--panel`` overriding."""

    method: str = "mean"
    level: str = "total"
    places: int = 2

    def __post_init__(self) -> None:
        if self.method not in PANEL_METHODS:
            raise ValueError(f"method must be one of {PANEL_METHODS}, not {self.method!r}")
        if self.level not in PANEL_LEVELS:
            raise ValueError(f"level must be one of {PANEL_LEVELS}, not {self.level!r}")
        if self.places < 0:
            raise ValueError("places must not be negative")

    @classmethod
    def of(cls, rubric: Rubric, method: str | None = None) -> PanelSettings:
        spec = rubric.panel
        return cls(method or spec.method, spec.level, spec.places)



@dataclass(frozen=True)
class PanelTotals(Totals):
    """A panel's published totals: base and bonus rounded, and the total published on its own
    (``level: total`` aggregates it separately, so it need not be their sum)."""

    published_total: Decimal = Decimal(0)
    # the adjustments' figure, aggregated on its own (``adjustments`` holds each adjustment's
    # aggregated amount: under a median their sum need not be this)
    published_adjustment: Decimal = Decimal(0)

    @property
    def total(self) -> Decimal:
        return self.published_total

    @property
    def adjustment(self) -> Decimal:
        return self.published_adjustment



@dataclass(frozen=True)
class Member:
    """One assessor of a panel and the result of their sheet."""
    assessor: str
    result: Result

    @property
    def source(self) -> str:
        return self.result.sheet.source

    @property
    def totals(self) -> Totals | None:
        return self.result.totals.get(ASSESSED)


@dataclass(frozen=True)
class PanelSummary:
    """What a ranking keeps of a panel: who, each one's assessed total, and how it was made."""

    assessors: tuple[str, ...]
    member_totals: tuple[Totals | None, ...]
    settings: PanelSettings
    notes: tuple[tuple[str, str, str], ...] = ()  # (node id, assessor, note), in form order

    @property
    def totals(self) -> tuple[Decimal | None, ...]:
        return tuple(t.total if t else None for t in self.member_totals)

    @property
    def spread(self) -> Decimal | None:
        """Highest minus lowest assessor total (0 for one assessor; None if one has none)."""
        if any(t is None for t in self.totals):
            return None
        known = [t for t in self.totals if t is not None]
        return max(known) - min(known)


@dataclass(frozen=True)
class Panel:
    """A panel's members and its result: ``result`` holds the published figures in the
    assessed column and the college's own self-assessment; ``figures`` how each row (by node
    id) and each total (``base``, ``bonus``, ``total``) was made."""

    members: tuple[Member, ...]
    settings: PanelSettings
    result: Result
    figures: Mapping[str, Figure]

    @property
    def assessors(self) -> tuple[str, ...]:
        return tuple(m.assessor for m in self.members)

    @property
    def summary(self) -> PanelSummary:
        notes = tuple(
            (row.node.id, member.assessor, row.note)
            for index in range(len(self.result.rows))
            for member in self.members
            if (row := member.result.rows[index]).note
        )
        return PanelSummary(self.assessors, tuple(m.totals for m in self.members), self.settings,
                            notes)

