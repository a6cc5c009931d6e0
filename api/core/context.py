"""Who is asking (API token role) and which channel's wording a value is resolved for.

The GraphQL context is the Django request; `api.views` sets `request.api_token`. Code that runs
the schema directly (tests, the KCC console) may pass any object with that attribute.
"""

from functools import wraps

from .errors import FORBIDDEN, ApiError

KCC = "kcc"
_CHANNEL_ATTR = "_api_channel"


def api_role(info) -> str | None:
    token = getattr(info.context, "api_token", None)
    return getattr(token, "role", None)


def internal(label: str):
    """Resolver decorator: a KCC token reads the field; anyone else gets null and an error."""

    def decorator(resolver):
        @wraps(resolver)
        def wrapper(root, info, **kwargs):
            if api_role(info) != KCC:
                raise ApiError(
                    f"'{label}' is een intern veld: alleen leesbaar met een API-token met de "
                    "rol KCC (header 'Authorization: Bearer <token>').",
                    FORBIDDEN,
                    field=info.field_name,
                )
            return resolver(root, info, **kwargs)

        return wrapper

    return decorator


def set_channel(items, channel: str):
    """Remember which channel the caller asked for, on each object it resolves to."""
    for item in items:
        setattr(item, _CHANNEL_ATTR, channel)
    return items


def channel_of(item, default: str = "web") -> str:
    return getattr(item, _CHANNEL_ATTR, default)
