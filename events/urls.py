from django.urls import path

from events import views

app_name = "events"

urlpatterns = [
    path("", views.index, name="index"),
    path("archive/", views.archive, name="archive"),
    path("manage/", views.manage, name="manage"),
    path("new/", views.create, name="create"),
    # Subscribable iCalendar feeds.
    path("feed.ics", views.feed_all, name="feed"),
    path(
        "feeds/districts/<slug:city>/<slug:district>.ics",
        views.feed_district,
        name="feed_district",
    ),
    path("feeds/networks/<slug:slug>.ics", views.feed_network, name="feed_network"),
    path(
        "feeds/organisations/<slug:slug>.ics",
        views.feed_organisation,
        name="feed_organisation",
    ),
    # The private link of one registration (the token is the only key).
    path("registration/<str:token>/", views.registration_detail, name="registration"),
    path("registration/<str:token>/done/", views.registration_done, name="registration_done"),
    path("registration/<str:token>/cancel/", views.registration_cancel, name="registration_cancel"),
    path(
        "registration/<str:token>/event.ics",
        views.registration_calendar,
        name="registration_calendar",
    ),
    # One event.
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/event.ics", views.event_calendar, name="ics"),
    path("<slug:slug>/register/", views.register, name="register"),
    path("<slug:slug>/delegates/", views.delegates, name="delegates"),
    path("<slug:slug>/edit/", views.edit, name="edit"),
    path("<slug:slug>/publish/", views.publish, name="publish"),
    path("<slug:slug>/cancel/", views.cancel, name="cancel"),
    path("<slug:slug>/duplicate/", views.duplicate, name="duplicate"),
    path("<slug:slug>/registrations/", views.registrations, name="registrations"),
    path("<slug:slug>/registrations.csv", views.registrations_csv, name="registrations_csv"),
    path("<slug:slug>/check-in/", views.check_in, name="check_in"),
    path("<slug:slug>/check-in/<int:pk>/", views.check_in_toggle, name="check_in_toggle"),
    path("<slug:slug>/message/", views.message, name="message"),
]
