"""A leaner graphql-core execution for this API, whose resolvers are all synchronous.

graphql-core's `ExecutionContext` runs the same general machinery for every field of every
object: look the field up, build a `GraphQLResolveInfo`, coerce the arguments, call the
resolver, then walk `complete_value` (non-null, list, leaf, abstract, object) while checking
each value for awaitables. A product detail has some 400 fields, most of them scalar leaves,
so that machinery, not SQL, was most of the request's time.

`FastExecutionContext` keeps the semantics (the same results, errors and error paths) and
cuts the per-field work:
- each selection set gets a plan (field definition, resolver, arguments) once per parsed
  document, kept with it across requests: the view caches parsed documents per query text,
  so a website's few queries are planned once. What depends on the variables stays per
  request: arguments that use a variable are coerced once per request, and a document whose
  `@skip`/`@include` use a variable collects its sub-selections per request;
- a scalar or enum field with graphene's default attribute resolver is read with `getattr`
  and serialized directly, without an info object, arguments or a path;
- other leaf fields skip argument coercion and `complete_value`; object and list fields skip
  the field lookup and the argument coercion, and those read with the default resolver
  (opening hours' time spans, ...) need no info object either: an object or a list of
  objects is completed here, without `complete_value` per item;
- lists and objects skip the awaitable checks (the view passes `is_awaitable` that always
  says no) and dispatch on a per-type kind computed once.
Anything unusual (middleware, abstract types, a field whose arguments fail to coerce) takes
graphql-core's own path.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from functools import partial
from typing import Any

from graphene.types.resolver import dict_or_attr_resolver
from graphql import (
    ExecutionContext,
    FieldNode,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLResolveInfo,
    OperationDefinitionNode,
    SelectionSetNode,
    Undefined,
    get_argument_values,
    is_leaf_type,
    is_list_type,
    is_non_null_type,
    is_object_type,
    located_error,
)
from graphql.execution.execute import get_field_def
from graphql.language import VariableNode, is_const_value_node
from graphql.pyutils import Path, inspect

# How a field is executed.
_ATTR_LEAF = 1  # default attribute resolver, scalar/enum result
_LEAF = 2  # own resolver, scalar/enum result
_NODE = 3  # an object, list or abstract result: complete_value
_GENERAL = 4  # graphql-core's execute_field

# Scalars whose serialize() returns a value of this class unchanged.
_SELF_SERIALIZING = {"String": str, "Boolean": bool}

# What a type is, for complete_value.
_NON_NULL, _LIST, _OBJECT, _OTHER = 1, 2, 3, 4
_KINDS: dict[GraphQLOutputType, int] = {}


def _kind(return_type: GraphQLOutputType) -> int:
    kind = _KINDS.get(return_type)
    if kind is None:
        if is_non_null_type(return_type):
            kind = _NON_NULL
        elif is_list_type(return_type):
            kind = _LIST
        elif is_object_type(return_type) and not return_type.is_type_of:
            kind = _OBJECT
        else:
            kind = _OTHER
        _KINDS[return_type] = kind
    return kind


class _Plan:
    """How to execute one response key of one selection set."""

    __slots__ = (
        "name",
        "nodes",
        "field_def",
        "return_type",
        "kind",
        "resolve",
        "attname",
        "default",
        "args",
        "non_null",
        "serialize",
        "null_message",
        "same",
        "shape",
        "object_type",
        "item_type",
        "item_non_null",
    )


def _plan_shape(plan: _Plan, named: GraphQLOutputType) -> None:
    """Object and list-of-object fields, which `_complete_node` completes itself."""
    plan.shape = None
    if _kind(named) == _OBJECT:
        plan.shape, plan.object_type = _OBJECT, named
    elif _kind(named) == _LIST:
        item_type = named.of_type
        item_non_null = is_non_null_type(item_type)
        item = item_type.of_type if item_non_null else item_type
        if _kind(item) == _OBJECT:
            plan.shape, plan.object_type = _LIST, item
            plan.item_type, plan.item_non_null = item_type, item_non_null


class _Shared:
    """What every execution of one parsed operation can reuse."""

    __slots__ = ("operation", "fragments", "subfields", "plans", "static_selections")

    def __init__(self, operation: OperationDefinitionNode, fragments: dict) -> None:
        self.operation, self.fragments = operation, fragments  # keeps the node ids unique
        self.subfields: dict = {}
        self.plans: dict[int, tuple[dict, list[_Plan], tuple]] = {}
        self.static_selections = not any(
            _variable_directives(node.selection_set) for node in (operation, *fragments.values())
        )


def _variable_directives(selection_set: SelectionSetNode | None) -> bool:
    """Whether a directive (@skip/@include) below takes a variable."""
    if selection_set is None:
        return False
    for selection in selection_set.selections:
        for directive in selection.directives or ():
            if any(isinstance(a.value, VariableNode) for a in directive.arguments or ()):
                return True
        if _variable_directives(getattr(selection, "selection_set", None)):
            return True
    return False


_SHARED_SIZE = 512  # as many as the view's parse cache
_shared: OrderedDict[int, _Shared] = OrderedDict()
_shared_lock = threading.Lock()


def _shared_for(operation: OperationDefinitionNode, fragments: dict) -> _Shared:
    key = id(operation)
    with _shared_lock:
        found = _shared.get(key)
        if found is not None and found.operation is operation:
            _shared.move_to_end(key)
            return found
    found = _Shared(operation, fragments)
    with _shared_lock:
        _shared[key] = found
        while len(_shared) > _SHARED_SIZE:
            _shared.popitem(last=False)
    return found


class FastExecutionContext(ExecutionContext):
    """See the module docstring. Only for synchronous resolvers."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # id(fields) -> (fields, plans, signature): the fields dict is kept so its id stays
        # unique; the signature (type, response names, field nodes) is equal for equal fields.
        self._plans: dict[int, tuple[dict, list[_Plan], tuple]] = {}
        self._args: dict[int, dict] = {}  # arguments with variables, per plan, this request
        self._done: dict[tuple, tuple] = {}  # (object, fields) -> answer, this request
        if self.middleware_manager is None:
            shared = _shared_for(self.operation, self.fragments)
            if shared.static_selections:
                self._subfields_cache = shared.subfields
                self._plans = shared.plans

    # --- fields ------------------------------------------------------------------------------

    def execute_fields(
        self,
        parent_type: GraphQLObjectType,
        source_value: Any,
        path: Path | None,
        fields: dict[str, list[FieldNode]],
    ) -> dict[str, Any]:
        cached = self._plans.get(id(fields))
        if cached is None or cached[0] is not fields:
            plans = [self._plan(parent_type, n, f) for n, f in fields.items()]
            signature = (parent_type.name, *((n, *map(id, f)) for n, f in fields.items()))
            cached = (fields, plans, signature)
            if path is not None:  # the root's fields are collected anew for each request
                self._plans[id(fields)] = cached
        if path is None or isinstance(source_value, dict):
            return self._execute_plans(parent_type, source_value, path, cached[1])
        # The same object asked for the same fields again in this request (a location under
        # several channels, its week of opening hours): the same answer, executed once.
        # Only answers without errors are reused, so every error keeps its own path.
        key = (id(source_value), cached[2])
        done = self._done.get(key)
        if done is not None and done[0] is source_value:
            return done[1]
        errors = len(self.collected_errors.errors)
        results = self._execute_plans(parent_type, source_value, path, cached[1])
        if len(self.collected_errors.errors) == errors:
            self._done[key] = (source_value, results)
        return results

    def _execute_plans(
        self, parent_type: GraphQLObjectType, source_value: Any, path: Path | None, plans: list
    ) -> dict[str, Any]:
        results: dict[str, Any] = {}
        type_name = parent_type.name
        is_dict = isinstance(source_value, dict)
        for plan in plans:
            kind = plan.kind
            if kind == _ATTR_LEAF:
                if is_dict:
                    value = source_value.get(plan.attname, plan.default)
                else:
                    value = getattr(source_value, plan.attname, plan.default)
                # Strings and booleans serialize to themselves: the most common leaves.
                if value.__class__ is plan.same:
                    results[plan.name] = value
                    continue
                field_path = None
            elif kind == _NODE:
                field_path = Path(path, plan.name, type_name)
                try:
                    if plan.attname is None:
                        info = self.build_resolve_info(
                            plan.field_def, plan.nodes, parent_type, field_path
                        )
                        value = plan.resolve(source_value, info, **self._arguments(plan))
                    else:  # the default resolver: no info, no arguments
                        info = None
                        if is_dict:
                            value = source_value.get(plan.attname, plan.default)
                        else:
                            value = getattr(source_value, plan.attname, plan.default)
                    results[plan.name] = self._complete_node(
                        plan, parent_type, info, field_path, value
                    )
                except Exception as raw_error:
                    error = located_error(raw_error, plan.nodes, field_path.as_list())
                    self.handle_field_error(error, plan.field_def.type, field_path)
                    results[plan.name] = None
                continue
            elif kind == _GENERAL:
                result = self.execute_field(
                    parent_type, source_value, plan.nodes, Path(path, plan.name, type_name)
                )
                if result is not Undefined:
                    results[plan.name] = result
                continue
            else:
                field_path = Path(path, plan.name, type_name)
            try:
                if kind == _LEAF:
                    info = self.build_resolve_info(
                        plan.field_def, plan.nodes, parent_type, field_path
                    )
                    value = plan.resolve(source_value, info, **self._arguments(plan))
                results[plan.name] = self._complete_leaf(plan, value)
            except Exception as raw_error:
                field_path = field_path or Path(path, plan.name, type_name)
                error = located_error(raw_error, plan.nodes, field_path.as_list())
                self.handle_field_error(error, plan.field_def.type, field_path)
                results[plan.name] = None
        return results

    def _complete_node(self, plan: _Plan, parent_type, info, path: Path, value: Any) -> Any:
        """`complete_value` for an object or a list of objects (the usual cases, done here
        without an info object); anything else through `complete_value`."""
        shape = plan.shape
        if shape is not None and not isinstance(value, Exception):
            if value is None or value is Undefined:
                if plan.non_null:
                    raise TypeError(plan.null_message)
                return None
            if shape is _OBJECT:
                return self.execute_fields(
                    plan.object_type,
                    value,
                    path,
                    self.collect_subfields(plan.object_type, plan.nodes),
                )
            if isinstance(value, (list, tuple)):
                return self._complete_objects(plan, path, value)
        if info is None:
            info = self.build_resolve_info(plan.field_def, plan.nodes, parent_type, path)
        return self.complete_value(plan.field_def.type, plan.nodes, info, path, value)

    def _complete_objects(self, plan: _Plan, path: Path, items: list | tuple) -> list:
        """A list of objects, as `_complete_list` completes it."""
        object_type, item_type, nodes = plan.object_type, plan.item_type, plan.nodes
        subfields = self.collect_subfields(object_type, nodes)
        execute_fields = self.execute_fields
        completed: list[Any] = []
        append = completed.append
        for index, item in enumerate(items):
            item_path = Path(path, index, None)
            try:
                if isinstance(item, Exception):
                    raise item
                if item is None or item is Undefined:
                    if plan.item_non_null:
                        raise TypeError(plan.null_message)
                    append(None)
                    continue
                append(execute_fields(object_type, item, item_path, subfields))
            except Exception as raw_error:
                error = located_error(raw_error, nodes, item_path.as_list())
                self.handle_field_error(error, item_type, item_path)
                append(None)
        return completed

    @staticmethod
    def _complete_leaf(plan: _Plan, value: Any) -> Any:
        if isinstance(value, Exception):
            raise value
        if value is None or value is Undefined:
            if plan.non_null:
                raise TypeError(plan.null_message)
            return None
        serialized = plan.serialize(value)
        if serialized is None or serialized is Undefined:
            raise TypeError(
                f"Expected `{inspect(plan.return_type)}.serialize({inspect(value)})`"
                f" to return non-nullable value, returned: {inspect(serialized)}"
            )
        return serialized

    def _arguments(self, plan: _Plan) -> dict:
        if plan.args is not None:
            return plan.args
        args = self._args.get(id(plan))
        if args is None:  # arguments from variables: once per request
            args = self._args[id(plan)] = get_argument_values(
                plan.field_def, plan.nodes[0], self.variable_values
            )
        return args

    def _plan(self, parent_type: GraphQLObjectType, name: str, nodes: list[FieldNode]) -> _Plan:
        plan = _Plan()
        plan.name, plan.nodes, plan.kind = name, nodes, _GENERAL
        field_def = get_field_def(self.schema, parent_type, nodes[0])
        plan.field_def = field_def
        if not field_def or self.middleware_manager:
            return plan
        arguments = nodes[0].arguments or ()
        if any(not is_const_value_node(a.value) for a in arguments):
            plan.args = None  # coerced once per request (see _arguments)
        else:
            try:
                plan.args = get_argument_values(field_def, nodes[0], {})
            except Exception:  # reported per field, by the general path
                return plan
        return_type = field_def.type
        plan.non_null = is_non_null_type(return_type)
        named = return_type.of_type if plan.non_null else return_type
        plan.null_message = (
            f"Cannot return null for non-nullable field {parent_type.name}.{nodes[0].name.value}."
        )
        resolve = field_def.resolve or self.field_resolver
        default = (
            isinstance(resolve, partial)
            and resolve.func is dict_or_attr_resolver
            and len(resolve.args) == 2
            and not resolve.keywords
        )
        if not is_leaf_type(named):
            plan.kind = _NODE
            plan.resolve = resolve
            plan.attname, plan.default = resolve.args if default else (None, None)
            _plan_shape(plan, named)
            return plan
        plan.return_type = named
        plan.serialize = named.serialize
        if default:
            plan.attname, plan.default = resolve.args
            plan.kind = _ATTR_LEAF
            plan.same = _SELF_SERIALIZING.get(named.name)
        else:
            plan.kind = _LEAF
            plan.resolve = resolve
        return plan

    # --- values ------------------------------------------------------------------------------

    def complete_value(
        self,
        return_type: GraphQLOutputType,
        field_nodes: list[FieldNode],
        info: GraphQLResolveInfo,
        path: Path,
        result: Any,
    ) -> Any:
        kind = _KINDS.get(return_type) or _kind(return_type)
        if kind == _NON_NULL:
            if isinstance(result, Exception):
                raise result
            completed = self.complete_value(return_type.of_type, field_nodes, info, path, result)
            if completed is None:
                raise TypeError(
                    "Cannot return null for non-nullable field"
                    f" {info.parent_type.name}.{info.field_name}."
                )
            return completed
        if kind == _OBJECT:
            if isinstance(result, Exception):
                raise result
            if result is None or result is Undefined:
                return None
            return self.execute_fields(
                return_type, result, path, self.collect_subfields(return_type, field_nodes)
            )
        if kind == _LIST and isinstance(result, (list, tuple)):
            return self._complete_list(return_type, field_nodes, info, path, result)
        return super().complete_value(return_type, field_nodes, info, path, result)

    def _complete_list(self, return_type, field_nodes, info, path: Path, result) -> list:
        item_type = return_type.of_type
        complete = self.complete_value
        completed: list[Any] = []
        append = completed.append
        for index, item in enumerate(result):
            item_path = Path(path, index, None)
            try:
                append(complete(item_type, field_nodes, info, item_path, item))
            except Exception as raw_error:
                error = located_error(raw_error, field_nodes, item_path.as_list())
                self.handle_field_error(error, item_type, item_path)
                append(None)
        return completed
