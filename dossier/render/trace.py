"""What each page read while it rendered, so a rebuild renders only pages whose reads changed.

Templates reach the corpus only through ``views`` and ``history``. While a page renders,
both are wrapped in proxies that note every read as a path from the root (``views``
→ ``deals_of`` → ``["xiaomi"]``) with a fingerprint of the value seen. On the next
build, the noted paths of all pages, merged into one tree (``ReadTree``), are replayed
against the new views; a page whose every fingerprint is the same is kept.

Fingerprints are small values compared with ``==``. A briefing (company, deal,
article) reached through ``views`` is noted field by field (``Fields``: the hash of its
file, which fully determines it, and each field read), so a page that shows a
company's name is kept when only its description changes. Every other value is
fingerprinted by its contents. Fingerprints do not depend on object identity, so those
made in a worker process compare with ones made here; only the replay uses identity,
to skip a branch that gives the very object it gave at the last build.

Why this is safe: a page is a function of its template, its own context and what it
read; a changed template discards every trace (see ``render_site``), a read that
cannot be replayed counts as changed, and what the model hands out is never mutated.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, TypeVar

from ..dates import PartialDate
from ..model import (
    Article,
    Claim,
    Company,
    Deal,
    Dispute,
    Evidence,
    Fact,
    Money,
    Origin,
    Party,
    Resolution,
    Review,
    Source,
    Step,
)
from ..review.history import Entry
from ..views import Event

_T = TypeVar("_T")

Op = tuple[Any, ...]  # ("attr", name) | ("item", key) | ("call", name, args) | ("all",) …
Path = tuple[Op, ...]
Reads = dict[tuple[str, Path], Any]  # (root name, path) → fingerprint

_RECORDS = {Company, Deal, Article}
# Frozen values whose every field takes part in ``==``: their own fingerprint.
_PLAIN = {
    PartialDate,
    Claim,
    Dispute,
    Entry,
    Evidence,
    Event,
    Fact,
    Money,
    Party,
    Resolution,
    Review,
    Source,
    Step,
}
_MISSING = ("missing",)
_SCALARS = {str, int, float, bool}


def fingerprint(value: Any) -> Any:
    """A hashable summary of ``value`` that changes whenever what a template sees changes."""
    kind = type(value)
    if value is None or kind in _SCALARS or kind in _PLAIN:
        return value
    if kind in _RECORDS:  # the digest covers kind, path and bytes (made by load_file)
        return value.origin.digest or repr(value)
    if kind is _Record:
        return fingerprint(value._target)
    if kind is Origin:  # what a template can show: the path and each field's line
        return ("origin", value.path, tuple(value.lines.items()))
    if kind is tuple:  # mostly lists of briefings: their digests, inline for speed
        return tuple(
            [(x.origin.digest or repr(x)) if type(x) in _RECORDS else fingerprint(x) for x in value]
        )
    if kind is list:
        return ("list", *map(fingerprint, value))
    if isinstance(value, Mapping):
        return ("map", *((k, fingerprint(v)) for k, v in value.items()))
    if isinstance(value, (set, frozenset)):
        return ("set", *sorted(map(repr, value)))
    names = _FIELD_NAMES.get(kind)
    if names is None and dataclasses.is_dataclass(value):
        names = _FIELD_NAMES[kind] = tuple(f.name for f in dataclasses.fields(value))
    if names is not None:
        return (kind.__name__, *(fingerprint(getattr(value, n)) for n in names))
    return (kind.__name__, repr(value))


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}  # dataclass → its field names


class Recorder:
    """The reads of one page."""

    def __init__(self) -> None:
        self.reads: Reads = {}

    def note(self, root: str, path: Path, value: _T) -> _T:
        key = (root, path)
        if key not in self.reads:
            self.reads[key] = fingerprint(value)
        return value

    def wrap(self, root: str, target: Any) -> Any:
        return _Object(target, root, (), self)


class _Object:
    """An object whose attributes and methods a template uses (Views, Corpus, History)."""

    __slots__ = ("_path", "_recorder", "_root", "_target")

    def __init__(self, target: Any, root: str, path: Path, recorder: Recorder) -> None:
        self._target, self._root, self._path, self._recorder = target, root, path, recorder

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._target, name)
        path = (*self._path, ("attr", name))
        if callable(value) and not isinstance(value, type):

            def call(*args: Any) -> Any:
                raw = tuple(map(_unwrap, args))
                step = (*self._path, ("call", name, raw))
                return self._recorder.note(self._root, step, value(*raw))

            return call
        if isinstance(value, Mapping):
            return _Mapping(value, self._root, path, self._recorder)
        if type(value) is tuple:
            return _Sequence(value, self._root, path, self._recorder)
        if _is_container(value):
            return _Object(value, self._root, path, self._recorder)
        return self._recorder.note(self._root, path, value)


class _Mapping(Mapping[Any, Any]):
    """A dict read key by key (an article by slug) or whole (iterated, counted)."""

    __slots__ = ("_path", "_recorder", "_root", "_target")

    def __init__(self, target: Mapping[Any, Any], root: str, path: Path, rec: Recorder) -> None:
        self._target, self._root, self._path, self._recorder = target, root, path, rec

    def __getitem__(self, key: Any) -> Any:
        value = self.get(key, _MISSING)
        if value is _MISSING:
            raise KeyError(key)
        return value

    def get(self, key: Any, default: Any = None) -> Any:
        value = self._target.get(key, _MISSING)
        path = (*self._path, ("item", key))
        if value is _MISSING:
            self._recorder.note(self._root, path, value)
            return default
        return _wrap(value, self._root, path, self._recorder)

    def __contains__(self, key: object) -> bool:
        return self._recorder.note(self._root, (*self._path, ("in", key)), key in self._target)

    def _whole(self) -> Mapping[Any, Any]:
        return self._recorder.note(self._root, (*self._path, ("all",)), self._target)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._whole())

    def __len__(self) -> int:
        return self._recorder.note(self._root, (*self._path, ("len",)), len(self._target))


class _Sequence(Sequence[Any]):
    """A tuple read whole (iterated), in part (``[:5]``, ``[0]``) or only counted."""

    __slots__ = ("_path", "_recorder", "_root", "_target")

    def __init__(self, target: tuple[Any, ...], root: str, path: Path, rec: Recorder) -> None:
        self._target, self._root, self._path, self._recorder = target, root, path, rec

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):  # slices are not hashable before Python 3.12
            step: Op = ("slice", index.start, index.stop, index.step)
            return _Sequence(self._target[index], self._root, (*self._path, step), self._recorder)
        value = self._target[index]  # an IndexError is the template's, as without tracing
        return self._item(index % len(self._target), value)

    def __iter__(self) -> Iterator[Any]:
        # Which items, in which order; what is read of each is noted item by item.
        self._recorder.note(self._root, (*self._path, ("ids",)), _ids(self._target))
        for i, value in enumerate(self._target):
            yield self._item(i, value)

    def _item(self, i: int, value: Any) -> Any:
        if type(value) in _RECORDS:  # one entry per list for all its briefings' fields
            key = (self._root, (*self._path, ("each",)))
            each = self._recorder.reads.get(key)
            if each is None:
                each = self._recorder.reads[key] = Each({})
            fields = each.items.get(i)
            if fields is None:
                fields = each.items[i] = Fields(value.origin.digest, {})
            return _Record(value, fields)
        return _wrap(value, self._root, (*self._path, ("at", i)), self._recorder)

    def __len__(self) -> int:
        return self._recorder.note(self._root, (*self._path, ("len",)), len(self._target))

    def __bool__(self) -> bool:
        return self.__len__() > 0


@dataclasses.dataclass
class Fields:
    """What a page read of one briefing: its digest then, and each field it read."""

    digest: str
    values: dict[str, Any]


@dataclasses.dataclass
class Each:
    """What a page read of the briefings in one list, by position."""

    items: dict[int, Fields]


class _Record:
    """A company, deal or article whose fields are noted one by one.

    An article page that shows a company's name is then not rendered again when only
    the company's description changes.
    """

    __slots__ = ("_fields", "_target")

    def __init__(self, target: Any, fields: Fields) -> None:
        self._target, self._fields = target, fields

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._target, name)
        if name not in self._fields.values:
            self._fields.values[name] = fingerprint(value)
        return value

    def __eq__(self, other: object) -> bool:
        self._fields.values[_WHOLE] = self._target.origin.digest
        return bool(self._target == _unwrap(other))

    def __hash__(self) -> int:
        return hash(self._target)


_WHOLE = "__whole__"  # compared as a whole: every field counts


def _unwrap(value: Any) -> Any:
    return value._target if type(value) is _Record else value


def _wrap(value: Any, root: str, path: Path, recorder: Recorder) -> Any:
    """A value reached by ``path``: briefings and tuples traced further, the rest noted."""
    kind = type(value)
    if _is_container(value):
        return _Object(value, root, path, recorder)
    if kind in _RECORDS:
        key = (root, (*path, ("fields",)))
        fields = recorder.reads.get(key)
        if fields is None:
            fields = recorder.reads[key] = Fields(value.origin.digest, {})
        return _Record(value, fields)
    if kind is tuple:
        return _Sequence(value, root, path, recorder)
    return recorder.note(root, path, value)


def _ids(items: tuple[Any, ...]) -> tuple[Any, ...]:
    # Other items are noted whole one by one as they are read; here only their places.
    return tuple((type(x).__name__, x.slug) if type(x) in _RECORDS else None for x in items)


def _is_container(value: Any) -> bool:
    # Objects reached through views whose own parts templates read: the corpus, topics.
    return type(value).__name__ in _CONTAINERS


_CONTAINERS = {"Corpus", "Topic"}


def _step(value: Any, step: Op) -> Any:
    """What one step of a path reads from ``value``."""
    op = step[0]
    if op == "attr":
        return getattr(value, step[1])
    if op == "item":
        return value.get(step[1], _MISSING)
    if op == "call":
        return getattr(value, step[1])(*step[2])
    if op == "in":
        return step[1] in value
    if op == "len":
        return len(value)
    if op == "slice":
        return value[slice(*step[1:])]
    if op == "at":
        return value[step[1]]
    if op == "ids":
        return _ids(value)
    return value  # "all": the mapping itself; "fields", "each": the record or list


class _Node:
    """One step of the read paths; ``last`` is what it gave at the last build."""

    __slots__ = ("children", "key", "last", "new")

    def __init__(self) -> None:
        self.children: dict[Op, _Node] | None = None
        self.key: tuple[str, Path] | None = None  # set when a page read exactly this path
        self.last: Any = _UNSEEN
        self.new = True  # on a path added since the last ``settle``


_UNSEEN = ("unseen",)
_BROKEN = ("broken",)  # a read that no longer works: the pages that made it must render


class ReadTree:
    """Every page's reads as one tree of paths, replayed once per build.

    A rebuild walks the tree against the new views. Where a step gives the very object
    it gave at the last build (a briefing whose file did not change, a list the model
    kept), nothing under it can have changed, and the whole branch is skipped: most of
    the ~150,000 reads of a 10,000-article site are never evaluated. Everything the
    model hands out is immutable, which is what makes identity enough. Each page's own
    reads are consistent with the last build (checked or freshly recorded), so a
    branch equal to the last build is equal to what the page saw.
    """

    def __init__(self) -> None:
        self._roots: dict[str, _Node] = {}

    def add(self, reads: Reads) -> None:
        """Take in the reads of a page just rendered; call ``settle`` after the last page."""
        for key in reads:
            node = self._roots.get(key[0])
            if node is None:
                node = self._roots[key[0]] = _Node()
            node.new = True
            for step in key[1]:
                children = node.children
                if children is None:
                    children = node.children = {}
                child = children.get(step)
                if child is None:
                    child = children[step] = _Node()
                child.new = True
                node = child
            node.key = key

    def settle(self, roots: Mapping[str, Any]) -> None:
        """Note what the paths added since the last call give now (the pages just saw it).

        Without this, the next rebuild would evaluate every read of a page rendered
        in this build, and after serve's first build, every read of every page.
        """
        for name, node in self._roots.items():
            if node.new:
                _settle(node, roots[name])

    def replay(self, roots: Mapping[str, Any]) -> Changes:
        """What each read gives now, for the reads that may have changed since the last build."""
        found: dict[tuple[str, Path], Any] = {}
        for name, node in self._roots.items():
            _walk(node, roots[name], found)
        return Changes(found)


def _walk(node: _Node, value: Any, found: dict[tuple[str, Path], Any]) -> None:
    if value is node.last:
        return
    node.last = value
    key = node.key
    if key is not None:
        last_op = key[1][-1][0] if key[1] else ""
        found[key] = value if last_op in ("fields", "each") else fingerprint(value)
    if node.children is None:
        return
    for step, child in node.children.items():
        try:
            below = _step(value, step)
        except Exception:  # the path no longer leads anywhere
            _break(child, found)
            continue
        _walk(child, below, found)


def _settle(node: _Node, value: Any) -> None:
    node.new = False
    if node.last is _UNSEEN:
        node.last = value
    for step, child in (node.children or {}).items():
        if child.new:
            try:
                below = _step(value, step)
            except Exception:  # cannot happen for a path a page just read; keep it unseen
                continue
            _settle(child, below)


def _break(node: _Node, found: dict[tuple[str, Path], Any]) -> None:
    node.last = _UNSEEN
    if node.key is not None:
        found[node.key] = _BROKEN
    for child in (node.children or {}).values():
        _break(child, found)


class Changes:
    """The reads a rebuild found possibly changed, and their values now."""

    def __init__(self, found: dict[tuple[str, Path], Any]) -> None:
        self.found = found

    def unchanged(self, reads: Reads) -> bool:
        """Whether a page that made ``reads`` would render the same now."""
        found = self.found
        if not found:
            return True
        for key, old in reads.items():
            now = found.get(key, _SAME)
            if now is _SAME:
                continue
            if now is _BROKEN:
                return False
            kind = type(old)
            if kind is Fields:
                if not _same_fields(now, old):
                    return False
            elif kind is Each:
                if not _same_each(now, old):
                    return False
            elif now != old:
                return False
        return True


_SAME = ("same",)


def _same_each(items: Any, old: Each) -> bool:
    if type(items) is not tuple:
        return False
    count = len(items)
    return all(i < count and _same_fields(items[i], f) for i, f in old.items.items())


def _same_fields(record: Any, old: Fields) -> bool:
    if type(record) not in _RECORDS:
        return False
    if old.digest and record.origin.digest == old.digest:
        return True  # the same file: every field is the same
    if _WHOLE in old.values:
        return False
    return all(fingerprint(getattr(record, f, _MISSING)) == fp for f, fp in old.values.items())
