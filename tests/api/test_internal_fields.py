"""Internal fields need a KCC token: without one they are null with an error, never a leak."""

import pytest
from api_support import gql
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied

from api.models import ApiToken
from api.tokens import create_token, hash_token, token_for_user
from catalogue.models import ProductPage, Service

pytestmark = pytest.mark.django_db

QUERY = """query($s: String!) { product(slug: $s) { title kccInternalNotes
  responsibleService { name routingInternal routingHours } } }"""


@pytest.fixture
def product():
    page = ProductPage.objects.live().filter(responsible_service__isnull=False).first()
    ProductPage.objects.filter(pk=page.pk).update(kcc_internal_notes="Geheime tip voor het KCC.")
    Service.objects.filter(pk=page.responsible_service_id).update(
        routing_internal="Wachtrij 2e lijn burgerzaken", routing_hours="ma-vr 9-17"
    )
    return page


def test_anonymous_gets_null_and_a_clear_error(client, product):
    status, body = gql(client, QUERY, {"s": product.slug})
    assert status == 200
    data = body["data"]["product"]
    assert data["title"] == product.title  # public fields still come
    assert data["kccInternalNotes"] is None
    assert data["responsibleService"]["routingInternal"] is None
    assert data["responsibleService"]["routingHours"] is None
    errors = {tuple(e["path"]): e for e in body["errors"]}
    assert set(errors) == {
        ("product", "kccInternalNotes"),
        ("product", "responsibleService", "routingInternal"),
        ("product", "responsibleService", "routingHours"),
    }
    for error in errors.values():
        assert error["extensions"]["code"] == "FORBIDDEN"
        assert "KCC" in error["message"] and "Bearer" in error["message"]
    assert "Geheime tip" not in str(body) and "Wachtrij" not in str(body)


def test_a_kcc_token_reads_internal_fields(client, product, kcc_token):
    status, body = gql(client, QUERY, {"s": product.slug}, token=kcc_token)
    assert status == 200 and "errors" not in body, body
    data = body["data"]["product"]
    assert data["kccInternalNotes"] == "Geheime tip voor het KCC."
    assert data["responsibleService"]["routingInternal"] == "Wachtrij 2e lijn burgerzaken"
    assert data["responsibleService"]["routingHours"] == "ma-vr 9-17"


@pytest.mark.parametrize(
    "header", ["Bearer pdc_nope_nope", "Bearer ", "Basic abc", "Bearer x" * 50]
)
def test_a_bad_token_is_refused_with_401(client, product, header):
    response = client.post(
        "/graphql/",
        '{"query": "{ topics { slug } }"}',
        content_type="application/json",
        HTTP_AUTHORIZATION=header,
    )
    assert response.status_code == 401
    assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_inactive_and_expired_tokens_stop_working(client, product):
    token, plain = create_token("tijdelijk")
    assert gql(client, QUERY, {"s": product.slug}, token=plain)[0] == 200
    token.active = False
    token.save()
    assert gql(client, QUERY, {"s": product.slug}, token=plain)[0] == 401
    token.active = True
    token.expires_at = token.created_at
    token.save()
    assert gql(client, QUERY, {"s": product.slug}, token=plain)[0] == 401


def test_tokens_are_stored_hashed_and_record_use(client, product):
    token, plain = create_token("gehasht")
    assert token.secret_hash == hash_token(plain)
    assert not ApiToken.objects.filter(secret_hash=plain).exists()
    assert plain not in str(ApiToken.objects.filter(pk=token.pk).values().get())
    gql(client, QUERY, {"s": product.slug}, token=plain)
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_token_for_user_is_stable_and_tied_to_the_kcc_role(client, product, django_user_model):
    agent = django_user_model.objects.create_user("agent", password="x")
    with pytest.raises(PermissionDenied):
        token_for_user(agent)
    agent.groups.add(Group.objects.get_or_create(name="KCC-medewerker")[0])
    agent = django_user_model.objects.get(pk=agent.pk)  # fresh permission caches
    first = token_for_user(agent)
    assert token_for_user(agent) == first
    assert ApiToken.objects.filter(user=agent).count() == 1
    body = gql(client, QUERY, {"s": product.slug}, token=first)[1]
    assert body["data"]["product"]["kccInternalNotes"] == "Geheime tip voor het KCC."
    # Leaving the KCC group ends access, also for the token already handed out.
    agent.groups.clear()
    assert gql(client, QUERY, {"s": product.slug}, token=first)[0] == 401
    # Deactivating the token (a leak) makes the console get a fresh one.
    agent.groups.add(Group.objects.get(name="KCC-medewerker"))
    ApiToken.objects.filter(user=agent).update(active=False)
    second = token_for_user(django_user_model.objects.get(pk=agent.pk))
    assert second != first
    assert gql(client, QUERY, {"s": product.slug}, token=first)[0] == 401
    assert gql(client, QUERY, {"s": product.slug}, token=second)[0] == 200
    agent.is_active = False
    agent.save()
    assert gql(client, QUERY, {"s": product.slug}, token=second)[0] == 401
