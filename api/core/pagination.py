"""Cursor pagination: `first`/`after` with opaque cursors, `totalCount` only when asked for."""

import base64
import binascii
from dataclasses import dataclass

import graphene
from django.conf import settings
from django.db.models import QuerySet

from .errors import LIMIT_EXCEEDED, ApiError, bad_input

_CURSOR_PREFIX = "offset:"


def encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"{_CURSOR_PREFIX}{offset}".encode()).decode()


def decode_cursor(cursor: str) -> int:
    try:
        raw = base64.urlsafe_b64decode(cursor.encode("ascii")).decode("ascii")
        if not raw.startswith(_CURSOR_PREFIX):
            raise ValueError
        offset = int(raw[len(_CURSOR_PREFIX) :])
        if offset < 0:
            raise ValueError
        return offset
    except (ValueError, UnicodeError, binascii.Error):
        raise bad_input("Ongeldige cursor in 'after'.", argument="after") from None


def page_size(first: int | None) -> int:
    limit = settings.GRAPHQL_MAX_PAGE_SIZE
    if first is None:
        return min(settings.GRAPHQL_DEFAULT_PAGE_SIZE, limit)
    if first < 0:
        raise bad_input("'first' kan niet negatief zijn.", argument="first")
    if first > limit:
        raise ApiError(
            f"'first' is {first}; de grens is {limit} per pagina.",
            LIMIT_EXCEEDED,
            limit="GRAPHQL_MAX_PAGE_SIZE",
            maximum=limit,
        )
    return first


@dataclass
class ConnectionResult:
    items: list
    offset: int
    has_next: bool
    queryset: QuerySet

    @property
    def total_count(self) -> int:
        return self.queryset.count()


def paginate(queryset: QuerySet, first: int | None, after: str | None) -> ConnectionResult:
    size = page_size(first)
    offset = decode_cursor(after) + 1 if after else 0
    rows = list(queryset[offset : offset + size + 1]) if size else []
    return ConnectionResult(rows[:size], offset, len(rows) > size, queryset)


class PageInfo(graphene.ObjectType):
    has_next_page = graphene.Boolean(required=True)
    has_previous_page = graphene.Boolean(required=True)
    start_cursor = graphene.String()
    end_cursor = graphene.String()

    @staticmethod
    def resolve_has_next_page(root: ConnectionResult, info):
        return root.has_next

    @staticmethod
    def resolve_has_previous_page(root: ConnectionResult, info):
        return root.offset > 0

    @staticmethod
    def resolve_start_cursor(root: ConnectionResult, info):
        return encode_cursor(root.offset) if root.items else None

    @staticmethod
    def resolve_end_cursor(root: ConnectionResult, info):
        return encode_cursor(root.offset + len(root.items) - 1) if root.items else None


def connection(node_type, name: str, description: str = ""):
    """A connection type `<name>Connection` with edges, nodes, pageInfo and totalCount."""

    edge = type(
        f"{name}Edge",
        (graphene.ObjectType,),
        {
            "cursor": graphene.String(required=True),
            "node": graphene.Field(node_type, required=True),
        },
    )

    def resolve_edges(root: ConnectionResult, info):
        return [
            {"cursor": encode_cursor(root.offset + i), "node": item}
            for i, item in enumerate(root.items)
        ]

    return type(
        f"{name}Connection",
        (graphene.ObjectType,),
        {
            "Meta": type("Meta", (), {"description": description or None}),
            "total_count": graphene.Int(required=True, description="Aantal over alle pagina's."),
            "page_info": graphene.Field(PageInfo, required=True),
            "edges": graphene.List(graphene.NonNull(edge), required=True),
            "nodes": graphene.List(graphene.NonNull(node_type), required=True),
            "resolve_total_count": staticmethod(lambda root, info: root.total_count),
            "resolve_page_info": staticmethod(lambda root, info: root),
            "resolve_edges": staticmethod(resolve_edges),
            "resolve_nodes": staticmethod(lambda root, info: root.items),
        },
    )
