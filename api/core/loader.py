"""Batch loading of the relations a query asks for: one SQL query per level of nesting.

Django's prefetch_related costs a query per relation and level, and most of its time goes into
building and compiling a queryset for each. This loader walks the requested relations breadth
first and fetches all relations of one level (a product's fees, conditions, channels, topics,
service, ...) with ONE `UNION ALL` query, each relation a branch whose rows come as JSON arrays
of their columns (`api.core.model_sql`: SQL built once per model, rows to instances). Published
pages (products, articles) are filtered the way `live().public()` filters them.

Results are kept on each instance and read back with `related(instance, name)`, which falls
back to the ordinary manager, so resolvers also work on objects that were not batch loaded
(a preview revision, a single object from elsewhere).
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from operator import attrgetter

from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.db.backends.utils import CursorDebugWrapper, CursorWrapper
from django.db.models import ForeignKey, ManyToManyField, ManyToManyRel, ManyToOneRel, Model
from wagtail.models import Page

from .model_sql import column, decode_many, model_sql
from .optimizer import Need, Selection, Spec, needs

_CACHE_ATTR = "_api_related"


def related(instance: Model, name: str) -> list:
    """The objects of relation `name`, batch loaded or else read through the manager."""
    loaded = instance.__dict__.get(_CACHE_ATTR)
    if loaded is not None and name in loaded:
        return loaded[name]
    return list(getattr(instance, name).all())


def related_one(instance: Model, name: str):
    """The target of foreign key `name`, batch loaded or else read through the descriptor."""
    loaded = instance.__dict__.get(_CACHE_ATTR)
    if loaded is not None and name in loaded:
        return loaded[name]
    return getattr(instance, name)


def _store(instance: Model, name: str, value) -> None:
    instance.__dict__.setdefault(_CACHE_ATTR, {})[name] = value


def load(instances: Iterable[Model], sel: Selection, spec: Spec) -> list:
    """`instances` (all of one model) with every relation `sel` needs loaded below them."""
    return Loader().load(instances, sel, spec)


class Loader:
    """One batch load; remembers the private sections once it has looked them up."""

    def __init__(self) -> None:
        self._restricted: tuple[str, ...] | None = None

    def restricted(self) -> tuple[str, ...]:
        """Tree paths of the pages with a view restriction (the private sections)."""
        if self._restricted is None:
            quote = connection.ops.quote_name
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT p.{quote('path')} FROM {quote('wagtailcore_pageviewrestriction')} r "
                    f"JOIN {quote('wagtailcore_page')} p ON p.{quote('id')} = r.{quote('page_id')}"
                )
                self._restricted = tuple(path for (path,) in cursor.fetchall())
        return self._restricted

    def public(self, pages: Iterable[Page]) -> list[Page]:
        pages = list(pages)
        if not pages:
            return pages
        restricted = self.restricted()
        return [p for p in pages if not restricted or not p.path.startswith(restricted)]

    def published(self, model: type[Page], field: str, values: Sequence) -> list:
        """Live pages of `model` outside private sections whose `field` is one of `values` (the
        equivalent of `model.objects.live().public().filter(<field>__in=values)`)."""
        if not values:
            return []
        branch = _Branch.where(model, field, list(values), live_only=True)
        # The private sections come along in the same query (one round trip less).
        paths: list[str] | None = [] if self._restricted is None else None
        _fetch([branch], restricted=paths)
        if paths is not None:
            self._restricted = tuple(paths)
        return self.public(obj for _match, obj in branch.rows)

    def load(self, instances: Iterable[Model], sel: Selection, spec: Spec) -> list:
        instances = list(instances)
        level = [(instances, sel, spec)] if instances else []
        vendor = connection.vendor
        while level:  # breadth first: one query for all relations of a level
            planned = [
                (parents, need, _branch(parents, need, vendor))
                for parents, level_sel, level_spec in level
                for need in needs(level_sel, level_spec).values()
            ]
            _fetch([branch for _parents, _need, branch in planned])
            level = []
            for parents, need, branch in planned:
                children = self._distribute(parents, need, branch)
                if need.related.spec is not None and children:
                    level.append((children, need.selection, need.related.spec()))
        return instances

    def _distribute(self, parents: list, need: Need, branch: _Branch) -> list:
        """Store the branch's rows on the parents; the distinct children, for the next level."""
        rows = branch.rows
        if need.related.published and rows and self.restricted():
            restricted = self.restricted()
            rows = [(match, obj) for match, obj in rows if not obj.path.startswith(restricted)]
        children: dict = {}  # one instance per object, shared by all its parents
        by_parent: dict[object, list] = defaultdict(list)
        for match, obj in rows:
            by_parent[match].append(children.setdefault(obj.pk, obj))
        if branch.kind == _FOREIGN_KEY:
            for parent in parents:
                _store(parent, branch.name, children.get(getattr(parent, branch.parent_attr)))
        else:
            for parent in parents:
                _store(parent, branch.name, by_parent.get(parent.pk, []))
        return list(children.values())


# --- one relation of one level: a branch of the UNION ---------------------------------------

_FOREIGN_KEY, _CHILDREN, _MANY_TO_MANY, _WHERE = "fk", "children", "m2m", "where"


@dataclass
class _Branch:
    kind: str
    model: type[Model]
    name: str  # where the result is stored on the parents
    values: list  # matched against `match`
    match: str  # SQL expression, returned with each row
    source: str  # FROM clause
    live_only: bool = False
    order: tuple[str, ...] = ()
    parent_attr: str = ""  # foreign keys: the parent's id attribute
    skip: frozenset[str] = frozenset()  # columns not read (see Related.defer)
    rows: list[tuple] = field(default_factory=list)  # (match value, instance)

    @classmethod
    def where(cls, model, field_name: str, values: list, live_only=False) -> _Branch:
        return cls(
            _WHERE,
            model,
            "",
            values,
            column(model, field_name),
            model_sql(model, connection.vendor).source,
            live_only,
        )


def _branch(parents: list, need: Need, vendor: str) -> _Branch:
    kind, target, name, match, source, attname = _relation(
        type(parents[0]), need.related.path, vendor
    )
    if kind == _FOREIGN_KEY:
        values = list({getattr(p, attname) for p in parents} - {None})
    else:
        values = [p.pk for p in parents]
    live_only, order = need.related.published, need.related.order
    skip = frozenset(
        column
        for column, fields in need.related.defer
        if not any(name in need.selection for name in fields)
    )
    return _Branch(kind, target, name, values, match, source, live_only, order, attname, skip)


@cache
def _relation(model: type[Model], path: str, vendor: str) -> tuple:
    """How to read relation `path` of `model`: (kind, target model, name to store it under,
    SQL matched against the parents, FROM clause, the parent's foreign key attribute).
    Built once per relation."""
    relation = model._meta.get_field(path)
    target = relation.related_model
    source = model_sql(target, vendor).source
    if isinstance(relation, ForeignKey):
        match = column(target, "pk")
        return _FOREIGN_KEY, target, relation.name, match, source, relation.attname
    if isinstance(relation, ManyToOneRel):  # child rows, e.g. a product's fees
        match = column(target, relation.field.name)
        return _CHILDREN, target, relation.get_accessor_name(), match, source, ""
    if isinstance(relation, ManyToManyRel):  # the reverse side, e.g. Product.articles
        forward, name = relation.field, relation.get_accessor_name()
        from_column, to_column = forward.m2m_reverse_name(), forward.m2m_column_name()
    elif isinstance(relation, ManyToManyField):
        forward, name = relation, relation.name
        from_column, to_column = forward.m2m_column_name(), forward.m2m_reverse_name()
    else:  # a spec naming a plain field is a programming error
        raise TypeError(f"{model.__name__}.{path} is not a relation")
    quote = connection.ops.quote_name
    through = quote(forward.remote_field.through._meta.db_table)
    source += f" JOIN {through} ON {through}.{quote(to_column)} = {column(target, 'pk')}"
    return _MANY_TO_MANY, target, name, f"{through}.{quote(from_column)}", source, ""


_PARAM_LIMITS: dict[str, int] = {}  # per vendor: fixed for the process


def _max_params() -> int:
    """Parameters one query may carry: SQLite's compiled-in limit (32766 since 3.32, 999
    before), PostgreSQL's 65535; with a margin."""
    vendor = connection.vendor
    found = _PARAM_LIMITS.get(vendor)
    if found is None:
        found = 30_000
        if vendor == "sqlite":
            connection.ensure_connection()
            try:
                found = connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) - 10
            except AttributeError:  # Python < 3.11
                found = 990
        _PARAM_LIMITS[vendor] = found
    return found


def _fetch(branches: list[_Branch], restricted: list[str] | None = None) -> None:
    """Run the branches as few UNION ALL queries as the parameter limit allows (one, for
    any page size up to the API's cap). A `restricted` list gets the private sections' paths.
    """
    limit = _max_params()
    group: list[_Branch] = []
    params = 0
    for branch in (b for b in branches if b.values):
        if group and params + len(branch.values) + 1 > limit:
            _run(group, restricted)
            group, params, restricted = [], 0, None
        if len(branch.values) + 1 > limit:  # too many values even alone: split it
            for start in range(0, len(branch.values), limit - 1):
                values = branch.values[start : start + limit - 1]
                part = replace(branch, values=values, rows=[])
                _run([part], restricted)
                branch.rows += part.rows
                restricted = None
            continue
        group.append(branch)
        params += len(branch.values) + 1
    if group:
        _run(group, restricted)
    for branch in branches:
        if len(branch.rows) > 1:
            branch.rows.sort(key=_sort_key(branch.model, branch.order))


_RESTRICTED = -1  # the branch number of the private sections' paths


def _run(branches: list[_Branch], restricted: list[str] | None = None) -> None:
    db = connections[DEFAULT_DB_ALIAS]  # `connection` itself, without a proxy per attribute
    vendor = db.vendor
    sqls = [model_sql(b.model, vendor, b.skip) for b in branches]
    shape = tuple(
        (b.model, b.skip, b.match, b.source, b.live_only, len(b.values)) for b in branches
    )
    params = []
    for branch in branches:
        if branch.live_only:
            params.append(True)
        params += branch.values
    with db.cursor() as cursor:
        _execute(cursor, _union_sql(shape, restricted is not None, vendor), params)
        found = cursor.fetchall()
    # All JSON of the result in one parse; then rows to instances.
    widths = [1 if index == _RESTRICTED else len(sqls[index].rows) for index, *_ in found]
    decoded = iter(
        decode_many([p for row, w in zip(found, widths, strict=True) for p in row[2 : 2 + w]])
    )
    alias = db.alias
    for row, parts in zip(found, widths, strict=True):
        index = row[0]
        if index == _RESTRICTED:
            restricted.append(next(decoded)[0])
            continue
        # Decoded rows are lists of their own: one part is the row's values as they are.
        values = next(decoded)
        for _ in range(parts - 1):
            values += next(decoded)
        branches[index].rows.append((row[1], sqls[index].from_values(values, alias)))


def _execute(cursor: CursorWrapper, sql: str, params: list) -> None:
    """`cursor.execute(sql, params)`. On SQLite, Django rewrites the `%s` placeholders to `?`
    with a regular expression on every execution, which over a long UNION costs more than
    running it; so the rewritten text is kept per SQL text and handed to the sqlite3 cursor
    directly, still through Django's execute wrappers and, when queries are logged, its
    query log."""
    db = cursor.db
    if db.vendor != "sqlite":
        cursor.execute(sql, params)
        return
    qmark, raw = _qmark_sql(sql), cursor.cursor

    def run(_sql, params, _many, _context):
        db.validate_no_broken_transaction()
        with db.wrap_database_errors:
            return sqlite3.Cursor.execute(raw, qmark, params)

    if isinstance(cursor, CursorDebugWrapper):  # logged, as by cursor.execute()
        with cursor.debug_sql(sql, params, use_last_executed_query=True):
            cursor._execute_with_wrappers(sql, params, many=False, executor=run)
    else:
        cursor._execute_with_wrappers(sql, params, many=False, executor=run)


@lru_cache(maxsize=1024)
def _qmark_sql(sql: str) -> str:
    """`sql` with SQLite's placeholders, converted the way Django's SQLite cursor does."""
    from django.db.backends.sqlite3.base import SQLiteCursorWrapper

    return SQLiteCursorWrapper.convert_query(None, sql)


@lru_cache(maxsize=1024)
def _union_sql(shape: tuple, restricted: bool, vendor: str) -> str:
    """The UNION ALL of branches of this shape (model, skipped columns, match, source, live
    only, number of values); the same few shapes come back request after request."""
    width = max(len(model_sql(model, vendor, skip).rows) for model, skip, *_ in shape)
    selects = []
    for index, (model, skip, match, source, live_only, count) in enumerate(shape):
        rows = model_sql(model, vendor, skip).rows
        columns = ", ".join([*rows, *["NULL"] * (width - len(rows))])
        where = f"{column(model, 'live')} = %s AND " if live_only else ""
        placeholders = ", ".join(["%s"] * count)
        selects.append(
            f"SELECT {index}, {match}, {columns} FROM {source} "
            f"WHERE {where}{match} IN ({placeholders})"
        )
    if restricted:
        selects.append(_restricted_select(width))
    return " UNION ALL ".join(selects)


def _restricted_select(width: int) -> str:
    """A UNION branch with the tree paths of the pages under a view restriction."""
    quote = connection.ops.quote_name
    page, restriction = quote("wagtailcore_page"), quote("wagtailcore_pageviewrestriction")
    array = "json_build_array({})::text" if connection.vendor == "postgresql" else "json_array({})"
    path = array.format(f"{page}.{quote('path')}")
    padding = ", NULL" * (width - 1)
    return (
        f"SELECT {_RESTRICTED}, NULL, {path}{padding} FROM {restriction} "
        f"JOIN {page} ON {page}.{quote('id')} = {restriction}.{quote('page_id')}"
    )


@cache
def _sort_key(model: type[Model], order: tuple[str, ...]):
    names = [name.lstrip("-") for name in (order or model._meta.ordering or ())]
    names.append(model._meta.pk.attname)
    if not any(model._meta.get_field(n).null for n in names[:-1]):
        get = attrgetter(*names)  # no NULLs to order: the values themselves
        return lambda pair: get(pair[1])

    def key(pair: tuple):
        obj = pair[1]
        # None sorts first, like NULLs in an ascending SQLite ORDER BY.
        return tuple((value is not None, value) for value in (getattr(obj, n) for n in names))

    return key
