"""The id a mistyped id most likely meant, for "did you mean …?", at a bounded cost.

A rubric may have thousands of items and a sheet thousands of unknown ids, so no id is compared
with every id of the rubric. The candidates are only those a typo can reach, each found by a set
lookup: the ids one edit away (a digit or a dot added, removed, replaced or two swapped), the
siblings a few numbers away under the same parent, and the id's own ancestors. They are then
ranked as a person would guess:

1. an id the sheet has not scored yet (the typo took its place): these are also found further
   away when only the dots differ and at most two neighbouring digits are swapped (``1.14`` for
   ``1.4.1``), among at most ``MAX_WIDER`` missing ids;
2. a sibling: the same parent (``1.4.3`` means ``1.4.2`` sooner than ``3.4.3``);
3. fewer edits, then the nearer number.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from collections.abc import Set as AbstractSet

_ALPHABET = "0123456789."
SIBLING_REACH = 9  # siblings up to this many numbers away are candidates
MAX_RANKED = 64  # at most this many candidates are measured (edit distance) per id
MAX_WIDER = 256  # missing ids measured for the wider allowance, when there are no more
WIDER = 2  # edits allowed to reach an id the sheet is missing


def normal_id(word: str) -> str:
    """The id as meant: full-width digits and Chinese punctuation as ASCII, no spaces."""
    text = unicodedata.normalize("NFKC", word).strip()
    for char in "，,。、":
        text = text.replace(char, ".")
    return text.replace(" ", "")


def _one_edit(word: str) -> Iterator[str]:
    for i in range(len(word) + 1):
        head, tail = word[:i], word[i:]
        for char in _ALPHABET:
            yield head + char + tail  # inserted
        if tail:
            yield head + tail[1:]  # deleted
            for char in _ALPHABET:
                yield head + char + tail[1:]  # replaced
            if len(tail) > 1:
                yield head + tail[1] + tail[0] + tail[2:]  # swapped


def _parent(item_id: str) -> str:
    return item_id.rpartition(".")[0]


def _last_number(item_id: str) -> int | None:
    last = item_id.rpartition(".")[2]
    return int(last) if last.isdigit() and len(last) <= 6 else None


def _distance(a: str, b: str) -> int:
    """Levenshtein distance of two short strings."""
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (char_a != char_b)))
        previous = current
    return previous[-1]


def _same_digits_near(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with its dots moved, added or dropped and at most two neighbouring
    digits swapped (``1.14`` and ``1.4.1``), and no more than ``WIDER`` characters longer or
    shorter."""
    if abs(len(a) - len(b)) > WIDER:
        return False
    x, y = a.replace(".", ""), b.replace(".", "")
    if x == y:
        return True
    if len(x) != len(y):
        return False
    differ = [i for i in range(len(x)) if x[i] != y[i]]
    return (len(differ) == 2 and differ[1] == differ[0] + 1
            and x[differ[0]] == y[differ[1]] and x[differ[1]] == y[differ[0]])


def nearest_id(word: str, known: AbstractSet[str], missing: AbstractSet[str]) -> str | None:
    """The known id ``word`` most likely meant (see the module's ranking), or None."""
    normal = normal_id(word)
    if normal != word and normal in known:
        return normal
    if not normal or len(normal) > 40:  # not an id anyone typed by hand
        return None
    candidates = {c for c in _one_edit(normal) if c in known}
    parent, number = _parent(normal), _last_number(normal)
    if number is not None:
        prefix = f"{parent}." if parent else ""
        for step in range(1, SIBLING_REACH + 1):
            for sibling in (number - step, number + step):
                if sibling >= 0 and f"{prefix}{sibling}" in known:
                    candidates.add(f"{prefix}{sibling}")
    ancestor = parent
    while ancestor:
        if ancestor in known:
            candidates.add(ancestor)
        ancestor = _parent(ancestor)
    if len(missing) <= MAX_WIDER:
        candidates.update(m for m in missing if _same_digits_near(normal, m))
    candidates.discard(normal)
    if not candidates:
        return None

    def rank(candidate: str) -> tuple[bool, bool, int, int, str]:
        other = _last_number(candidate)
        apart = abs(other - number) if other is not None and number is not None else 0
        return (candidate not in missing, _parent(candidate) != parent,
                _distance(normal, candidate), apart, candidate)

    return min(sorted(candidates)[:MAX_RANKED], key=rank)
