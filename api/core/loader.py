"""Batch loading of the relations a query asks for: one cheap query per relation and level.

Django's prefetch_related gives the same query count, but on this API's wide, nested queries
most of its time goes into building and compiling a queryset per relation and level. Here the
SQL of a model is built once (with the database's type converters) and run on a cursor; rows
become model instances through `Model.from_db`, as the ORM itself does. Published pages
(products, articles) are filtered the way `live().public()` filters them.

Results are kept on each instance and read back with `related(instance, name)`, which falls
back to the ordinary manager, so resolvers also work on objects that were not batch loaded
(a preview revision, a single object from elsewhere).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from django.db import connection
from django.db.models import ForeignKey, ManyToManyField, ManyToManyRel, ManyToOneRel, Model
from wagtail.models import Page

from .optimizer import Selection, Spec, needs

_CACHE_ATTR = "_api_related"
_CHUNK = 900  # stays under SQLite's older 999-parameter limit


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
    """Load what `sel` needs below `instances` (all of one model), level by level."""
    instances = list(instances)
    if not instances:
        return instances
    model = type(instances[0])
    for path, need in needs(sel, spec).items():
        field = model._meta.get_field(path)
        target = need.related
        if isinstance(field, ForeignKey):
            children = _load_foreign_keys(instances, field)
        elif isinstance(field, ManyToOneRel):
            children = _load_children(instances, field)
        elif isinstance(field, ManyToManyField | ManyToManyRel):
            children = _load_many_to_many(instances, field, target.published, target.order)
        else:  # a spec naming a plain field is a programming error
            raise TypeError(f"{model.__name__}.{path} is not a relation")
        if target.spec is not None and children:
            load(children, need.selection, target.spec())
    return instances


def published(model: type[Page], field: str, values: Sequence, order: Sequence[str] = ()) -> list:
    """Live pages of `model` not under a view restriction, where `field` is one of `values`
    (the batch-loading equivalent of `model.objects.live().public().filter(field__in=...)`)."""
    pages = rows_where(model, field, list(values), order=tuple(order), live_only=True)
    restricted = restricted_paths()
    if restricted:
        pages = [p for p in pages if not p.path.startswith(restricted)]
    return pages


def restricted_paths() -> tuple[str, ...]:
    """Tree paths of the pages with a view restriction (the private sections)."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT p.{quote('path')} FROM {quote('wagtailcore_pageviewrestriction')} r "
            f"JOIN {quote('wagtailcore_page')} p ON p.{quote('id')} = r.{quote('page_id')}"
        )
        return tuple(path for (path,) in cursor.fetchall())


def _load_foreign_keys(instances, field: ForeignKey) -> list:
    ids = {getattr(i, field.attname) for i in instances} - {None}
    targets = {t.pk: t for t in rows_where(field.related_model, "pk", list(ids))}
    for instance in instances:
        _store(instance, field.name, targets.get(getattr(instance, field.attname)))
    return list(targets.values())


def _load_children(instances, rel: ManyToOneRel) -> list:
    rows = rows_where(rel.related_model, rel.field.name, [i.pk for i in instances])
    grouped: dict[object, list] = defaultdict(list)
    for row in rows:
        grouped[getattr(row, rel.field.attname)].append(row)
    for instance in instances:
        _store(instance, rel.get_accessor_name(), grouped.get(instance.pk, []))
    return rows


def _load_many_to_many(instances, field, only_published: bool, order) -> list:
    if isinstance(field, ManyToManyRel):  # the reverse side, e.g. Product.articles
        forward, name = field.field, field.get_accessor_name()
        source, target = forward.m2m_reverse_name(), forward.m2m_column_name()
    else:
        forward, name = field, field.name
        source, target = forward.m2m_column_name(), forward.m2m_reverse_name()
    through = (forward.remote_field.through._meta.db_table, source, target)
    pairs = _rows(
        field.related_model,
        [i.pk for i in instances],
        tuple(order),
        live_only=only_published,
        through=through,
    )
    restricted = restricted_paths() if only_published and pairs else ()
    targets: dict = {}  # one instance per target, in order, shared by its sources
    by_source: dict[object, list] = defaultdict(list)
    for source_id, obj in pairs:
        if restricted and obj.path.startswith(restricted):
            continue
        by_source[source_id].append(targets.setdefault(obj.pk, obj))
    for instance in instances:
        _store(instance, name, by_source.get(instance.pk, []))
    return list(targets.values())


# --- SQL per model, built once --------------------------------------------------------------


@dataclass(frozen=True)
class _Select:
    columns: str
    source: str  # the table, joined to its parent tables
    attnames: list[str]
    converters: list[tuple[int, list, object]]
    order: str


def rows_where(
    model: type[Model],
    field: str,
    values: list,
    order: tuple[str, ...] = (),
    live_only: bool = False,
) -> list:
    """Instances of `model` whose `field` is in `values`, ordered by `order` (default: the
    model's Meta.ordering), with every concrete field loaded."""
    return [obj for _source, obj in _rows(model, values, order, live_only, column=field)]


def _rows(
    model: type[Model],
    values: list,
    order: tuple[str, ...],
    live_only: bool,
    column: str = "",
    through: tuple[str, str, str] | None = None,
) -> list[tuple]:
    """(matched value, instance) pairs: where `column` is in `values`, or, with `through`
    (table, source column, target column), joined through a many-to-many table."""
    if not values:
        return []
    quote = connection.ops.quote_name
    select = _select(model, connection.vendor)
    source = select.source
    if through is not None:
        table, source_column, target_column = (quote(part) for part in through)
        source += f" JOIN {table} ON {table}.{target_column} = {_column(model, 'pk')}"
        match = f"{table}.{source_column}"
    else:
        match = _column(model, column)
    where = f"{_column(model, 'live')} = %s AND " if live_only else ""
    order_sql = _order(model, order) if order else select.order
    rows: list = []
    with connection.cursor() as cursor:
        for chunk in _chunks(values):
            placeholders = ", ".join(["%s"] * len(chunk))
            cursor.execute(
                f"SELECT {select.columns}, {match} FROM {source} "
                f"WHERE {where}{match} IN ({placeholders}) ORDER BY {order_sql}",
                [True, *chunk] if live_only else chunk,
            )
            rows += cursor.fetchall()
    width = len(select.attnames)
    pairs = [
        (row[width], model.from_db(connection.alias, select.attnames, _converted(row, select)))
        for row in rows
    ]
    if len(values) > _CHUNK:  # chunks were ordered separately
        keys = [name.lstrip("-") for name in _order_keys(model, order)]
        pairs.sort(key=lambda pair: tuple(getattr(pair[1], k) for k in keys))
    return pairs


def _converted(row: tuple, select: _Select) -> list:
    values = list(row[: len(select.attnames)])
    for position, functions, expression in select.converters:
        value = values[position]
        for function in functions:
            value = function(value, expression, connection)
        values[position] = value
    return values


@cache
def _select(model: type[Model], vendor: str) -> _Select:
    quote = connection.ops.quote_name
    fields = model._meta.concrete_fields
    columns = ", ".join(_column(model, f.name) for f in fields)
    compiler = model._default_manager.all().query.get_compiler(connection=connection)
    expressions = [f.get_col(f.model._meta.db_table) for f in fields]
    converters = [
        (position, functions, expression)
        for position, (functions, expression) in compiler.get_converters(expressions).items()
    ]
    source = quote(model._meta.db_table)
    for parent, link in model._meta.parents.items():  # multi-table inheritance (pages)
        parent_table = quote(parent._meta.db_table)
        parent_pk = quote(parent._meta.pk.column)
        source += (
            f" JOIN {parent_table} ON {parent_table}.{parent_pk} = {_column(model, link.name)}"
        )
    return _Select(
        columns,
        source,
        [f.attname for f in fields],
        converters,
        _order(model, ()),
    )


def _column(model: type[Model], name: str) -> str:
    quote = connection.ops.quote_name
    field = model._meta.pk if name == "pk" else model._meta.get_field(name)
    return f"{quote(field.model._meta.db_table)}.{quote(field.column)}"


def _order_keys(model: type[Model], order: tuple[str, ...]) -> list[str]:
    return list(order or model._meta.ordering or ()) + ["pk"]


def _order(model: type[Model], order: tuple[str, ...]) -> str:
    parts = []
    for name in _order_keys(model, order):
        descending = name.startswith("-")
        parts.append(_column(model, name.lstrip("-")) + (" DESC" if descending else ""))
    return ", ".join(parts)


def _chunks(values: list) -> Iterable[list]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]
