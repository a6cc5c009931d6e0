"""The KCC console (/kcc/): login, the console page, and two small JSON endpoints.

Everything the console shows comes from the public GraphQL API with the agent's KCC token; the
endpoints here only record what the agent did (a report to the editors, sent and answered).
"""

import json
import logging

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template import loader
from django.urls import reverse, reverse_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_POST

from .access import is_kcc_agent
from .activity import EntryNotFound, find_entry, record_event, send_feedback
from .theme import theme_for_request

logger = logging.getLogger(__name__)
MAX_BODY = 20_000  # bytes; a remark is short, this only stops abuse


class ConsoleLoginView(auth_views.LoginView):
    template_name = "themes/login.html"
    redirect_authenticated_user = True
    next_page = reverse_lazy("themes:console")


class ConsoleLogoutView(auth_views.LogoutView):
    next_page = reverse_lazy("themes:login")


def agent_required(view):
    """Logged in (else to the login page) and in the KCC group (else a themed 403)."""

    @login_required(login_url=reverse_lazy("themes:login"))
    def wrapper(request: HttpRequest, *args, **kwargs):
        if not is_kcc_agent(request.user):
            raise PermissionDenied(
                "De KCC-console is alleen voor medewerkers met de rol KCC-medewerker."
            )
        return view(request, *args, **kwargs)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


def _api_token(user) -> str:
    try:
        from api.tokens import token_for_user
    except ImportError:  # the API app is older than the console
        return ""
    try:
        return token_for_user(user)
    except PermissionDenied:
        return ""


@never_cache
@agent_required
def console(request: HttpRequest) -> HttpResponse:
    theme = theme_for_request(request)
    config = {
        "graphqlUrl": "/graphql/",
        "token": _api_token(request.user),
        "feedbackUrl": reverse("themes:feedback"),
        "eventUrl": reverse("themes:event"),
        "csrfToken": get_token(request),
        "municipality": theme.display_name,
    }
    response = render(request, "themes/console.html", {"theme": theme, "console_config": config})
    # The token is in the page: keep it out of caches and other sites' frames.
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "same-origin"
    return response


def _json_body(request: HttpRequest) -> dict:
    if len(request.body) > MAX_BODY:
        raise ValueError("Het bericht is te groot.")
    try:
        data = json.loads(request.body or b"{}")
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ValueError("Ongeldige JSON.") from error
    if not isinstance(data, dict):
        raise ValueError("Verwacht een JSON-object.")
    return data


def _text(data: dict, key: str, limit: int) -> str:
    value = data.get(key) or ""
    if not isinstance(value, str):
        raise ValueError(f"'{key}' moet tekst zijn.")
    return value.strip()[:limit]


@require_POST
@agent_required
def feedback(request: HttpRequest) -> JsonResponse:
    """'Antwoord ontbreekt of klopt niet': a task for the responsible editors."""
    try:
        data = _json_body(request)
        kind = _text(data, "kind", 20)
        page = find_entry(data.get("type"), data.get("slug")) if data.get("slug") else None
        report = send_feedback(
            kind,
            page=page,
            query=_text(data, "query", 500),
            remark=_text(data, "remark", 2000),
            user=request.user,
        )
    except EntryNotFound as error:
        return JsonResponse({"error": str(error)}, status=404)
    except ValueError as error:
        return JsonResponse({"error": str(error)}, status=400)
    return JsonResponse(
        {"id": report.pk, "service": report.service.name if report.service else None},
        status=201,
    )


@require_POST
@agent_required
def event(request: HttpRequest) -> JsonResponse:
    """Sent the summary to the citizen, or marked the contact as answered by this entry."""
    try:
        data = _json_body(request)
        page = find_entry(data.get("type"), data.get("slug"))
        search_id = data.get("searchId")
        record_event(
            _text(data, "event", 20),
            page,
            query=_text(data, "query", 200),
            search_id=search_id if isinstance(search_id, int | str) else None,
        )
    except EntryNotFound as error:
        return JsonResponse({"error": str(error)}, status=404)
    except ValueError as error:
        return JsonResponse({"error": str(error)}, status=400)
    return JsonResponse({"ok": True}, status=201)


# --- Error pages in the site's theme --------------------------------------------------------


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def permission_denied(request, exception=None):
    message = str(exception) if exception and str(exception) else ""
    return render(request, "403.html", {"message": message}, status=403)


@requires_csrf_token
def server_error(request):
    try:
        html = loader.render_to_string("500.html", {}, request=None)
    except Exception:  # noqa: BLE001 - the error page itself must never fail
        logger.exception("Themed 500 page failed; plain fallback used.")
        html = (
            '<!DOCTYPE html><html lang="nl"><title>Er ging iets mis</title>'
            "<h1>Er ging iets mis</h1><p>Probeer het over een paar minuten opnieuw.</p></html>"
        )
    return HttpResponse(html, status=500)
