"""CORS for the websites that call the API from a browser (GRAPHQL_CORS_ORIGINS)."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers

ALLOWED_HEADERS = "Authorization, Content-Type, If-None-Match"
PREFLIGHT_MAX_AGE = 86400


def allowed_origin(request: HttpRequest) -> str | None:
    origin = request.headers.get("Origin")
    allowed = settings.GRAPHQL_CORS_ORIGINS
    if not origin or not allowed:
        return None
    if "*" in allowed:
        return "*"
    return origin if origin in allowed else None


def add_headers(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    origin = allowed_origin(request)
    if origin is not None:
        response["Access-Control-Allow-Origin"] = origin
        response["Access-Control-Expose-Headers"] = "ETag"
    patch_vary_headers(response, ["Origin"])
    return response


def preflight(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(status=204)
    response["Allow"] = "GET, POST, OPTIONS"
    if allowed_origin(request) is not None:
        response["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
        response["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
        response["Access-Control-Max-Age"] = str(PREFLIGHT_MAX_AGE)
    return add_headers(request, response)
