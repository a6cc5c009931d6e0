"""The /graphql/ endpoint: limits, token authentication, HTTP caching, CORS and GraphiQL.

Subclasses graphene-django's GraphQLView but takes over request handling, so that every bad
request (malformed JSON, a wrong variable, a query over a limit) is answered with a GraphQL
error and status 400, never with a 500.
"""

import json
import logging
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt
from graphene_django.views import GraphQLView
from graphql import (
    DocumentNode,
    ExecutionResult,
    GraphQLError,
    OperationType,
    execute,
    get_operation_ast,
    parse,
    validate,
)

from . import caching, cors, limits
from .core.errors import BAD_REQUEST, INTERNAL, LIMIT_EXCEEDED, UNAUTHENTICATED
from .core.execution import FastExecutionContext
from .schema import schema as graphene_schema
from .tokens import authenticate

logger = logging.getLogger(__name__)
JSON = "application/json"
MAX_VALIDATION_ERRORS = 20
MAX_TOKENS_PER_CHARACTER = 0.5  # a token is at least ~2 characters in any sane query


def _limits() -> limits.Limits:
    return limits.Limits(
        max_depth=settings.GRAPHQL_MAX_DEPTH,
        max_aliases=settings.GRAPHQL_MAX_ALIASES,
        max_cost=settings.GRAPHQL_MAX_COST,
        max_page_size=settings.GRAPHQL_MAX_PAGE_SIZE,
        default_page_size=settings.GRAPHQL_DEFAULT_PAGE_SIZE,
        max_string_length=settings.GRAPHQL_MAX_STRING_LENGTH,
    )


class RequestError(Exception):
    """A request the API refuses as a whole: answered with one error and `status`."""

    def __init__(self, message: str, code: str = BAD_REQUEST, status: int = 400, **extensions):
        super().__init__(message)
        self.status = status
        self.error = {"message": message, "extensions": {"code": code, **extensions}}


def _limit_error(exc: limits.LimitExceeded) -> RequestError:
    return RequestError(
        str(exc), LIMIT_EXCEEDED, limit=exc.limit, maximum=exc.maximum, actual=exc.actual
    )


@lru_cache(maxsize=512)
def _prepare(query: str, max_length: int, limit_key: limits.Limits):
    """Parse, check static limits and validate one query text; cached per text, since a
    website sends the same few queries over and over."""
    if len(query) > max_length:
        raise limits.LimitExceeded(
            f"De query is {len(query)} tekens lang; de grens is {max_length}.",
            "GRAPHQL_MAX_QUERY_LENGTH",
            max_length,
            len(query),
        )
    try:
        document = parse(query, max_tokens=max(100, int(max_length * MAX_TOKENS_PER_CHARACTER)))
    except GraphQLError as error:
        return None, None, (error,)
    # Static limits before validation: some validation rules are quadratic in the query size.
    found = limits.facts(document)
    limits.check_document(found, limit_key)
    errors = validate(graphene_schema.graphql_schema, document, max_errors=MAX_VALIDATION_ERRORS)
    return document, found, tuple(errors)


@method_decorator(csrf_exempt, name="dispatch")  # no cookies are used to authorize anything
class ApiView(GraphQLView):
    graphiql_template = "api/graphiql.html"

    def __init__(self, **kwargs) -> None:
        super().__init__(schema=graphene_schema, **kwargs)

    # --- request handling ------------------------------------------------------------------

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method == "OPTIONS":
            return cors.preflight(request)
        try:
            response = self.handle(request)
        except RequestError as exc:
            response = self.json_response({"errors": [exc.error]}, exc.status)
            if exc.status == 401:
                response["WWW-Authenticate"] = 'Bearer realm="api"'
            elif exc.status == 405:
                response["Allow"] = "GET, POST, OPTIONS"
        return cors.add_headers(request, response)

    def handle(self, request: HttpRequest) -> HttpResponse:
        if request.method not in ("GET", "POST"):
            raise RequestError("Gebruik GET of POST.", status=405)
        if request.method == "GET" and self.wants_graphiql(request):
            return render(
                request,
                self.graphiql_template,
                {"endpoint": request.path},
            )
        request.api_token = self.token(request)
        data = self.read_body(request)
        if isinstance(data, list):
            return self.batch(request, data)
        payload, status, tag = self.operation(request, data, cacheable=self.cacheable(request))
        return self.finish(request, payload, status, tag)

    def wants_graphiql(self, request: HttpRequest) -> bool:
        return (
            settings.GRAPHQL_GRAPHIQL
            and "query" not in request.GET
            and self.can_display_graphiql(request, {})
        )

    @staticmethod
    def cacheable(request: HttpRequest) -> bool:
        return request.method == "GET" and request.api_token is None

    def token(self, request: HttpRequest):
        header = request.headers.get("Authorization")
        if not header:
            return None
        scheme, _, value = header.partition(" ")
        token = authenticate(value.strip()) if scheme.lower() == "bearer" else None
        if token is None:
            raise RequestError(
                "Ongeldig, verlopen of ingetrokken API-token. Stuur 'Authorization: Bearer "
                "<token>', of laat de header weg voor alleen publieke velden.",
                UNAUTHENTICATED,
                status=401,
            )
        return token

    def read_body(self, request: HttpRequest):
        if request.method == "GET":
            return {
                "query": request.GET.get("query"),
                "variables": request.GET.get("variables"),
                "operationName": request.GET.get("operationName"),
            }
        try:
            body = request.body
        except RequestDataTooBig:
            raise RequestError(
                "Het verzoek is te groot.",
                LIMIT_EXCEEDED,
                limit="DATA_UPLOAD_MAX_MEMORY_SIZE",
                maximum=settings.DATA_UPLOAD_MAX_MEMORY_SIZE,
            ) from None
        content_type = self.get_content_type(request)
        if content_type == "application/graphql":
            return {"query": self.decode(body)}
        if content_type != JSON:
            raise RequestError(
                "Stuur de query als JSON (Content-Type: application/json), of als "
                "application/graphql.",
                status=415,
            )
        try:
            data = json.loads(self.decode(body))
        except ValueError:
            raise RequestError("De body is geen geldige JSON.") from None
        if isinstance(data, list):
            if not data:
                raise RequestError("Een batch moet minstens één operatie bevatten.")
            if len(data) > settings.GRAPHQL_MAX_BATCH:
                raise RequestError(
                    f"De batch bevat {len(data)} operaties; de grens is "
                    f"{settings.GRAPHQL_MAX_BATCH}.",
                    LIMIT_EXCEEDED,
                    limit="GRAPHQL_MAX_BATCH",
                    maximum=settings.GRAPHQL_MAX_BATCH,
                    actual=len(data),
                )
        elif not isinstance(data, dict):
            raise RequestError("Verwacht een JSON-object met 'query' (of een lijst daarvan).")
        return data

    @staticmethod
    def decode(body: bytes) -> str:
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError:
            raise RequestError("De body is geen geldige UTF-8.") from None

    def batch(self, request: HttpRequest, entries: list) -> HttpResponse:
        results = []
        for entry in entries:
            try:
                if not isinstance(entry, dict):
                    raise RequestError("Elke operatie in een batch is een JSON-object.")
                payload, status, _tag = self.operation(request, entry, cacheable=False)
            except RequestError as exc:
                payload, status = {"errors": [exc.error]}, exc.status
            results.append((payload, status))
        status = max(s for _p, s in results) if any(s != 200 for _p, s in results) else 200
        return self.finish(request, [p for p, _s in results], status, None)

    # --- one operation -----------------------------------------------------------------------

    def operation(self, request: HttpRequest, data: dict, cacheable: bool):
        """(payload, status, ETag or None) for one {query, variables, operationName}."""
        query, variables, operation_name = self.params(data)
        limit_key = _limits()
        try:
            document, found, errors = _prepare(query, settings.GRAPHQL_MAX_QUERY_LENGTH, limit_key)
        except limits.LimitExceeded as exc:
            raise _limit_error(exc) from None
        if errors:
            return {"errors": [e.formatted for e in errors]}, 400, None
        operation = get_operation_ast(document, operation_name)
        if operation is None:
            raise RequestError(
                "Geef 'operationName' op: de query bevat meer dan één operatie, of geen met "
                "deze naam."
            )
        if operation.operation == OperationType.SUBSCRIPTION:
            raise RequestError("Deze API kent geen subscriptions.")
        if operation.operation == OperationType.MUTATION and request.method != "POST":
            raise RequestError("Een mutation kan alleen met POST.", status=405)
        try:
            limits.check_variables(variables, limit_key)
            _check_cost(query, operation_name, _int_variables(variables), limit_key)
        except limits.LimitExceeded as exc:
            raise _limit_error(exc) from None

        cacheable = (
            cacheable
            and operation.operation == OperationType.QUERY
            and not (found.field_names & caching.UNCACHEABLE_FIELDS)
        )
        tag = (
            caching.etag(query, variables, operation_name, found.field_names) if cacheable else None
        )
        if tag is not None:
            if caching.if_none_match(request, tag):
                return None, 304, tag
            body = caching.cached_body(tag)
            if body is not None:
                return body, 200, tag
        result = self.execute(request, document, variables, operation_name)
        payload, status = self.result_payload(result)
        if status != 200 or "errors" in payload:
            tag = None  # never cache (or tag) a response with errors
        return payload, status, tag

    @staticmethod
    def params(data: dict):
        query = data.get("query")
        variables = data.get("variables")
        operation_name = data.get("operationName")
        if not isinstance(query, str) or not query.strip():
            raise RequestError("Geef een query op ('query').")
        if isinstance(variables, str) and variables.strip():
            try:
                variables = json.loads(variables)
            except ValueError:
                raise RequestError("'variables' is geen geldige JSON.") from None
        if variables in (None, ""):
            variables = None
        elif not isinstance(variables, dict):
            raise RequestError("'variables' moet een JSON-object zijn.")
        if operation_name in ("", "null"):
            operation_name = None
        if operation_name is not None and not isinstance(operation_name, str):
            raise RequestError("'operationName' moet een tekst zijn.")
        return query, variables, operation_name

    def execute(self, request, document: DocumentNode, variables, operation_name):
        return execute(
            graphene_schema.graphql_schema,
            document,
            context_value=request,
            variable_values=variables,
            operation_name=operation_name,
            is_awaitable=_never_awaitable,  # every resolver is synchronous
            execution_context_class=FastExecutionContext,
        )

    @staticmethod
    def result_payload(result: ExecutionResult) -> tuple[dict, int]:
        payload: dict = {}
        errors = [_masked(error) for error in result.errors or ()]
        if errors:
            payload["errors"] = [e.formatted for e in errors]
        if any(not error.path for error in errors):
            # An error outside any field: the variables did not fit the query.
            return payload, 400
        payload["data"] = result.data
        return payload, 200

    # --- responses ---------------------------------------------------------------------------

    def finish(self, request, payload, status: int, tag: str | None) -> HttpResponse:
        if status == 304:
            response = HttpResponse(status=304)
        elif isinstance(payload, bytes):
            response = HttpResponse(payload, status=status, content_type=JSON)
        else:
            body = self.encode(payload)
            if tag is not None:
                caching.store_body(tag, body)
            response = HttpResponse(body, status=status, content_type=JSON)
        if tag is not None:
            response["ETag"] = tag
            response["Cache-Control"] = caching.cache_control()
        elif getattr(request, "api_token", None) is not None:
            response["Cache-Control"] = "private, no-store"  # internal fields
        else:
            response["Cache-Control"] = "no-cache"
        patch_vary_headers(response, ["Authorization"])
        return response

    @staticmethod
    def encode(payload) -> bytes:
        return json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()

    @staticmethod
    def json_response(payload, status: int) -> HttpResponse:
        return HttpResponse(ApiView.encode(payload), status=status, content_type=JSON)


def _never_awaitable(_value) -> bool:
    return False


def _int_variables(variables: dict | None) -> tuple:
    """The variables a cost depends on (page sizes), as a cache key."""
    return tuple(
        sorted(
            (name, value)
            for name, value in (variables or {}).items()
            if isinstance(value, int) and not isinstance(value, bool)
        )
    )


@lru_cache(maxsize=1024)
def _check_cost(query: str, operation_name, int_variables: tuple, limit_key) -> int:
    """The cost of a query, computed once per query text and page sizes."""
    document, _found, _errors = _prepare(query, settings.GRAPHQL_MAX_QUERY_LENGTH, limit_key)
    operation = get_operation_ast(document, operation_name)
    return limits.check_cost(
        graphene_schema.graphql_schema, document, operation, dict(int_variables), limit_key
    )


def _masked(error: GraphQLError) -> GraphQLError:
    """Errors we did not raise on purpose are logged and shown without internals."""
    original = error.original_error
    if original is None or isinstance(original, GraphQLError):
        return error
    logger.error("GraphQL resolver error at %s", error.path, exc_info=original)
    return GraphQLError(
        "Er ging iets mis bij het ophalen van dit veld.",
        nodes=error.nodes,
        path=error.path,
        extensions={"code": INTERNAL},
    )
