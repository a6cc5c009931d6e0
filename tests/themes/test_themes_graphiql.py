"""The GraphiQL page is framed by the site's theme, like every built-in HTML channel."""

import pytest

pytestmark = pytest.mark.django_db


def test_graphiql_page_uses_the_theme(client):
    response = client.get("/graphql/", HTTP_ACCEPT="text/html")
    body = response.content.decode()
    assert response.status_code == 200
    assert "/static/themes/theme.css" in body
    assert "/static/graphiql/graphiql.min.js" in body
    assert "cdn" not in body.lower()
