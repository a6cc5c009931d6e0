"""GraphQL errors with a stable machine-readable code in `extensions.code`."""

from graphql import GraphQLError

FORBIDDEN = "FORBIDDEN"
BAD_USER_INPUT = "BAD_USER_INPUT"
NOT_FOUND = "NOT_FOUND"
LIMIT_EXCEEDED = "LIMIT_EXCEEDED"
UNAUTHENTICATED = "UNAUTHENTICATED"
BAD_REQUEST = "BAD_REQUEST"
INTERNAL = "INTERNAL_SERVER_ERROR"


class ApiError(GraphQLError):
    def __init__(self, message: str, code: str, **extensions) -> None:
        super().__init__(message, extensions={"code": code, **extensions})


def bad_input(message: str, **extensions) -> ApiError:
    return ApiError(message, BAD_USER_INPUT, **extensions)
