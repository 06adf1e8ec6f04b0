"""List items and their nesting, so a sub-bullet can be read with the item it belongs to.

Markdown nests by indentation (`Indents`), HTML by <ul>/<ol>/<li> elements
(`HtmlLists`); both record into `Items` each item's output position, depth and
parent, and `item_spans` turns them into the line spans `Markup.items` holds.
"""

from __future__ import annotations

from typing import Callable


class Items:
    """Found list items as [output start, depth, parent index]; the start is set when the item is written."""

    __slots__ = ("found",)

    def __init__(self) -> None:
        self.found: list[list[int]] = []

    def new(self, depth: int, parent: int) -> int:
        self.found.append([-1, depth, parent])
        return len(self.found) - 1

    def start(self, item: int, pos: int) -> None:
        self.found[item][0] = pos


def columns(indent: str) -> int:
    """Width of a line's indentation, a tab reaching the next multiple of four."""
    col = 0
    for ch in indent:
        col = col + 4 - col % 4 if ch == "\t" else col + 1
    return col


class Indents:
    """Open list items by indentation: an item indented two columns or more past an open item's
    marker is its child (sub-bullets written with two spaces are as common as CommonMark's content column)."""

    __slots__ = ("open",)

    def __init__(self) -> None:
        self.open: list[tuple[int, int]] = []  # (marker column, item index)

    MAX_DEPTH = 256  # deeper items count as siblings of the deepest: readers recurse over the levels

    def place(self, col: int) -> tuple[int, int]:
        """(depth, parent item index or -1) of an item whose marker stands at column `col`."""
        while self.open and (col < self.open[-1][0] + 2 or len(self.open) >= self.MAX_DEPTH):
            self.open.pop()
        return len(self.open), (self.open[-1][1] if self.open else -1)

    def push(self, col: int, item: int) -> None:
        self.open.append((col, item))

    def close(self) -> None:
        self.open.clear()


class HtmlLists:
    """Open <ul>/<ol> and <li> elements: an <li> inside a list that is inside an <li> is that item's child."""

    TAGS = frozenset({"ul", "ol", "menu", "dir", "li"})
    _MAX_OPEN = Indents.MAX_DEPTH  # deeper unclosed nesting is forgotten, not an error

    __slots__ = ("items", "lists", "open")

    def __init__(self, items: Items) -> None:
        self.items = items
        self.lists: list[int] = []  # per open list: the number of <li> open inside it
        self.open: list[int] = []  # open <li> elements, innermost last

    def tag(self, name: str, closing: bool, mark: Callable[[], int]) -> None:
        """Track one tag; `mark` gives the output position of the next character (an opened item's start)."""
        if name != "li":
            if not closing:
                if len(self.lists) < self._MAX_OPEN:
                    self.lists.append(0)
            elif self.lists:
                del self.open[len(self.open) - self.lists.pop() :]
            return
        # an open <li> of the same list ends where the next begins (its end tag is optional)
        if self.lists and self.lists[-1]:
            self.lists[-1] -= 1
            self.open.pop()
        if closing:
            return
        item = self.items.new(len(self.open), self.open[-1] if self.open else -1)
        self.items.start(item, mark())
        if self.lists:
            self.lists[-1] += 1
            self.open.append(item)


def item_spans(text: str, found: list[list[int]]) -> list[tuple[int, int, int, int]]:
    """Each list item as the span of its own line, with its depth and parent.

    An item whose first content is a nested list shares its line with its first
    child: the child stands for it, and children of the empty item go to its parent.
    """
    out: list[tuple[int, int, int, int]] = []
    index: dict[int, int] = {}  # found index -> out index
    at_line: dict[int, int] = {}  # line start -> out index
    for k, (start, depth, parent) in enumerate(found):
        if start < 0:
            continue
        ls = text.rfind("\n", 0, start) + 1 if start < len(text) else len(text)
        le = text.find("\n", start)
        a, b = trim_span(text, start, len(text) if le < 0 else le)
        p = index.get(parent, -1) if parent >= 0 else -1
        if b <= a:
            if p >= 0:
                index[k] = p
            continue
        prev = at_line.get(ls)
        if prev is not None:
            # the same line: an empty item (its child's text on its line) or a second marker on it
            index[k] = prev
            continue
        while p >= 0 and out[p][0] >= a:
            p = out[p][3]
        index[k] = at_line[ls] = len(out)
        out.append((a, b, 0 if p < 0 else out[p][2] + 1, p))
    return out


def trim_span(text: str, s: int, e: int) -> tuple[int, int]:
    """`s:e` without the white space at either end."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e
