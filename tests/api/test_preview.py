"""Preview of a draft revision with a signed, expiring token."""

import pytest
from api_support import gql
from django.core import signing
from factories import make_product

from api.preview import SALT, make_preview_token
from catalogue.models import ProductPage

pytestmark = pytest.mark.django_db

PREVIEW = """query($t: String!) { preview(token: $t) { __typename title summary
  ... on Product { fees { label } channels { kind } } } }"""


def draft_revision():
    page = make_product("voorbeeld", title="Live titel")
    page = ProductPage.objects.get(pk=page.pk)
    page.title = "Concepttitel"
    page.summary = "Nieuwe samenvatting."
    return page.save_revision()


def test_preview_shows_the_draft_revision(client):
    revision = draft_revision()
    status, body = gql(client, PREVIEW, {"t": make_preview_token(revision)})
    assert status == 200 and "errors" not in body, body
    preview = body["data"]["preview"]
    assert preview["__typename"] == "Product"
    assert preview["title"] == "Concepttitel"
    assert preview["fees"] == [{"label": "Tarief"}]
    # The public product is untouched.
    live = gql(client, '{ product(slug: "voorbeeld") { title } }')[1]
    assert live["data"]["product"]["title"] == "Live titel"


def test_preview_of_a_never_published_page(client):
    page = make_product("nieuw-concept", publish=False, live=False)
    status, body = gql(client, PREVIEW, {"t": make_preview_token(page.latest_revision)})
    assert body["data"]["preview"]["title"] == page.title
    assert gql(client, '{ product(slug: "nieuw-concept") { title } }')[1]["data"]["product"] is None


def test_expired_tampered_and_foreign_tokens_are_refused(client, settings):
    revision = draft_revision()
    token = make_preview_token(revision)
    settings.GRAPHQL_PREVIEW_MAX_AGE = -1
    _, expired = gql(client, PREVIEW, {"t": token})
    assert expired["data"]["preview"] is None
    assert expired["errors"][0]["extensions"]["code"] == "PREVIEW_EXPIRED"
    settings.GRAPHQL_PREVIEW_MAX_AGE = 3600
    for bad in (token[:-2] + "xx", "nonsense", signing.dumps({"page": 1, "revision": 1})):
        _, body = gql(client, PREVIEW, {"t": bad})
        assert body["data"]["preview"] is None
        assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    # A validly signed token for a revision of another page.
    forged = signing.TimestampSigner(salt=SALT).sign_object(
        {"page": int(revision.object_id) + 999, "revision": revision.pk}
    )
    _, body = gql(client, PREVIEW, {"t": forged})
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"


def test_preview_link_in_the_admin_redirects_to_the_website(admin_client, settings):
    settings.HEADLESS_PREVIEW_URL = "https://www.example.nl/voorbeeld?token={token}"
    revision = draft_revision()
    response = admin_client.get(f"/admin/graphql-preview/{revision.object_id}/")
    assert response.status_code == 302
    token = response["Location"].split("token=")[1]
    status, body = gql(admin_client, PREVIEW, {"t": token})
    assert body["data"]["preview"]["title"] == "Concepttitel"


def test_preview_link_needs_edit_rights(client, django_user_model, settings):
    settings.HEADLESS_PREVIEW_URL = "https://www.example.nl/voorbeeld?token={token}"
    revision = draft_revision()
    user = django_user_model.objects.create_user("lezer", password="x")
    client.force_login(user)
    response = client.get(f"/admin/graphql-preview/{revision.object_id}/")
    assert response.status_code in (302, 403)
    assert "example.nl" not in response.get("Location", "")
