"""Who may use the KCC console: members of the KCC agent group (cms.roles)."""

try:
    from cms.roles import KCC_GROUP
except ImportError:  # pragma: no cover - roles module not installed
    KCC_GROUP = "KCC-medewerker"


def is_kcc_agent(user) -> bool:
    """Active, logged-in members of the KCC group. Editors and admins are a different role."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    return user.groups.filter(name=KCC_GROUP).exists()
