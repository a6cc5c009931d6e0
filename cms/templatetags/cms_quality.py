from django import template

register = template.Library()

_SEVERITY = {"error": "Fout", "warning": "Waarschuwing", "info": "Tip", "ok": "In orde"}


@register.filter
def severity_label(value: str) -> str:
    return _SEVERITY.get(value, value)


@register.filter
def passed_count(checks) -> int:
    return sum(1 for _, ok in checks if ok)
