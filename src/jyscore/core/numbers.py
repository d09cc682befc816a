"""Exact numbers: text in, :class:`~decimal.Decimal` out, and back to text without float noise.

``Decimal(text)`` alone is too lenient for hand-typed sheets: it accepts ``1_0``, ``nan``,
``Infinity``, ``1e3`` and full-width digits. A score is written as plain ASCII digits with an
optional fraction, so that is all this module accepts.
"""

from __future__ import annotations

import decimal
import functools
import re
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any, TypeVar

# Every number a rubric or a sheet gives is bounded where it is read: at most this many digits
# before and after the point (no exponent is accepted at all). Sums of tens of thousands of such
# values, and their products with counts, stay far inside the exact context below.
MAX_INTEGER_DIGITS = 12
MAX_FRACTION_DIGITS = 10
ZERO = Decimal(0)
_NUMBER = re.compile(r"[+-]?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?")
_DIGITS = re.compile(r"[+-]?([0-9]*)(?:\.([0-9]*))?")
_WHOLE = re.compile(r"\+?(?:0|[1-9][0-9]*)")
_BOOLEAN_WORDS = frozenset(
    ["y", "yes", "n", "no", "true", "false", "on", "off"]
)


# The context every computation on scores runs in (:func:`exact`): a precision no bounded input
# comes near, and any rounding (which would change a score silently) or inexact result raises.
EXACT = decimal.Context(
    prec=100, Emax=999_999, Emin=-999_999,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow,
           decimal.Inexact, decimal.Rounded],
)
F = TypeVar("F", bound=Callable[..., Any])


def exact(function: F) -> F:
    """Run ``function`` in the :data:`EXACT` context (the caller's own context is untouched)."""

    @functools.wraps(function)
    def in_exact_context(*args: Any, **kwargs: Any) -> Any:
        with decimal.localcontext(EXACT):
            return function(*args, **kwargs)

    return in_exact_context  # type: ignore[return-value]


# Sheets repeat a few dozen values ("5", "4.5"): each text is parsed once and its Decimal shared
# (Decimals are immutable), which saves time and, on runs of thousands of sheets, memory.
_PARSED: dict[str, Decimal] = {}
_PARSED_LIMIT = 4096


def parse_decimal(text: str) -> Decimal | None:
    """The exact value of a plain decimal literal, or None when ``text`` is not one."""
    number = _PARSED.get(text)
    if number is not None:
        return number
    stripped = text.strip()
    if len(stripped) > 40 or not _NUMBER.fullmatch(stripped) or too_many_digits(stripped):
        return None
    number = Decimal(stripped)
    if len(_PARSED) < _PARSED_LIMIT:
        _PARSED[text] = number
    return number


def too_many_digits(text: str) -> bool:
    """Whether a plain decimal literal has more digits than any score, point or rate may have."""
    match = _DIGITS.fullmatch(text.strip())
    if match is None:
        return False
    whole, fraction = match.group(1).lstrip("0"), match.group(2) or ""
    return len(whole) > MAX_INTEGER_DIGITS or len(fraction) > MAX_FRACTION_DIGITS


def parse_whole(text: str) -> int | None:
    """A non-negative whole number written as plain digits, or None."""
    text = text.strip()
    if len(text) > 12 or not _WHOLE.fullmatch(text):
        return None
    return int(text)


def looks_boolean(text: str) -> bool:
    return text.strip().lower() in _BOOLEAN_WORDS


def format_decimal(value: Decimal | int) -> str:
    """Shortest exact text: ``Decimal('86.50')`` -> ``86.5``, ``Decimal('1E+2')`` -> ``100``."""
    if isinstance(value, int):
        return str(value)
    normal = value.normalize(EXACT)
    if normal == 0:
        return "0"
    return format(normal, "f")


def format_signed(value: Decimal) -> str:
    """A difference with its sign: ``+0.5``, ``-1``, ``0`` (the 差值 of every table)."""
    return ("+" if value > 0 else "") + format_decimal(value)


def round_half_up(value: Fraction, places: int) -> Decimal:
    """``value`` rounded half-up (away from zero on a half) to ``places`` decimals, exactly: in
    integers, so no Decimal context can round it a second time."""
    scaled = abs(value) * 10**places
    rounded = (scaled.numerator * 2 + scaled.denominator) // (2 * scaled.denominator)
    return Decimal(-rounded if value < 0 else rounded).scaleb(-places)


def format_fraction(value: Fraction, places: int = 2) -> str:
    """A fraction as a decimal rounded half-up to ``places`` digits, trailing zeros dropped."""
    return format_decimal(round_half_up(value, places))

