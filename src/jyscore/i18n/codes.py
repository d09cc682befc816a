"""A problem code's entry: its slug and its English template.

The codes themselves are in the ``codes_*`` modules, one per area; :mod:`jyscore.i18n.messages`
gathers them into ``MESSAGES``.
"""

from __future__ import annotations

from typing import NamedTuple


class Message(NamedTuple):
    slug: str  # a stable name for people (JY101 is ``over-cap``)
    template: str  # the English text with {named} placeholders: the msgid in the catalogue
