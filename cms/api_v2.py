"""Wagtail's own REST API, kept as the baseline our GraphQL API is benchmarked against.

`meta.html_url` (of a page, its parent and what it is an alias of) is the page's address on
the municipality's website (`catalogue.public_urls`), null while none is configured.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import (
    PageAliasOfField,
    PageHtmlUrlField,
    PageParentField,
    PageSerializer,
    get_serializer_class,
)
from wagtail.api.v2.views import PagesAPIViewSet

from catalogue.public_urls import public_url

_NESTED_FIELDS = ["id", "type", "detail_url", "html_url", "title"]
_NESTED_META = ["type", "detail_url", "html_url"]


class PublicHtmlUrlField(PageHtmlUrlField):
    def to_representation(self, page):
        return public_url(page, self.context.get("request"))


class _NestedPageMixin:
    """A parent or alias page, serialized with the public html_url too."""

    def to_representation(self, value):
        serializer_class = get_serializer_class(
            value.__class__, _NESTED_FIELDS, meta_fields=_NESTED_META, base=PublicPageSerializer
        )
        return serializer_class(context=self.context).to_representation(value)


class PublicParentField(_NestedPageMixin, PageParentField):
    pass


class PublicAliasOfField(_NestedPageMixin, PageAliasOfField):
    pass


class PublicPageSerializer(PageSerializer):
    html_url = PublicHtmlUrlField(read_only=True)
    parent = PublicParentField(read_only=True)
    alias_of = PublicAliasOfField(read_only=True)


class PublicPagesAPIViewSet(PagesAPIViewSet):
    base_serializer_class = PublicPageSerializer


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
