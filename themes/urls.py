from django.urls import path

from . import views

app_name = "themes"

urlpatterns = [
    path("", views.console, name="console"),
    path("inloggen/", views.ConsoleLoginView.as_view(), name="login"),
    path("uitloggen/", views.ConsoleLogoutView.as_view(), name="logout"),
    path("melding/", views.feedback, name="feedback"),
    path("gebeurtenis/", views.event, name="event"),
]
