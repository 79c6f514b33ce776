from django.urls import path

from accessibility import views

# The names of the pages every footer links to stay without a namespace, like imprint and privacy.
# Leichte Sprache and Deutsche Gebärdensprache are German by nature: one path in every language.
urlpatterns = [
    path("accessibility/", views.statement, name="accessibility"),
    path("accessibility/feedback/", views.feedback, name="accessibility_feedback"),
    path("leichte-sprache/", views.easy_read, name="easy_read"),
    path("gebaerdensprache/", views.sign_language, name="sign_language"),
]
