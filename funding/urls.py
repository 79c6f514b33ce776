from django.urls import path

from funding import views

app_name = "funding"

urlpatterns = [
    path("", views.index, name="index"),
    path("archive/", views.archive, name="archive"),
    path("new/", views.create, name="create"),
    # Subscribable calendars of deadlines.
    path("deadlines.ics", views.feed_all, name="feed"),
    path(
        "deadlines/<slug:city>/<slug:district>.ics",
        views.feed_district,
        name="feed_district",
    ),
    # One call.
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/edit/", views.edit, name="edit"),
    path("<slug:slug>/publish/", views.publish, name="publish"),
    path("<slug:slug>/unpublish/", views.unpublish, name="unpublish"),
]
