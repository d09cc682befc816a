"""A small, safe expression language for tier conditions: ``rate - previous >= 4``.

Parsed with Python's :mod:`ast` and a whitelist: numbers (exact: read from their text as
Fraction, never float), names (only the item's declared inputs, checked by the rubric's
consistency checks), ``+ - * /``, comparisons (chains too), ``and``/``or``/``not``, parentheses,
``a if condition else b``, and the calls ``min(…)``, ``max(…)``, ``floor(x)``, ``ceil(x)``. No
attributes, subscripts, strings or other calls; at most :data:`MAX_LENGTH` characters and
:data:`MAX_DEPTH` levels. A compiled expression is a tree of plain tuples (picklable, no
``ast`` needed to evaluate it) that evaluates exactly and translates to an Excel 2010 formula.
"""

from __future__ import annotations

import math
import operator
import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

from jyscore.i18n.messages import Phrase, hint, phrase

MAX_LENGTH = 200
MAX_DEPTH = 12
_NUMBER = re.compile(r"(0|[1-9][0-9]{0,11})(\.[0-9]{1,9})?")
_COMPARE = {"Lt": "<", "LtE": "<=", "Gt": ">", "GtE": ">=", "Eq": "=", "NotEq": "<>"}
_ARITH = {"Add": "+", "Sub": "-", "Mult": "*", "Div": "/"}
_CALLS = {"min": "MIN", "max": "MAX", "floor": "FLOOR", "ceil": "CEIL"}
_ONE_ARGUMENT = {"floor", "ceil"}

# ("num", Fraction) | ("name", str) | ("neg", e) | ("arith", op, a, b) | ("call", f, (args…))
# | ("cmp", ((op, a, b), …)) | ("and"|"or", (e, …)) | ("not", e)
Expr = tuple[Any, ...]


class ExprError(ValueError):
    """A condition that is not in the language; the message says where and what is allowed.

    ``phrase`` keeps the words language-free: the rubric's problem shows them in the language
    of the problem (pydantic keeps only this exception's English ``str``)."""

    def __init__(self, said: Phrase) -> None:
        super().__init__(str(said))
        self.phrase = said


def compile_expr(text: str) -> Expr:
    import ast  # only when a rubric file is validated: the cached rubric holds compiled formulas

    if len(text) > MAX_LENGTH:
        raise ExprError(phrase("expr-too-long", limit=MAX_LENGTH))
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except SyntaxError as exc:
        raise ExprError(phrase("expr-syntax-at", at=exc.offset or 1)) from None
    except (ValueError, UnicodeError, RecursionError, MemoryError):
        raise ExprError(phrase("expr-syntax")) from None
    return _Compiler(text.strip(), ast.get_source_segment).visit(tree.body, 0)


class _Compiler:
    """An ``ast`` expression -> :data:`Expr`, one method per kind of node allowed; any other
    node, operator or call is refused at its character in the rubric's text."""

    def __init__(self, source: str, segment: Callable[[str, Any], str | None]) -> None:
        self.source = source
        self.segment = segment  # ast.get_source_segment: the text of a node
        self.encoded = source.encode("utf-8")  # ast's offsets count UTF-8 bytes, a reader chars
        self.visitors: dict[str, Callable[[Any, int], Expr]] = {
            "Constant": self._constant, "Name": self._name, "UnaryOp": self._unary,
            "BinOp": self._binary, "BoolOp": self._boolean, "Compare": self._compare,
            "Call": self._call, "IfExp": self._if,
        }

    def visit(self, node: Any, depth: int) -> Expr:
        if depth > MAX_DEPTH:
            raise ExprError(phrase("expr-too-deep", limit=MAX_DEPTH))
        visitor = self.visitors.get(type(node).__name__)
        if visitor is None:
            raise self.fail(node)
        return visitor(node, depth)

    def condition(self, node: Any, depth: int) -> Expr:
        """A part that must be true or false: a comparison, or and/or/not of them."""
        found = self.visit(node, depth)
        if not is_condition(found):
            raise ExprError(phrase("expr-not-condition-at", at=self.character_of(node)))
        return found

    def character(self, offset: int) -> int:
        return len(self.encoded[:offset].decode("utf-8", errors="ignore")) + 1

    def character_of(self, node: Any) -> int:
        return self.character(getattr(node, "col_offset", 0))

    def operator_at(self, left: Any, right: Any) -> int:
        """The character where the operator between two operands starts (not the left one)."""
        start, end = getattr(left, "end_col_offset", None), getattr(right, "col_offset", None)
        if start is None or end is None:
            return self.character_of(left)
        between = self.encoded[start:end].decode("utf-8", errors="ignore")
        skipped = len(between) - len(between.lstrip(" \t)"))
        return self.character(start) + skipped

    def fail(self, node: Any, what: str | Phrase | None = None,
             at: int | None = None) -> ExprError:
        if what is None:
            what = repr(self.segment(self.source, node) or type(node).__name__)
        where = at if at is not None else self.character_of(node)
        return ExprError(phrase("expr-not-allowed", what=what, at=where))

    def _constant(self, node: Any, depth: int) -> Expr:
        literal = self.segment(self.source, node) or ""
        if isinstance(node.value, bool) or not isinstance(node.value, (int, float)) \
                or not _NUMBER.fullmatch(literal):
            raise self.fail(node, phrase("expr-what-value", value=repr(literal)))
        return ("num", Fraction(literal))

    def _name(self, node: Any, depth: int) -> Expr:
        return ("name", node.id)

    def _unary(self, node: Any, depth: int) -> Expr:
        op = type(node.op).__name__
        if op == "USub":
            return ("neg", self.visit(node.operand, depth + 1))
        if op == "Not":
            return ("not", self.condition(node.operand, depth + 1))
        raise self.fail(node, phrase("expr-what-operator"))

    def _binary(self, node: Any, depth: int) -> Expr:
        op = type(node.op).__name__
        if op not in _ARITH:
            raise self.fail(node, phrase("expr-what-operator"),
                            self.operator_at(node.left, node.right))
        return ("arith", _ARITH[op], self.visit(node.left, depth + 1),
                self.visit(node.right, depth + 1))

    def _boolean(self, node: Any, depth: int) -> Expr:
        name = "and" if type(node.op).__name__ == "And" else "or"
        return (name, tuple(self.condition(v, depth + 1) for v in node.values))

    def _compare(self, node: Any, depth: int) -> Expr:
        left = self.visit(node.left, depth + 1)
        left_node = node.left
        links = []
        for op, right_node in zip(node.ops, node.comparators, strict=False):
            name = type(op).__name__
            if name not in _COMPARE:
                raise self.fail(node, phrase("expr-what-comparison"),
                                self.operator_at(left_node, right_node))
            right = self.visit(right_node, depth + 1)
            links.append((_COMPARE[name], left, right))
            left, left_node = right, right_node
        return ("cmp", tuple(links))

    def _call(self, node: Any, depth: int) -> Expr:
        func = node.func
        if type(func).__name__ != "Name" or func.id not in _CALLS or node.keywords \
                or not node.args or (func.id in _ONE_ARGUMENT and len(node.args) != 1):
            raise self.fail(node, phrase("expr-what-call"))
        return ("call", _CALLS[func.id], tuple(self.visit(a, depth + 1) for a in node.args))

    def _if(self, node: Any, depth: int) -> Expr:
        return ("if", self.condition(node.test, depth + 1), self.visit(node.body, depth + 1),
                self.visit(node.orelse, depth + 1))


def is_condition(expr: Expr) -> bool:
    """Whether the expression is true or false: a comparison, or and/or/not of conditions
    (an arithmetic value is not: "now - before" would hold for any value but 0)."""
    if expr[0] == "cmp":
        return True
    if expr[0] in ("and", "or"):
        return all(is_condition(part) for part in expr[1])
    if expr[0] == "not":
        return is_condition(expr[1])
    if expr[0] == "if":
        return is_condition(expr[2]) and is_condition(expr[3])
    return False


def compile_condition(text: str) -> Expr:
    """A condition (a tier's ``when``): an expression that compares, refused otherwise."""
    found = compile_expr(text)
    if not is_condition(found):
        raise ExprError(phrase("expr-not-condition"))
    return found


def names(expr: Expr) -> set[str]:
    """The input names an expression uses."""
    found: set[str] = set()

    def walk(part: Any) -> None:
        if not isinstance(part, tuple):
            return
        if len(part) == 2 and part[0] == "name" and isinstance(part[1], str):
            found.add(part[1])
            return
        for sub in part:
            walk(sub)

    walk(expr)
    return found


Number = Fraction | bool


def evaluate(expr: Expr, values: Mapping[str, Fraction]) -> Any:
    """The exact value: a Fraction, or a bool for a condition. Division by 0 is not a number
    (:class:`ZeroDivisionError`), and the caller treats the condition as not holding."""
    tag = expr[0]
    if tag == "num":  # the leaves, the most frequent, without a lookup
        return expr[1]
    if tag == "name":
        return values[expr[1]]
    return _EVALUATE[tag](expr, values)


def _negative(expr: Expr, values: Mapping[str, Fraction]) -> Any:
    return -evaluate(expr[1], values)


def _not(expr: Expr, values: Mapping[str, Fraction]) -> bool:
    return not evaluate(expr[1], values)


_ARITHMETIC: dict[str, Callable[[Any, Any], Any]] = {
    "+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv,
}


def _arithmetic(expr: Expr, values: Mapping[str, Fraction]) -> Any:
    left, right = evaluate(expr[2], values), evaluate(expr[3], values)
    return _ARITHMETIC[expr[1]](left, right)


_FUNCTIONS: dict[str, Callable[[list[Any]], Any]] = {
    "FLOOR": lambda args: Fraction(math.floor(args[0])),
    "CEIL": lambda args: Fraction(math.ceil(args[0])),
    "MIN": min,
    "MAX": max,
}


def _call(expr: Expr, values: Mapping[str, Fraction]) -> Any:
    return _FUNCTIONS[expr[1]]([evaluate(a, values) for a in expr[2]])


def _if(expr: Expr, values: Mapping[str, Fraction]) -> Any:
    return evaluate(expr[2] if evaluate(expr[1], values) else expr[3], values)


_COMPARISONS: dict[str, Callable[[Any, Any], bool]] = {
    "<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge, "=": operator.eq,
    "<>": operator.ne,
}


def _compare(expr: Expr, values: Mapping[str, Fraction]) -> bool:
    """A comparison, a chain too (``a < b <= c``): every link must hold."""
    for op, left, right in expr[1]:
        if not _COMPARISONS[op](evaluate(left, values), evaluate(right, values)):
            return False
    return True


def _and(expr: Expr, values: Mapping[str, Fraction]) -> bool:
    return all(evaluate(e, values) for e in expr[1])


def _or(expr: Expr, values: Mapping[str, Fraction]) -> bool:
    return any(evaluate(e, values) for e in expr[1])


# how each compound form of :func:`compile_expr`'s tree is evaluated
_EVALUATE: dict[str, Callable[[Expr, Mapping[str, Fraction]], Any]] = {
    "neg": _negative, "not": _not, "arith": _arithmetic, "call": _call, "if": _if,
    "cmp": _compare, "and": _and, "or": _or,
}


def to_excel(expr: Expr, cells: Mapping[str, str]) -> str:
    """The expression as an Excel formula fragment. A comparison is made on the difference of
    its sides rounded to 9 places, so that binary floating point (89.7+4 = 93.69999…) decides as
    the exact arithmetic does."""
    tag = expr[0]
    if tag == "num":
        value: Fraction = expr[1]
        return format(Decimal(value.numerator) / Decimal(value.denominator), "f") \
            if value.denominator != 1 else str(value.numerator)
    if tag == "name":
        return cells[expr[1]]
    if tag == "neg":
        return f"(-{to_excel(expr[1], cells)})"
    if tag == "not":
        return f"NOT({to_excel(expr[1], cells)})"
    if tag == "arith":
        return f"({to_excel(expr[2], cells)}{expr[1]}{to_excel(expr[3], cells)})"
    if tag == "call":
        args = [to_excel(a, cells) for a in expr[2]]
        if expr[1] == "FLOOR":  # INT rounds down, as floor does; the rounding absorbs float noise
            return f"INT(ROUND({args[0]},9))"
        if expr[1] == "CEIL":
            return f"(-INT(-ROUND({args[0]},9)))"
        return f"{expr[1]}({','.join(args)})"
    if tag == "if":
        condition, then, otherwise = (to_excel(part, cells) for part in expr[1:4])
        return f"IF({condition},{then},{otherwise})"
    if tag == "cmp":
        links = [f"ROUND({to_excel(a, cells)}-{to_excel(b, cells)},9){op}0"
                 for op, a, b in expr[1]]
        return links[0] if len(links) == 1 else f"AND({','.join(links)})"
    joined = ",".join(to_excel(e, cells) for e in expr[1])
    return f"{'AND' if tag == 'and' else 'OR'}({joined})"


# how tightly each form binds, for the parentheses of :func:`to_words`
_BINDING = {"if": 0, "or": 1, "and": 2, "not": 3, "cmp": 4, "+": 5, "-": 5, "*": 6, "/": 6,
            "neg": 7}
_SHOWN_COMPARE = {"<": "<", "<=": "≤", ">": ">", ">=": "≥", "=": "=", "<>": "≠"}
_SHOWN_ARITH = {"+": "+", "-": "−", "*": "×", "/": "÷"}
_CALL_PHRASES = {"MIN": "expr-words-min", "MAX": "expr-words-max", "FLOOR": "expr-words-floor",
                 "CEIL": "expr-words-ceil"}


def to_words(expr: Expr, words: Mapping[str, str]) -> str:
    """The expression for people, in the current language: each input named by ``words`` (its
    label), comparisons as ≥ ≤ ≠ =, ``and``/``or``/``not``, ``… if … else …`` and the calls in
    the catalogue's phrases. The rubric's own text (``when``, ``formula``) stays the machine form.
    """
    def binding(part: Expr) -> int:
        tag = part[0]
        return _BINDING[part[1]] if tag == "arith" else _BINDING.get(tag, 9)

    def inner(part: Expr, least: int) -> str:
        text = show(part)
        return hint("expr-words-group", inner=text) if binding(part) < least else text

    def show(part: Expr) -> str:
        tag = part[0]
        if tag == "num":
            value: Fraction = part[1]
            if value.denominator == 1:
                return str(value.numerator)
            return format(Decimal(value.numerator) / Decimal(value.denominator), "f")
        if tag == "name":
            return words.get(part[1], part[1])
        if tag == "neg":
            return "−" + inner(part[1], 8)
        if tag == "not":
            return hint("expr-words-not", condition=show(part[1]))
        if tag == "arith":
            level = _BINDING[part[1]]
            # the right side of - and / binds tighter: a - (b - c)
            right_least = level + 1 if part[1] in ("-", "/") else level
            return (f"{inner(part[2], level)} {_SHOWN_ARITH[part[1]]} "
                    f"{inner(part[3], right_least)}")
        if tag == "call":
            if part[1] in ("FLOOR", "CEIL"):
                return hint(_CALL_PHRASES[part[1]], value=inner(part[2][0], 8))
            values = hint("name-separator").join(show(a) for a in part[2])
            return hint(_CALL_PHRASES[part[1]], values=values)
        if tag == "if":
            return hint("expr-words-if", condition=inner(part[1], 1), then=inner(part[2], 1),
                        otherwise=inner(part[3], 1))
        if tag == "cmp":
            text = inner(part[1][0][1], 5)
            for op, _, right in part[1]:
                text += f" {_SHOWN_COMPARE[op]} {inner(right, 5)}"
            return text
        joiner = "expr-words-and" if tag == "and" else "expr-words-or"
        level = _BINDING[tag]
        shown_parts = [inner(e, level + 1) for e in part[1]]
        text = shown_parts[0]
        for following in shown_parts[1:]:
            text = hint(joiner, left=text, right=following)
        return text

    return show(expr)
