"""Products and knowledge articles share their place in the tree, search fields and template."""

import pytest

from catalogue.models import KnowledgeArticlePage, ProductPage, SectionPage

pytestmark = pytest.mark.django_db

ENTRY_TYPES = (ProductPage, KnowledgeArticlePage)


@pytest.mark.parametrize("model", ENTRY_TYPES)
def test_entries_live_in_a_section_without_children(model):
    assert model.clean_parent_page_models() == [SectionPage]
    assert model.clean_subpage_models() == []


@pytest.mark.parametrize("model", ENTRY_TYPES)
def test_entries_index_summary_keywords_and_slug(model):
    fields = {(type(f).__name__, f.field_name) for f in model.search_fields}
    assert {("SearchField", "summary"), ("SearchField", "keywords"), ("FilterField", "slug")} <= (
        fields
    )
    assert (("SearchField", "synonyms") in fields) == (model is ProductPage)


@pytest.mark.parametrize("model", ENTRY_TYPES)
def test_entries_render_with_the_entry_template(model, rf, admin_user):
    page = model.objects.live().first()
    request = rf.get(page.url)
    request.user = admin_user
    response = page.serve(request)
    response.render()
    assert response.template_name == "catalogue/entry_page.html"
    assert page.title.encode() in response.content
