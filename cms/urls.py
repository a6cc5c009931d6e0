from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.api_v2 import api_router
from cms.robots import robots_txt

urlpatterns = [
    path("robots.txt", robots_txt),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("graphql/", include("api.urls")),  # the GraphQL API (api/)
    path("kcc/", include("themes.urls")),  # the KCC console (themes/)
]

# Error pages in the site's theme (themes/views.py).
handler403 = "themes.views.permission_denied"
handler404 = "themes.views.page_not_found"
handler500 = "themes.views.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
