"""Static checks of a parsed query against the request limits (pure graphql-core, no Django).

- depth: nesting of fields, fragments expanded; introspection has its own fixed bound, as
  GraphiQL's introspection query is deeper than any data query needs to be;
- aliases: aliased fields in the document;
- cost: every field costs 1 (a few expensive ones more); the fields below a paginated field
  count `first` times (the default page size when absent), below `week` seven times;
- page size: `first` above the hard cap;
- string length: string literals and string variables.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    StringValueNode,
    VariableNode,
    get_named_type,
    visit,
)
from graphql.language import Visitor

INTROSPECTION_MAX_DEPTH = 15
FIELD_COSTS = {"text": 2, "readyBy": 2, "readyWindow": 2, "nextOpening": 3, "isOpenNow": 2}
LIST_SIZES = {"week": 7}


@dataclass(frozen=True)
class Limits:
    max_depth: int
    max_aliases: int
    max_cost: int
    max_page_size: int
    default_page_size: int
    max_string_length: int


class LimitExceeded(Exception):
    """`limit` is the name of the setting (environment variable) that was exceeded."""

    def __init__(self, message: str, limit: str, maximum: int, actual: int) -> None:
        super().__init__(message)
        self.limit, self.maximum, self.actual = limit, maximum, actual


def fragments_of(document: DocumentNode) -> dict[str, FragmentDefinitionNode]:
    return {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}


class _Depth:
    """Depth with each fragment measured once (a chain of fragments each spread twice would
    otherwise take exponential time), safe against fragment cycles before validation."""

    def __init__(self, fragments: Mapping[str, FragmentDefinitionNode]) -> None:
        self.fragments = fragments
        self.memo: dict[str, tuple[int, int]] = {}

    def fragment(self, name: str) -> tuple[int, int]:
        if name not in self.memo:
            fragment = self.fragments.get(name)
            self.memo[name] = (0, 0)  # a cycle (refused by validation) ends here
            if fragment is not None:
                self.memo[name] = self.selection(fragment.selection_set)
        return self.memo[name]

    def selection(self, selection_set: SelectionSetNode | None) -> tuple[int, int]:
        """(data depth, introspection depth) below this selection set."""
        if selection_set is None:
            return 0, 0
        data = introspection = 0
        for item in selection_set.selections:
            if isinstance(item, FieldNode):
                below_data, below_intro = self.selection(item.selection_set)
                if item.name.value in ("__schema", "__type"):
                    introspection = max(introspection, 1 + max(below_data, below_intro))
                else:
                    data = max(data, 1 + below_data)
                    introspection = max(introspection, below_intro)
                continue
            if isinstance(item, FragmentSpreadNode):
                below = self.fragment(item.name.value)
            else:
                assert isinstance(item, InlineFragmentNode)
                below = self.selection(item.selection_set)
            data, introspection = max(data, below[0]), max(introspection, below[1])
        return data, introspection


def depth(document: DocumentNode) -> tuple[int, int]:
    """The deepest (data, introspection) nesting over all operations of the document."""
    measure = _Depth(fragments_of(document))
    result = (0, 0)
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode):
            found = measure.selection(definition.selection_set)
            result = (max(result[0], found[0]), max(result[1], found[1]))
    return result


class _Counter(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.aliases = 0
        self.longest_string = 0
        self.field_names: set[str] = set()

    def enter_field(self, node: FieldNode, *_args) -> None:
        self.field_names.add(node.name.value)
        if node.alias is not None:
            self.aliases += 1

    def enter_string_value(self, node: StringValueNode, *_args) -> None:
        self.longest_string = max(self.longest_string, len(node.value))


@dataclass(frozen=True)
class DocumentFacts:
    """What the limits need from a document, computed once per distinct query text."""

    depth: int
    introspection_depth: int
    aliases: int
    longest_string: int
    field_names: frozenset[str]


def facts(document: DocumentNode) -> DocumentFacts:
    counter = _Counter()
    visit(document, counter)
    data_depth, intro_depth = depth(document)
    return DocumentFacts(
        data_depth,
        intro_depth,
        counter.aliases,
        counter.longest_string,
        frozenset(counter.field_names),
    )


def check_document(found: DocumentFacts, limits: Limits) -> None:
    if found.depth > limits.max_depth:
        raise LimitExceeded(
            f"De query is {found.depth} niveaus diep; de grens is {limits.max_depth}.",
            "GRAPHQL_MAX_DEPTH",
            limits.max_depth,
            found.depth,
        )
    if found.introspection_depth > INTROSPECTION_MAX_DEPTH:
        raise LimitExceeded(
            f"De introspectie is {found.introspection_depth} niveaus diep; de grens is "
            f"{INTROSPECTION_MAX_DEPTH}.",
            "INTROSPECTION_MAX_DEPTH",
            INTROSPECTION_MAX_DEPTH,
            found.introspection_depth,
        )
    if found.aliases > limits.max_aliases:
        raise LimitExceeded(
            f"De query gebruikt {found.aliases} aliassen; de grens is {limits.max_aliases}.",
            "GRAPHQL_MAX_ALIASES",
            limits.max_aliases,
            found.aliases,
        )
    if found.longest_string > limits.max_string_length:
        raise LimitExceeded(
            f"Een tekst in de query is {found.longest_string} tekens lang; de grens is "
            f"{limits.max_string_length}.",
            "GRAPHQL_MAX_STRING_LENGTH",
            limits.max_string_length,
            found.longest_string,
        )


def _longest_string(value) -> int:
    if isinstance(value, str):
        return len(value)
    if isinstance(value, Mapping):
        return max((_longest_string(v) for v in value.values()), default=0)
    if isinstance(value, list | tuple):
        return max((_longest_string(v) for v in value), default=0)
    return 0


def check_variables(variables: Mapping | None, limits: Limits) -> None:
    longest = _longest_string(variables or {})
    if longest > limits.max_string_length:
        raise LimitExceeded(
            f"Een variabele is {longest} tekens lang; de grens is {limits.max_string_length}.",
            "GRAPHQL_MAX_STRING_LENGTH",
            limits.max_string_length,
            longest,
        )


class _Cost:
    def __init__(self, schema: GraphQLSchema, fragments, variables, limits: Limits) -> None:
        self.schema, self.fragments, self.limits = schema, fragments, limits
        self.variables = variables or {}
        self.memo: dict[tuple[str, str], int] = {}

    def page_size(self, node: FieldNode) -> int | None:
        for argument in node.arguments or ():
            if argument.name.value != "first":
                continue
            value = argument.value
            if isinstance(value, VariableNode):
                raw = self.variables.get(value.name.value)
            elif isinstance(value, IntValueNode):
                raw = int(value.value)
            else:
                raw = None
            if not isinstance(raw, int) or isinstance(raw, bool):
                return None  # a wrong type is reported by validation or execution
            if raw > self.limits.max_page_size:
                raise LimitExceeded(
                    f"'first' is {raw}; de grens is {self.limits.max_page_size} per pagina.",
                    "GRAPHQL_MAX_PAGE_SIZE",
                    self.limits.max_page_size,
                    raw,
                )
            return max(raw, 0)
        return None

    def fragment_cost(self, name: str) -> int:
        key = (name, "")
        if key not in self.memo:
            self.memo[key] = 0  # a cycle (refused by validation) ends here
            fragment = self.fragments.get(name)
            if fragment is not None:
                target = self.schema.get_type(fragment.type_condition.name.value)
                self.memo[key] = self.selection_cost(fragment.selection_set, target)
        return self.memo[key]

    def selection_cost(self, selection_set, parent_type) -> int:
        if selection_set is None:
            return 0
        total = 0
        for item in selection_set.selections:
            if isinstance(item, FieldNode):
                total += self.field_cost(item, parent_type)
            elif isinstance(item, InlineFragmentNode):
                on = item.type_condition
                target = self.schema.get_type(on.name.value) if on else parent_type
                total += self.selection_cost(item.selection_set, target)
            elif isinstance(item, FragmentSpreadNode):
                total += self.fragment_cost(item.name.value)
        return total

    def field_cost(self, node: FieldNode, parent_type) -> int:
        name = node.name.value
        if name.startswith("__"):
            return 1  # introspection: bounded by its own depth limit
        fields = getattr(parent_type, "fields", None) or {}
        definition = fields.get(name)
        if definition is None:
            return 1
        below = self.selection_cost(node.selection_set, get_named_type(definition.type))
        multiplier = LIST_SIZES.get(name, 1)
        if "first" in definition.args:
            size = self.page_size(node)
            multiplier = self.limits.default_page_size if size is None else size
        return FIELD_COSTS.get(name, 1) + multiplier * below


def cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Mapping | None,
    limits: Limits,
) -> int:
    """Estimated cost of one operation; raises LimitExceeded for a page size over the cap."""
    counter = _Cost(schema, fragments_of(document), variables, limits)
    root = schema.get_root_type(operation.operation)
    return counter.selection_cost(operation.selection_set, root)


def check_cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Mapping | None,
    limits: Limits,
) -> int:
    found = cost(schema, document, operation, variables, limits)
    if found > limits.max_cost:
        raise LimitExceeded(
            f"De query kost naar schatting {found} punten; de grens is {limits.max_cost}. "
            "Vraag minder velden of kleinere pagina's op.",
            "GRAPHQL_MAX_COST",
            limits.max_cost,
            found,
        )
    return found
