"""API tokens in the Wagtail admin: created with the plain token shown once, stored hashed."""

import re

import pytest
from api_support import gql

from api.models import ApiToken
from api.tokens import hash_token

pytestmark = pytest.mark.django_db


def test_create_a_token_in_the_admin(admin_client):
    response = admin_client.get("/admin/graphql-tokens/new/")
    assert response.status_code == 200
    assert "Naam" in response.content.decode()
    response = admin_client.post(
        "/admin/graphql-tokens/new/", {"name": "Website Heuvelrode", "role": "kcc", "active": "on"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "nooit meer getoond" in html
    plain = re.search(r'value="(pdc_[^"]+)"', html).group(1)
    token = ApiToken.objects.get(name="Website Heuvelrode")
    assert token.secret_hash == hash_token(plain)
    assert plain.startswith(f"pdc_{token.prefix}_")
    status, body = gql(admin_client, "{ services { routingInternal } }", token=plain)
    assert status == 200 and "errors" not in body
    listing = admin_client.get("/admin/graphql-tokens/").content.decode()
    assert "Website Heuvelrode" in listing and token.prefix in listing
    assert plain not in listing
    edit = admin_client.get(f"/admin/graphql-tokens/edit/{token.pk}/").content.decode()
    assert plain not in edit and token.secret_hash not in edit


def test_deactivating_a_token_in_the_admin(admin_client):
    admin_client.post("/admin/graphql-tokens/new/", {"name": "Chatbot", "role": "kcc"})
    token = ApiToken.objects.get(name="Chatbot")
    response = admin_client.post(
        f"/admin/graphql-tokens/edit/{token.pk}/", {"name": "Chatbot", "role": "kcc"}
    )
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.active is False  # the unchecked box


def test_editors_without_rights_cannot_manage_tokens(client, django_user_model):
    from django.contrib.auth.models import Permission

    editor = django_user_model.objects.create_user("redacteur", password="x")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get("/admin/graphql-tokens/").status_code in (302, 403)
