"""How the batch loader reads a model: SQL pieces built once per model, rows as JSON arrays,
and instances built from them (see api.core.loader)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from decimal import Decimal
from functools import cache

from django.conf import settings
from django.db import connection
from django.db.models import Model
from django.db.models.base import ModelState
from django.db.models.signals import post_init, pre_init


@dataclass(frozen=True)
class ModelSql:
    """How to read a model in a UNION branch. Each row comes as JSON arrays of its columns:
    one text column, whatever the model, so the branches of a UNION line up without a
    column per field of every model (which makes PostgreSQL's planner slow)."""

    model: type[Model]
    rows: list[str]  # JSON array expressions, in column order
    source: str  # the table, joined to its parent tables (multi-table inheritance)
    attnames: list[str]
    decoders: list[tuple[int, Callable]]  # JSON value → Python value, where they differ
    plain: bool  # no pre_init/post_init listeners: instances may skip the constructor

    def from_values(self, values: list, alias: str | None = None) -> Model:
        """The instance for a row's decoded JSON values (`values` is changed)."""
        for position, decode in self.decoders:
            if values[position] is not None:
                values[position] = decode(values[position])
        return self.build(values, alias)

    def build(self, values: list, alias: str | None = None) -> Model:
        """An instance for a row. `Model.__init__` does nothing a loaded row needs, but costs:
        ClusterableModel's inspects every field of the model for each instance. So, as long as
        no signal listens to instance creation, fill the instance the way the ORM's fast path
        does, without calling it."""
        alias = alias or connection.alias
        if not self.plain:
            return self.model.from_db(alias, self.attnames, values)
        obj = self.model.__new__(self.model)
        obj.__dict__.update(zip(self.attnames, values, strict=True))
        state = obj._state = ModelState()
        state.adding, state.db = False, alias
        return obj


_ARGS_PER_ARRAY = 90  # json_build_array takes at most 100 arguments, json_array 127


@cache
def model_sql(model: type[Model], vendor: str, skip: frozenset[str] = frozenset()) -> ModelSql:
    """`skip`: attribute names of columns not to read (large texts a query does not need);
    Django loads such a deferred field on first access, as for `QuerySet.defer()`."""
    quote = connection.ops.quote_name
    fields = [f for f in model._meta.concrete_fields if f.attname not in skip]
    columns = [column(model, f.name) for f in fields]
    array = "json_build_array({})::text" if vendor == "postgresql" else "json_array({})"
    rows = [
        array.format(", ".join(columns[start : start + _ARGS_PER_ARRAY]))
        for start in range(0, len(columns), _ARGS_PER_ARRAY)
    ]
    source = quote(model._meta.db_table)
    for parent, link in model._meta.parents.items():
        table, pk = quote(parent._meta.db_table), quote(parent._meta.pk.column)
        source += f" JOIN {table} ON {table}.{pk} = {column(model, link.name)}"
    decoders = [(n, d) for n, f in enumerate(fields) if (d := _decoder(f)) is not None]
    plain = not (pre_init.has_listeners(model) or post_init.has_listeners(model))
    return ModelSql(model, rows, source, [f.attname for f in fields], decoders, plain)


def decode_json(text) -> list:
    # Decimals stay exact; PostgreSQL drivers may hand over json text or a decoded list.
    return json.loads(text, parse_float=Decimal) if isinstance(text, str | bytes) else text


def decode_many(texts: list) -> list:
    """`decode_json` of each of `texts`, with one parser call for all of them (a call per
    row costs more than the parsing itself)."""
    if all(isinstance(text, str) for text in texts):
        return json.loads(f"[{','.join(texts)}]", parse_float=Decimal)
    return [decode_json(text) for text in texts]


def _decoder(field) -> Callable | None:
    """Turns the JSON form of a column value (as SQLite or PostgreSQL write it) into the
    Python value the field holds."""
    kind = field.get_internal_type()
    if kind == "DateField":
        return date.fromisoformat
    if kind == "DateTimeField":
        return _datetime
    if kind == "TimeField":
        return time.fromisoformat
    if kind == "DecimalField":
        exponent = Decimal(1).scaleb(-field.decimal_places)
        return lambda value: Decimal(value).quantize(exponent)
    if kind == "BooleanField":
        return bool
    if kind == "UUIDField":
        return lambda value: value if isinstance(value, uuid.UUID) else uuid.UUID(value)
    if kind == "FloatField":
        return float
    if kind == "JSONField":
        return lambda value: json.loads(value) if isinstance(value, str) else value
    return None


def _datetime(value: str) -> datetime:
    parsed = datetime.fromisoformat(value)
    if settings.USE_TZ and parsed.tzinfo is None:  # SQLite keeps UTC without an offset
        parsed = parsed.replace(tzinfo=UTC)
    return parsed


def column(model: type[Model], name: str) -> str:
    return _quoted_column(model, name, connection.vendor)


@cache
def _quoted_column(model: type[Model], name: str, vendor: str) -> str:
    quote = connection.ops.quote_name
    field = model._meta.pk if name == "pk" else model._meta.get_field(name)
    return f"{quote(field.model._meta.db_table)}.{quote(field.column)}"
