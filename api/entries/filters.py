from ..core.lookup import usable


def filter_entries(queryset, topic=None, life_event=None, audience=None, service=None):
    """Taxonomy and service filters shared by products and articles; unknown slugs match none."""
    for lookup, value in (
        ("topics__slug", topic),
        ("life_events__slug", life_event),
        ("audiences__slug", audience),
        ("responsible_service__slug", service),
    ):
        if value is not None:
            queryset = queryset.filter(**{lookup: value}) if usable(value) else queryset.none()
    return queryset
