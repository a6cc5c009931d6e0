"""Admin for API tokens: the plain token is shown once, right after it is created."""

from django.template.response import TemplateResponse
from wagtail.admin.ui.tables import BooleanColumn, Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log

from .models import ApiToken
from .tokens import create_token


class TokenIndexView(generic.IndexView):
    def get_queryset(self):
        return super().get_queryset().select_related("user")

    @property
    def columns(self):
        return [
            self._get_title_column_class(TitleColumn)(
                "name", label="Naam", get_url=self.get_edit_url
            ),
            Column("prefix", label="Begint met"),
            Column("get_role_display", label="Rol"),
            Column("user", label="Medewerker"),
            BooleanColumn("active", label="Actief"),
            Column("last_used_at", label="Laatst gebruikt"),
            Column("expires_at", label="Verloopt op"),
        ]


class TokenCreateView(generic.CreateView):
    def form_valid(self, form):
        data = form.cleaned_data
        self.object, plain = create_token(data["name"], data["role"], data.get("user"))
        if data.get("expires_at"):
            self.object.expires_at = data["expires_at"]
            self.object.save(update_fields=["expires_at"])
        log(self.object, "wagtail.create", user=self.request.user)
        context = self.get_context_data(form=form, token=plain, object=self.object)
        context["page_title"] = context["header_title"] = "API-token aangemaakt"
        return TemplateResponse(self.request, "api/token_created.html", context)


class ApiTokenViewSet(ModelViewSet):
    model = ApiToken
    icon = "key"
    menu_label = "GraphQL-tokens"
    menu_name = "graphql_tokens"
    add_to_settings_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = False
    form_fields = ["name", "role", "user", "expires_at", "active"]
    index_view_class = TokenIndexView
    add_view_class = TokenCreateView
