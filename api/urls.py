from django.urls import path

from .views import ApiView

app_name = "api"

urlpatterns = [path("", ApiView.as_view(), name="graphql")]
