"""Propose a change to a page one may not edit: it becomes a task for the owning service.

Editors edit (and see in the explorer) only their own service's pages. For another service's
product or article they use "Wijziging voorstellen": the proposal lands in the owning
service's task list (Meldingen), whose editors make the change, which then goes through the
moderation workflow like every change.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import AdminPageChooser
from wagtail.models import Page

from catalogue.models import KnowledgeArticlePage, ProductPage
from cms.feedback import report_feedback
from cms.models import ContentFeedback


class ProposalForm(forms.Form):
    page = forms.ModelChoiceField(
        label="Pagina",
        queryset=Page.objects.all(),
        widget=AdminPageChooser(target_models=[ProductPage, KnowledgeArticlePage]),
        help_text="Het product of kennisartikel waarover het gaat.",
    )
    remark = forms.CharField(
        label="Uw voorstel",
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Wat moet er anders, en waarom? Noem de bron als het om een feit gaat.",
        max_length=5000,
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_page(self):
        page = self.cleaned_data["page"]
        if not issubclass(page.specific_class or Page, ProductPage | KnowledgeArticlePage):
            raise forms.ValidationError("Kies een product of kennisartikel.")
        if page.permissions_for_user(self.user).can_edit():
            raise forms.ValidationError(
                "Deze pagina kunt u zelf bewerken; een voorstel is dan niet nodig."
            )
        return page


class ProposalView(WagtailAdminTemplateMixin, FormView):
    template_name = "cms/proposal.html"
    form_class = ProposalForm
    header_icon = "comment"
    page_title = "Wijziging voorstellen"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("wagtailadmin.access_admin"):
            raise PermissionDenied
        self.page = None
        if "page_id" in kwargs:
            self.page = get_object_or_404(Page, pk=kwargs["page_id"]).specific
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["user"] = self.request.user
        if self.page is not None:
            kwargs["initial"] = {"page": self.page}
        return kwargs

    def form_valid(self, form):
        page = form.cleaned_data["page"].specific
        feedback = report_feedback(
            ContentFeedback.Kind.PROPOSAL,
            page=page,
            remark=form.cleaned_data["remark"],
            user=self.request.user,
        )
        service = feedback.service.name if feedback.service else "de eindredactie"
        messages.success(
            self.request,
            f"Uw voorstel voor \u201c{page.title}\u201d is doorgestuurd naar {service}.",
        )
        return redirect(reverse("cms_dashboard"))
