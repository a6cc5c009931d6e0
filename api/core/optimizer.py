"""Which relations a query needs, so a list of N items costs as many SQL queries as one.

Each GraphQL type declares a spec: which model relations its fields need and which spec applies
below them. `selection(info)` gives the requested fields (merged over aliases, fragments and
inline fragments); `api.core.loader.load(objects, selection, spec)` then loads exactly those
relations, one query per relation and level. Search (issue 4) reuses it for hits that are
products or articles, through `api.products.resolvers.products_by_id`:

    sel = selection(info).descend("hits", "product")
    products = products_by_id(ids, sel, channel, info.context)
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from graphql import (
    FieldNode,
    FragmentSpreadNode,
    GraphQLResolveInfo,
    InlineFragmentNode,
    SelectionSetNode,
)


class Selection:
    """The fields requested below one field; children are merged by field name (not alias)."""

    __slots__ = ("children", "conditions", "_merged")

    def __init__(self) -> None:
        self.children: dict[str, Selection] = {}
        # Type conditions a child appeared under (None: unconditioned).
        self.conditions: dict[str, set[str | None]] = {}
        self._merged: dict[tuple[str, ...], Selection] = {}

    def __contains__(self, name: str) -> bool:
        return name in self.children

    def __bool__(self) -> bool:
        return bool(self.children)

    def get(self, name: str) -> Selection:
        return self.children.get(name) or Selection()

    def descend(self, *names: str) -> Selection:
        current = self
        for name in names:
            current = current.get(name)
        return current

    def any_of(self, *names: str) -> Selection:
        """The merged selections of several fields, e.g. a connection's `edges.node` and `nodes`
        (kept, so a cached selection gives the same object every time)."""
        if names not in self._merged:
            merged = Selection()
            for name in names:
                merged.merge(self.descend(*name.split(".")))
            self._merged[names] = merged
        return self._merged[names]

    def for_type(self, type_name: str) -> Selection:
        """Only the children that apply to `type_name` (drops other fragments of a union)."""
        result = Selection()
        for name, child in self.children.items():
            if self.conditions[name] & {None, type_name}:
                result.children[name] = child
                result.conditions[name] = {None}
        return result

    def merge(self, other: Selection) -> None:
        for name, child in other.children.items():
            self._child(name, None).merge(child)
            self.conditions[name] |= other.conditions[name]

    def _child(self, name: str, condition: str | None) -> Selection:
        if name not in self.children:
            self.children[name] = Selection()
            self.conditions[name] = set()
        self.conditions[name].add(condition)
        return self.children[name]

    @classmethod
    def from_nodes(cls, nodes: Iterable[FieldNode], fragments: dict) -> Selection:
        root = cls()
        for node in nodes:
            if node.selection_set is not None:
                root._add(node.selection_set, fragments, None, set())
        return root

    def _add(
        self, selection_set: SelectionSetNode, fragments: dict, condition: str | None, seen: set
    ) -> None:
        for item in selection_set.selections:
            if isinstance(item, FieldNode):
                child = self._child(item.name.value, condition)
                if item.selection_set is not None:
                    child._add(item.selection_set, fragments, None, seen)
            elif isinstance(item, InlineFragmentNode):
                on = item.type_condition.name.value if item.type_condition else condition
                self._add(item.selection_set, fragments, on, seen)
            elif isinstance(item, FragmentSpreadNode):
                name = item.name.value
                fragment = fragments.get(name)
                if fragment is None or name in seen:  # validation rejects cycles; be safe
                    continue
                self._add(
                    fragment.selection_set,
                    fragments,
                    fragment.type_condition.name.value,
                    seen | {name},
                )


class _IdentityCache:
    """A small LRU keyed by object ids; it keeps the keyed objects referenced, so an id
    cannot be reused while its entry lives. Thread-safe."""

    def __init__(self, size: int = 1024) -> None:
        self.size = size
        self.entries: OrderedDict[tuple[int, ...], tuple[tuple, object]] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, objects: tuple):
        key = tuple(id(obj) for obj in objects)
        with self.lock:
            found = self.entries.get(key)
            if found is None:
                return None
            self.entries.move_to_end(key)
            return found[1]

    def put(self, objects: tuple, value) -> None:
        key = tuple(id(obj) for obj in objects)
        with self.lock:
            self.entries[key] = (objects, value)
            if len(self.entries) > self.size:
                self.entries.popitem(last=False)


_SELECTIONS = _IdentityCache()
_NEEDS = _IdentityCache()


def selection(info: GraphQLResolveInfo) -> Selection:
    """The fields requested below the field being resolved.

    Parsed documents are cached per query text (api.views), so the same field nodes come back
    request after request; their selection is cached too (the nodes are kept referenced, so
    their ids stay unique). Treat the result as read-only.
    """
    nodes = tuple(info.field_nodes)
    found = _SELECTIONS.get(nodes)
    if found is None:
        found = Selection.from_nodes(nodes, info.fragments)
        _SELECTIONS.put(nodes, found)
    return found


@dataclass(frozen=True)
class Related:
    """A model relation a GraphQL field needs.

    `spec` is the spec of the related type (a callable, so specs may refer to each other);
    `published` keeps only live, public pages (for relations to products and articles);
    `order` overrides the related model's default order; `via` nests the field's own
    selection under that field name of the related spec, for fields computed from a relation
    of a relation (Product.locations is read from channels → locations); `defer` names
    columns that only some fields read.
    """

    path: str
    spec: Callable[[], Spec] | None = None
    published: bool = False
    order: tuple[str, ...] = ()
    via: str | None = None
    # (column attname, GraphQL fields that read it): large text columns left unread when
    # none of those fields is asked (e.g. the texts of related articles listed by title).
    defer: tuple[tuple[str, tuple[str, ...]], ...] = ()


Spec = dict[str, tuple[Related, ...]]


@dataclass
class Need:
    related: Related
    selection: Selection = field(default_factory=Selection)


def needs(sel: Selection, spec: Spec) -> dict[str, Need]:
    """The relations to load for `sel`, one per model relation, selections merged.

    Memoized like `selection()`: cached selections and specs (built once, see the domain
    `*_spec` functions) come back on every request for the same query.
    """
    if not sel:
        return {}
    found = _NEEDS.get((sel, spec))
    if found is None:
        found = _needs(sel, spec)
        _NEEDS.put((sel, spec), found)
    return found


def _needs(sel: Selection, spec: Spec) -> dict[str, Need]:
    found: dict[str, Need] = {}
    for name, relations in spec.items():
        if name not in sel:
            continue
        sub = sel.get(name)
        for related in relations:
            need = found.setdefault(related.path, Need(related))
            if related.via:
                wrapped = Selection()
                wrapped._child(related.via, None).merge(sub)
                need.selection.merge(wrapped)
            else:
                need.selection.merge(sub)
    return found
