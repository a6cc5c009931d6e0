"""`{% theme_head %}` and `{% theme_header %}`: the site's look in any built-in HTML page.

Other apps' templates (GraphiQL, previews) use these, or extend `base.html`.
"""

from django import template
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from themes.theme import theme_for_request

register = template.Library()


@register.simple_tag(takes_context=True)
def theme(context):
    """The ThemeSettings of the current site (e.g. `{% theme as t %}{{ t.display_name }}`)."""
    return theme_for_request(context.get("request"))


@register.simple_tag(takes_context=True)
def theme_head(context):
    """The stylesheet and the site's design tokens; put it in <head>."""
    current = theme_for_request(context.get("request"))
    # `css` contains only validated #rrggbb values and fixed names, so it is safe inline.
    return format_html(
        '<link rel="stylesheet" href="{}">\n<style>{}</style>',
        static("themes/theme.css"),
        mark_safe(current.css),  # noqa: S308
    )


@register.inclusion_tag("themes/includes/header.html", takes_context=True)
def theme_header(context, subtitle: str = ""):
    current = theme_for_request(context.get("request"))
    return {"theme": current, "subtitle": subtitle, "request": context.get("request")}
