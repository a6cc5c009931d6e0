"""`{% public_url page as url %}`: the page's address on the municipality's website, or None."""

from django import template

from catalogue.public_urls import public_url as page_public_url

register = template.Library()


@register.simple_tag(takes_context=True)
def public_url(context, page):
    return page_public_url(page, context.get("request"))
